// Customer: the company's name, and its tabs (Subscriptions, Account), each at its own address
// (/customers/{id}/subscriptions, …/account) so that the Customers list's quick links open them.
import { Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';

import { ErrorBar } from '../../components/ErrorBar';
import { useT } from '../../i18n/LanguageProvider';
import type { Customer } from '../customers/api';
import { AccountTab } from './AccountTab';
import { getCustomer } from './api';
import { SubscriptionsTab } from './SubscriptionsTab';
import { UsersTab } from './UsersTab';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // At phone width the three tabs (longer in Russian) wrap rather than widen the page.
  tabs: { flexWrap: 'wrap' },
});

const TABS = ['subscriptions', 'users', 'account'] as const;
type TabName = (typeof TABS)[number];

export function CustomerPage() {
  const styles = useStyles();
  const t = useT();
  const navigate = useNavigate();
  const { customerId = '', tab } = useParams();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setCustomer(null);
    setError(null);
    getCustomer(customerId).then(setCustomer).catch(setError);
  }, [customerId]);

  if (!TABS.includes(tab as TabName)) return <Navigate to={`/customers/${customerId}/subscriptions`} replace />;
  if (error) return <ErrorBar error={error} />;
  if (!customer) return <Spinner label={t('shell.loading')} />;

  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <Title2 as="h1" id="customer-title">
        {customer.companyProfile.companyName}
      </Title2>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => navigate(`/customers/${customerId}/${String(d.value)}`)}
        aria-label={t('customer.tabs')}
        className={styles.tabs}
      >
        {TABS.map((name) => (
          <Tab key={name} value={name}>
            {t(`customer.tab.${name}`)}
          </Tab>
        ))}
      </TabList>
      {tab === 'subscriptions' && <SubscriptionsTab customer={customer} />}
      {tab === 'users' && <UsersTab customer={customer} />}
      {tab === 'account' && <AccountTab customer={customer} />}
    </section>
  );
}
