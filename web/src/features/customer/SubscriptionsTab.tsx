// The customer's subscriptions: offer, quantity, status, reseller of record; Export (a CSV made
// here from the list, which the API does not export) and Add subscription (the wizard's line
// editor, then one order).
import { Button, Spinner, TableCell, TableRow, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';

import { ErrorBar } from '../../components/ErrorBar';
import { toCsv } from '../../components/csv';
import { useListPageStyles } from '../../components/layout';
import { ListTable } from '../../components/ListTable';
import { saveFile } from '../../components/saveFile';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import type { Customer } from '../customers/api';
import { AddSubscription } from './AddSubscription';
import { listSubscriptions, type Subscription } from './api';

export function SubscriptionsTab({ customer }: { customer: Customer }) {
  const styles = useListPageStyles();
  const t = useT();
  const me = useMe();
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    listSubscriptions(customer.id).then(setSubscriptions).catch(setError);
  }, [customer.id]);
  useEffect(load, [load]);

  const status = (s: Subscription) =>
    t(`customer.status.${s.status === 'active' || s.status === 'suspended' ? s.status : 'other'}`, {
      status: s.status,
    });

  const doExport = () => {
    const header = [
      t('customer.subscriptions.offer'),
      t('customer.subscriptions.quantity'),
      t('customer.subscriptions.status'),
      t('customer.subscriptions.reseller'),
      t('customer.subscriptions.id'),
    ];
    const rows = (subscriptions ?? []).map((s) => [
      s.friendlyName || s.offerName,
      s.quantity,
      status(s),
      s.partnerId ?? '',
      s.id,
    ]);
    saveFile(toCsv([header, ...rows]), `subscriptions-${customer.companyProfile.domain}.csv`);
  };

  if (error) return <ErrorBar error={error} />;
  if (!subscriptions) return <Spinner label={t('shell.loading')} />;

  return (
    <>
      <div className={styles.toolbar}>
        {can(me, 'placeOrder') && !adding && (
          <Button appearance="primary" onClick={() => setAdding(true)}>
            {t('customer.subscriptions.add')}
          </Button>
        )}
        <Button onClick={doExport} disabled={subscriptions.length === 0}>
          {t('customer.subscriptions.export')}
        </Button>
      </div>
      {adding && (
        <AddSubscription
          customerId={customer.id}
          onDone={(ordered) => {
            setAdding(false);
            if (ordered) load();
          }}
        />
      )}
      {subscriptions.length === 0 ? (
        <Text>{t('customer.subscriptions.empty')}</Text>
      ) : (
        <ListTable
          label={t('customer.tab.subscriptions')}
          columns={[
            { label: t('customer.subscriptions.offer') },
            { label: t('customer.subscriptions.quantity') },
            { label: t('customer.subscriptions.status') },
            { label: t('customer.subscriptions.reseller') },
          ]}
        >
          {subscriptions.map((s) => (
            <TableRow key={s.id}>
              <TableCell className={styles.cell}>
                <RouterLink to={`/customers/${customer.id}/subscriptions/${s.id}`}>
                  {s.friendlyName || s.offerName}
                </RouterLink>
              </TableCell>
              <TableCell>{s.quantity}</TableCell>
              <TableCell>{status(s)}</TableCell>
              <TableCell>{s.partnerId ?? t('customer.subscriptions.noReseller')}</TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
    </>
  );
}
