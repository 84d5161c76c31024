// The left-hand menu. A page appears only for the users who can use it: add a line here when
// you add a page (with its route in app/routes.tsx and its title in your feature's catalog).
import type { Me } from '../session/session';
import { can } from '../session/permissions';
import { isIndirectProvider, isIndirectReseller } from '../features/partners/programs';

export interface NavItem {
  path: string;
  /** A catalog key: the menu entry's text. */
  label: string;
  visible: (me: Me) => boolean;
}

export const NAVIGATION: NavItem[] = [
  { path: '/customers', label: 'customers.nav', visible: (me) => can(me, 'viewCustomers') },
  // A customer's Global admin lands on its partners (features/invitation); other users on Home.
  { path: '/organization/partners', label: 'invitation.partners.nav', visible: (me) => me.globalAdmin === true },
  {
    path: '/indirect-resellers',
    label: 'partners.resellers.nav',
    visible: (me) => can(me, 'viewPartnerships') && isIndirectProvider(me),
  },
  {
    path: '/indirect-providers',
    label: 'partners.providers.nav',
    visible: (me) => can(me, 'viewPartnerships') && isIndirectReseller(me),
  },
  { path: '/activity-log', label: 'activityLog.nav', visible: (me) => can(me, 'viewActivityLog') },
  { path: '/partner-users', label: 'partnerUsers.nav', visible: (me) => can(me, 'viewPartnerUsers') },
  { path: '/app-registrations', label: 'appRegistrations.nav', visible: (me) => can(me, 'manageAppRegistrations') },
  { path: '/home', label: 'shell.nav.home', visible: (me) => me.tenantType === 'customer' },
];

/** Where a user lands after sign-in: the first page they may see. */
export function homePath(me: Me): string {
  return NAVIGATION.find((item) => item.visible(me))?.path ?? '/home';
}
