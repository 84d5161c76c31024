// The log's rows (date and time, affected customer, action, partner user); each expands to the
// whole record: who, when, what, the customer, the values before and after.
import { TableCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router';

import { PHONE, useListPageStyles } from '../../components/layout';
import { DetailsRow, ExpanderCell, ListTable } from '../../components/ListTable';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import type { AuditRecord } from './api';
import { actorOf, operationName, pretty, resourceName, statusName } from './labels';

// At phone width the partner user's column is left out: it is in the expanded details.
const useStyles = makeStyles({
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
    [PHONE]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  value: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export function ActivityTable({ records }: { records: AuditRecord[] }) {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const intl = useIntl();
  const me = useMe();
  const [open, setOpen] = useState<string | null>(null);
  const when = (r: AuditRecord) => intl.formatDate(r.operationDate, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <ListTable
      label={t('activityLog.table.label')}
      columns={[
        { expander: true },
        { label: t('activityLog.table.date') },
        { label: t('activityLog.table.customer') },
        { label: t('activityLog.table.action') },
        { label: t('activityLog.table.user'), wide: true },
      ]}
    >
      {records.map((r) => {
        const expanded = open === r.id;
        const detailsId = `activity-details-${r.id}`;
        const action = operationName(intl, r.operationType);
        return (
          <Fragment key={r.id}>
            <TableRow>
              <ExpanderCell
                expanded={expanded}
                controls={detailsId}
                label={t('activityLog.table.details', { action, date: when(r) })}
                onToggle={() => setOpen(expanded ? null : r.id)}
              />
              <TableCell className={styles.cell}>{when(r)}</TableCell>
              <TableCell className={styles.cell}>{r.customerName}</TableCell>
              <TableCell className={styles.cell}>{action}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.wide)}>{actorOf(r)}</TableCell>
            </TableRow>
            {expanded && (
              <DetailsRow id={detailsId} colSpan={5}>
                <dl className={styles.details} aria-label={t('activityLog.details.label')}>
                  <dt className={styles.dt}>{t('activityLog.details.when')}</dt>
                  <dd className={styles.dd}>
                    {intl.formatDate(r.operationDate, { dateStyle: 'full', timeStyle: 'long' })}
                  </dd>
                  <dt className={styles.dt}>{t('activityLog.details.who')}</dt>
                  <dd className={styles.dd}>{r.userPrincipalName || t('activityLog.details.appOnly')}</dd>
                  {r.applicationId && (
                    <>
                      <dt className={styles.dt}>{t('activityLog.details.application')}</dt>
                      <dd className={styles.dd}>{r.applicationId}</dd>
                    </>
                  )}
                  <dt className={styles.dt}>{t('activityLog.details.action')}</dt>
                  <dd className={styles.dd}>
                    {action} ({r.operationType})
                  </dd>
                  <dt className={styles.dt}>{t('activityLog.details.status')}</dt>
                  <dd className={styles.dd}>{statusName(intl, r.operationStatus)}</dd>
                  <dt className={styles.dt}>{t('activityLog.details.resourceType')}</dt>
                  <dd className={styles.dd}>{resourceName(intl, r.resourceType)}</dd>
                  {r.customerId && (
                    <>
                      <dt className={styles.dt}>{t('activityLog.details.customer')}</dt>
                      <dd className={styles.dd}>
                        {r.customerName} ({r.customerId})
                        {can(me, 'viewSubscriptions') && (
                          <>
                            {' · '}
                            <RouterLink to={`/customers/${r.customerId}/subscriptions`}>
                              {t('activityLog.details.subscriptions')}
                            </RouterLink>
                          </>
                        )}
                      </dd>
                    </>
                  )}
                  {r.resourceOldValue && (
                    <>
                      <dt className={styles.dt}>{t('activityLog.details.oldValue')}</dt>
                      <dd className={styles.dd}>
                        <pre className={styles.value}>{pretty(r.resourceOldValue)}</pre>
                      </dd>
                    </>
                  )}
                  {r.resourceNewValue && (
                    <>
                      <dt className={styles.dt}>{t('activityLog.details.newValue')}</dt>
                      <dd className={styles.dd}>
                        <pre className={styles.value}>{pretty(r.resourceNewValue)}</pre>
                      </dd>
                    </>
                  )}
                  {r.customizedData.map((d) => (
                    <Fragment key={d.key}>
                      <dt className={styles.dt}>{d.key}</dt>
                      <dd className={styles.dd}>{d.value}</dd>
                    </Fragment>
                  ))}
                  {r.originalCorrelationId && (
                    <>
                      <dt className={styles.dt}>{t('activityLog.details.correlationId')}</dt>
                      <dd className={styles.dd}>{r.originalCorrelationId}</dd>
                    </>
                  )}
                </dl>
              </DetailsRow>
            )}
          </Fragment>
        );
      })}
    </ListTable>
  );
}
