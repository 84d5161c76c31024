// Search by company name or domain (a prefix), or filter by indirect reseller (providers). The
// API filters on one field at a time, so choosing a reseller clears the search and back.
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';

import { useT } from '../../i18n/LanguageProvider';
import type { Reseller } from '../../api/partner';
import { ResellerSelect } from '../../components/ResellerSelect';
import type { SearchField } from './api';
import type { ListQuery } from './useCustomerPages';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

interface Props {
  query: ListQuery;
  resellers: Reseller[] | null; // null: not a provider, no reseller filter
  onChange: (query: ListQuery) => void;
}

export function CustomerFilters({ query, resellers, onChange }: Props) {
  const styles = useStyles();
  const t = useT();
  const [field, setField] = useState<SearchField>(query.search?.field ?? 'CompanyName');
  const [text, setText] = useState(query.search?.value ?? '');

  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ size: query.size, search: { field, value: text.trim() } });
  };

  return (
    <div className={styles.row}>
      <form className={styles.row} role="search" onSubmit={search}>
        <Field label={t('customers.search.field')}>
          <Select value={field} onChange={(_, d) => setField(d.value as SearchField)}>
            <option value="CompanyName">{t('customers.search.companyName')}</option>
            <option value="Domain">{t('customers.search.domain')}</option>
          </Select>
        </Field>
        <Field label={t('customers.search.label')}>
          <Input type="search" name="search" value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button type="submit" icon={<SearchRegular />}>
          {t('customers.search.submit')}
        </Button>
      </form>
      {resellers && (
        <Field label={t('customers.filter.reseller')}>
          <ResellerSelect
            name="reseller"
            resellers={resellers}
            value={query.resellerId ?? ''}
            onChange={(v) => {
              setText('');
              onChange({ size: query.size, resellerId: v || undefined });
            }}
            emptyLabel={t('customers.filter.allResellers')}
          />
        </Field>
      )}
      <Field label={t('customers.pageSize')}>
        <Select
          name="pageSize"
          value={String(query.size)}
          onChange={(_, d) => onChange({ ...query, size: Number(d.value) })}
        >
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
