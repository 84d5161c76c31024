// Customers: search, filter by indirect reseller (providers), the paged list with expanding
// rows, Export customers, Add customer, Request a reseller relationship. A control the user's
// role cannot use is absent; one the partner's program cannot use is disabled with the reason.
import { Button, Spinner, Text, Title2, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

import { ErrorBar } from '../../components/ErrorBar';
import { useListPageStyles } from '../../components/layout';
import { useAction } from '../../components/useAction';
import { saveFile } from '../../components/saveFile';
import { useT } from '../../i18n/LanguageProvider';
import { can } from '../../session/permissions';
import { useMe } from '../../session/SessionProvider';
import { isProvider, listResellers, ownProfile, sellsDirectly, type Profile, type Reseller } from '../../api/partner';
import { exportCustomers } from './api';
import { CustomerFilters } from './CustomerFilters';
import { CustomerTable } from './CustomerTable';
import { RelationshipRequestDialog } from './RelationshipRequestDialog';
import { useCustomerPages, type ListQuery } from './useCustomerPages';

const useStyles = makeStyles({
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function CustomersPage() {
  const styles = { ...useListPageStyles(), ...useStyles() };
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState<ListQuery>({ size: 10 });
  const pages = useCustomerPages(query);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [resellers, setResellers] = useState<Reseller[] | null>(null);
  const [requestOpen, setRequestOpen] = useState(false);
  // The dialog is opened from state, not a DialogTrigger: focus goes back to its button here.
  const requestButton = useRef<HTMLButtonElement>(null);
  const exporting = useAction();

  useEffect(() => {
    ownProfile()
      .then((p) => {
        setProfile(p);
        if (isProvider(p)) return listResellers().then(setResellers);
      })
      .catch(() => setProfile(null)); // the page works without it: no reseller filter
  }, []);

  const isReseller = profile !== null && !sellsDirectly(profile);

  const doExport = () =>
    exporting.run(async () => {
      saveFile(await exportCustomers(), `customers-${new Date().toISOString().slice(0, 10)}.csv`);
    });

  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <Title2 as="h1" id="customers-title">
        {t('customers.title')}
      </Title2>
      <div className={styles.toolbar}>
        {can(me, 'addCustomer') &&
          (isReseller ? (
            <Tooltip content={t('customers.add.resellerReason')} relationship="description">
              <Button disabledFocusable>{t('customers.add')}</Button>
            </Tooltip>
          ) : (
            <Button appearance="primary" onClick={() => navigate('/customers/new')}>
              {t('customers.add')}
            </Button>
          ))}
        {can(me, 'exportCustomers') && (
          <Button onClick={() => void doExport()} disabled={exporting.busy}>
            {t('customers.export')}
          </Button>
        )}
        {can(me, 'requestResellerRelationship') && (
          <Button ref={requestButton} onClick={() => setRequestOpen(true)}>
            {t('customers.request.open')}
          </Button>
        )}
      </div>
      <ErrorBar error={exporting.error} />
      <CustomerFilters query={query} resellers={resellers} onChange={setQuery} />
      <ErrorBar error={pages.error} />
      {pages.loading ? (
        <Spinner label={t('shell.loading')} />
      ) : pages.items.length === 0 ? (
        <Text role="status">{t('customers.empty')}</Text>
      ) : (
        <CustomerTable customers={pages.items} />
      )}
      <nav className={styles.pager} aria-label={t('customers.pager.label')}>
        <Button onClick={pages.previous} disabled={!pages.hasPrevious || pages.loading}>
          {t('customers.pager.previous')}
        </Button>
        <Text role="status">{t('customers.pager.page', { page: pages.page + 1, count: pages.items.length })}</Text>
        <Button onClick={pages.next} disabled={!pages.hasNext || pages.loading}>
          {t('customers.pager.next')}
        </Button>
      </nav>
      <RelationshipRequestDialog
        open={requestOpen}
        delegatedAdminBlocked={can(me, 'requestDelegatedAdmin') ? null : 'customers.request.delegatedAdminReason'}
        onClose={() => {
          setRequestOpen(false);
          requestButton.current?.focus();
        }}
      />
    </section>
  );
}
