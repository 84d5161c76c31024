// The providers (theme, language, session) and the routes. Signed out, every path shows the
// sign-in page; a temporary password shows the change page until it is replaced.
import { FluentProvider, Spinner, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useLocation } from 'react-router';

import { AddCustomerWizard } from '../features/addCustomer/AddCustomerWizard';
import { CustomerPage } from '../features/customer/CustomerPage';
import { SubscriptionPage } from '../features/customer/SubscriptionPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { INVITATION_PATH, PARTNERS_PATH } from '../features/invitation/api';
import { InvitationPage } from '../features/invitation/InvitationPage';
import { PartnersPage } from '../features/invitation/PartnersPage';
import { SignedOutInvitation } from '../features/invitation/SignedOutInvitation';
import { AcceptPartnershipPage } from '../features/partners/AcceptPartnershipPage';
import { ProvidersPage } from '../features/partners/ProvidersPage';
import { ResellersPage } from '../features/partners/ResellersPage';
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
  const location = useLocation();
  if (state.kind === 'loading') return <Spinner label={t('shell.loading')} />;
  // A partner's invitation link opened signed out: what it is, then Sign in or Create account.
  if (state.kind === 'signedOut' && location.pathname === INVITATION_PATH) return <SignedOutInvitation />;
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
        <Route path="indirect-resellers" element={<ResellersPage />} />
        <Route path="indirect-providers" element={<ProvidersPage />} />
        <Route path="partnerships/accept/:token?" element={<AcceptPartnershipPage />} />
        <Route path="activity-log" element={<ActivityLogPage />} />
        <Route path="partner-users" element={<PartnerUsersPage />} />
        <Route path="app-registrations" element={<AppRegistrationsPage />} />
        <Route path="home" element={<HomePage />} />
        <Route path={INVITATION_PATH.slice(1)} element={<InvitationPage />} />
        <Route path={PARTNERS_PATH.slice(1)} element={<PartnersPage />} />
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
