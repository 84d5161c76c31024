// What the signed-in user's roles allow, to shape the UI: a control the role cannot use is left
// out or disabled with the reason. A copy of the server's table (src/domain/identity/
// permissions.cpp) for the operations the portal offers; the API still enforces every one.
import type { Me, Role } from './session';

const ALLOWED = {
  viewCustomers: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'],
  exportCustomers: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'],
  addCustomer: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'UserManagementAdmin'],
  requestResellerRelationship: ['GlobalAdmin', 'AdminAgent', 'SalesAgent'],
  requestDelegatedAdmin: ['GlobalAdmin', 'AdminAgent'],
  updateCustomer: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'],
  removeCustomerRelationship: ['GlobalAdmin', 'AdminAgent'],
  viewSubscriptions: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'BillingAdmin'],
  updateSubscription: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'BillingAdmin'],
  setResellerOfRecord: ['GlobalAdmin', 'AdminAgent', 'SalesAgent'],
  setSupportContact: ['GlobalAdmin', 'AdminAgent', 'HelpdeskAgent'],
  viewCustomerUsers: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'UserManagementAdmin'],
  manageCustomerUsers: ['GlobalAdmin', 'AdminAgent', 'UserManagementAdmin'],
  bulkUploadCustomerUsers: ['GlobalAdmin'],
  manageLicenses: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'UserManagementAdmin'],
  confirmCustomerAgreement: ['GlobalAdmin', 'AdminAgent', 'SalesAgent'],
  viewSelfServePolicy: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent'],
  manageSelfServePolicy: ['GlobalAdmin', 'AdminAgent'],
  placeOrder: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'BillingAdmin'],
  viewPartnerships: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'UserManagementAdmin'],
  managePartnerships: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'UserManagementAdmin'],
  acceptPartnership: ['GlobalAdmin', 'AdminAgent'],
  viewActivityLog: ['GlobalAdmin', 'AdminAgent', 'SalesAgent', 'HelpdeskAgent', 'UserManagementAdmin', 'BillingAdmin'],
  viewPartnerUsers: ['GlobalAdmin', 'UserManagementAdmin'],
  managePartnerUsers: ['GlobalAdmin', 'UserManagementAdmin'],
  manageAppRegistrations: ['GlobalAdmin'],
} satisfies Record<string, Role[]>;

export type Operation = keyof typeof ALLOWED;

export function can(me: Me, operation: Operation): boolean {
  if (me.tenantType !== 'partner') return false;
  const allowed: readonly Role[] = ALLOWED[operation];
  return me.roles.some((role) => allowed.includes(role));
}
