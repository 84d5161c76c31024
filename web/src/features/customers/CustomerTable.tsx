// The customer list; each row expands to the tenant ID, the domain and quick links.
import { TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router';

import { useListPageStyles } from '../../components/layout';
import { DetailsRow, ExpanderCell, ListTable } from '../../components/ListTable';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { useT } from '../../i18n/LanguageProvider';
import type { Customer } from './api';

const useStyles = makeStyles({
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: tokens.spacingVerticalS,
    wordBreak: 'break-all',
  },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export function CustomerTable({ customers }: { customers: Customer[] }) {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);

  return (
    <ListTable
      label={t('customers.table.label')}
      columns={[
        { expander: true, label: <VisuallyHidden>{t('customers.table.expand')}</VisuallyHidden> },
        { label: t('customers.table.companyName') },
        { label: t('customers.table.domain') },
      ]}
    >
      {customers.map((c) => {
        const expanded = open === c.id;
        const detailsId = `customer-details-${c.id}`;
        const name = c.companyProfile.companyName;
        return (
          <Fragment key={c.id}>
            <TableRow>
              <ExpanderCell
                expanded={expanded}
                controls={detailsId}
                label={t('customers.table.details', { name })}
                onToggle={() => setOpen(expanded ? null : c.id)}
              />
              <TableCell className={styles.cell}>{name}</TableCell>
              <TableCell className={styles.cell}>{c.companyProfile.domain}</TableCell>
            </TableRow>
            {expanded && (
              <DetailsRow id={detailsId} colSpan={3}>
                <dl className={styles.details}>
                  <dt>{t('customers.table.tenantId')}</dt>
                  <dd>{c.id}</dd>
                  <dt>{t('customers.table.domain')}</dt>
                  <dd>{c.companyProfile.domain}</dd>
                  <dt>{t('customers.table.quickLinks')}</dt>
                  <dd className={styles.links}>
                    <RouterLink to={`/customers/${c.id}/subscriptions`}>
                      {t('customers.links.subscriptions')}
                    </RouterLink>
                    <RouterLink to={`/customers/${c.id}/users`}>{t('customers.links.users')}</RouterLink>
                    <RouterLink to={`/customers/${c.id}/account`}>{t('customers.links.account')}</RouterLink>
                  </dd>
                </dl>
              </DetailsRow>
            )}
          </Fragment>
        );
      })}
    </ListTable>
  );
}
