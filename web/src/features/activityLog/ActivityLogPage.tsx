// Activity log: the changes made by the partner's users and apps in a date range (the last 30
// days by default; the API reads 90 days back), with the one filter the API takes at a time
// (customer name, customer ID or resource type), Load more for the next page, an Action choice
// that narrows the loaded records, rows that expand to the whole record, and Export (CSV, made
// in the browser from the records shown).
import { Button, Field, Input, Select, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';

import { toCsv } from '../../components/csv';
import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { saveFile } from '../../components/saveFile';
import { useT } from '../../i18n/LanguageProvider';
import { MAX_DAYS_BACK, RESOURCE_TYPES, type AuditRecord, type FilterField, type LogQuery } from './api';
import { ActivityTable } from './ActivityTable';
import { dayBound, localDay } from './dates';
import { actorOf, operationName, resourceName, statusName } from './labels';
import { useActivityLog } from './useActivityLog';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_DAYS = 30;

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  // Long IDs and dates wrap rather than widen the page past a phone's width.
  field: { minWidth: '0', maxWidth: '100%' },
});

interface Form {
  from: string;
  to: string;
  field: FilterField | '';
  value: string;
  size: number;
}

function toQuery(form: Form): LogQuery | null {
  const start = dayBound(form.from);
  const end = dayBound(form.to, true);
  if (!start || !end) return null;
  const value = form.value.trim();
  return { start, end, size: form.size, filter: form.field && value ? { field: form.field, value } : undefined };
}

export function ActivityLogPage() {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const earliest = localDay(MAX_DAYS_BACK - 1);
  const today = localDay();
  const [form, setForm] = useState<Form>({
    from: localDay(DEFAULT_DAYS),
    to: today,
    field: '',
    value: '',
    size: DEFAULT_PAGE_SIZE,
  });
  const [query, setQuery] = useState<LogQuery | null>(() => toQuery(form));
  const [action, setAction] = useState('');
  const log = useActivityLog(query);

  const rangeProblem =
    !dayBound(form.from) || !dayBound(form.to)
      ? t('activityLog.range.required')
      : form.from < earliest
        ? t('activityLog.range.tooOld', { days: MAX_DAYS_BACK })
        : form.from > form.to
          ? t('activityLog.range.order')
          : undefined;

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (rangeProblem) return;
    setAction('');
    setQuery(toQuery(form));
  };

  // The Action choice lists the actions among the loaded records.
  const actions = useMemo(
    () =>
      [...new Set(log.records.map((r) => r.operationType))]
        .map((code) => ({ code, name: operationName(intl, code) }))
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [log.records, intl],
  );
  const shown = action ? log.records.filter((r) => r.operationType === action) : log.records;

  const doExport = () => {
    const header = [
      t('activityLog.table.date'),
      t('activityLog.table.customer'),
      t('activityLog.details.customerId'),
      t('activityLog.table.action'),
      t('activityLog.details.operation'),
      t('activityLog.details.resourceType'),
      t('activityLog.details.status'),
      t('activityLog.table.user'),
      t('activityLog.details.application'),
      t('activityLog.details.oldValue'),
      t('activityLog.details.newValue'),
      t('activityLog.details.correlationId'),
    ];
    const line = (r: AuditRecord) => [
      r.operationDate,
      r.customerName,
      r.customerId,
      operationName(intl, r.operationType),
      r.operationType,
      resourceName(intl, r.resourceType),
      statusName(intl, r.operationStatus),
      actorOf(r),
      r.applicationId,
      r.resourceOldValue,
      r.resourceNewValue,
      r.originalCorrelationId,
    ];
    saveFile(toCsv([header, ...shown.map(line)]), `activity-log-${form.from}-${form.to}.csv`);
  };

  const setField = (field: FilterField | '') => setForm((f) => ({ ...f, field, value: '' }));

  return (
    <section className={styles.page} aria-labelledby="activity-log-title">
      <Title2 as="h1" id="activity-log-title">
        {t('activityLog.title')}
      </Title2>
      <Text>{t('activityLog.intro', { days: MAX_DAYS_BACK })}</Text>
      <form className={styles.row} onSubmit={show} aria-label={t('activityLog.form.label')}>
        <Field className={styles.field} label={t('activityLog.range.from')} validationMessage={rangeProblem}>
          <Input
            type="date"
            value={form.from}
            min={earliest}
            max={today}
            onChange={(_, d) => setForm((f) => ({ ...f, from: d.value }))}
          />
        </Field>
        <Field className={styles.field} label={t('activityLog.range.to')}>
          <Input
            type="date"
            value={form.to}
            min={earliest}
            onChange={(_, d) => setForm((f) => ({ ...f, to: d.value }))}
          />
        </Field>
        <Field className={styles.field} label={t('activityLog.filter.field')}>
          <Select value={form.field} onChange={(_, d) => setField(d.value as FilterField | '')}>
            <option value="">{t('activityLog.filter.none')}</option>
            <option value="CompanyName">{t('activityLog.filter.CompanyName')}</option>
            <option value="CustomerId">{t('activityLog.filter.CustomerId')}</option>
            <option value="ResourceType">{t('activityLog.filter.ResourceType')}</option>
          </Select>
        </Field>
        {form.field === 'ResourceType' ? (
          <Field className={styles.field} label={t('activityLog.filter.resourceType')}>
            <Select value={form.value} onChange={(_, d) => setForm((f) => ({ ...f, value: d.value }))}>
              <option value="">{t('activityLog.filter.anyResource')}</option>
              {RESOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {resourceName(intl, type)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          form.field && (
            <Field className={styles.field} label={t(`activityLog.filter.value.${form.field}`)}>
              <Input value={form.value} onChange={(_, d) => setForm((f) => ({ ...f, value: d.value }))} />
            </Field>
          )
        )}
        <Field className={styles.field} label={t('activityLog.pageSize')}>
          <Select value={String(form.size)} onChange={(_, d) => setForm((f) => ({ ...f, size: Number(d.value) }))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {intl.formatNumber(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={log.loading}>
          {t('activityLog.show')}
        </Button>
      </form>
      <div className={styles.row}>
        <Field className={styles.field} label={t('activityLog.action.filter')} hint={t('activityLog.action.hint')}>
          <Select value={action} onChange={(_, d) => setAction(d.value)}>
            <option value="">{t('activityLog.action.all')}</option>
            {actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownloadRegular />} onClick={doExport} disabled={shown.length === 0}>
          {t('activityLog.export')}
        </Button>
      </div>
      <ErrorBar error={log.error} />
      {!(log.loading && log.records.length === 0) && (
        <Text role="status">
          {action
            ? t('activityLog.countOf', { shown: shown.length, loaded: log.records.length })
            : t('activityLog.count', { count: log.records.length })}
        </Text>
      )}
      {shown.length > 0 && <ActivityTable records={shown} />}
      {(log.hasMore || log.loading) && (
        <div className={styles.row}>
          {log.hasMore && (
            <Button onClick={log.loadMore} disabledFocusable={log.loading}>
              {t('activityLog.loadMore')}
            </Button>
          )}
          {log.loading && <Spinner size="small" label={t('shell.loading')} />}
        </div>
      )}
    </section>
  );
}
