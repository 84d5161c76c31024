// The providers (theme, language, session) and the routes. Signed out, every path shows the
// sign-in page; a temporary password shows the change page until it is replaced.
import { FluentProvider, Spinner, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';

import { AddCustomerWizard } from '../features/addCustomer/AddCustomerWizard';
import { CustomerPage } from '../features/customer/CustomerPage';
import { SubscriptionPage } from '../features/customer/SubscriptionPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { ActivityLogPage } from '../features/activityLog/ActivityLogPage';
import { AppRegistrationsPage } from '../features/appRegistrations/AppRegistrationsPage';
import { PartnerUsersPage } from '../features/partnerUsers/PartnerUsersPage';
import { AppLayout } from '../features/shell/AppLayout';
import { HomePage } from '../features/shell/HomePage';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { ChangePasswordPage } from '../features/signin/ChangePasswordPage';
import { SignInPage } from '../features/signin/SignInPage';
import { LanguageProvider, useT } from '../i18n/LanguageProvider';
import { SessionProvider, useSession } from '../session/SessionProvider';
import { homePath } from './navigation';

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

function Pages() {
  const t = useT();
  const { state } = useSession();
  if (state.kind === 'loading') return <Spinner label={t('shell.loading')} />;
  if (state.kind === 'signedOut') return <SignInPage />;
  if (state.mustChangePassword) return <ChangePasswordPage />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homePath(state.me)} replace />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/new" element={<AddCustomerWizard />} />
        <Route path="customers/:customerId/:tab?" element={<CustomerPage />} />
        <Route path="customers/:customerId/subscriptions/:subscriptionId" element={<SubscriptionPage />} />
        <Route path="activity-log" element={<ActivityLogPage />} />
        <Route path="partner-users" element={<PartnerUsersPage />} />
        <Route path="app-registrations" element={<AppRegistrationsPage />} />
        <Route path="home" element={<HomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider>
        <SessionProvider>
          <BrowserRouter>
            <Pages />
          </BrowserRouter>
        </SessionProvider>
      </LanguageProvider>
    </FluentProvider>
  );
}
