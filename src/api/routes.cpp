// Every route of csphub, one line each (RESTinio express patterns). Methods not listed for a
// path answer 405; unknown paths 404 (http/server.cpp). The group names the rate-limit bucket.
#include "api/routes.hpp"

#include "api/handlers.hpp"

namespace csphub::api {

std::vector<http::Route> BuildRoutes(Services& s) {
  struct Row {
    const char* method;
    const char* pattern;
    const char* group;
    bool authenticated;
    ApiHandler handler;
  };
  static const Row kRows[] = {
      {"GET", "/healthz", "health", false, Healthz},
      {"GET", "/readyz", "health", false, Readyz},
      {"POST", "/:tenant/oauth2/v2.0/token", "auth", false, IssueToken},
      {"POST", "/v1/portal/signout", "auth", false, SignOutOfPortal},

      {"POST", "/admin/v1/partners", "admin", true, EnrollPartner},
      {"GET", "/admin/v1/partners", "admin", true, ListPartners},
      {"GET", "/admin/v1/partners/:id", "admin", true, GetPartner},
      {"PATCH", "/admin/v1/partners/:id", "admin", true, PatchPartner},

      {"GET", "/v1/me", "me", true, GetMe},
      {"POST", "/v1/me/password", "me", true, ChangeMyPassword},
      {"GET", "/v1/users", "users", true, ListPartnerUsers},
      {"POST", "/v1/users", "users", true, CreatePartnerUser},
      {"GET", "/v1/users/:id", "users", true, GetPartnerUser},
      {"PATCH", "/v1/users/:id", "users", true, UpdatePartnerUser},
      {"DELETE", "/v1/users/:id", "users", true, DeletePartnerUser},
      {"POST", "/v1/users/:id/resetpassword", "users", true, ResetPartnerUserPassword},
      {"GET", "/v1/apps", "users", true, ListApps},
      {"POST", "/v1/apps", "users", true, CreateApp},
      {"POST", "/v1/apps/:id/secret", "users", true, RotateAppSecret},
      {"DELETE", "/v1/apps/:id", "users", true, DeleteApp},

      {"GET", "/v1/profiles/mpn", "partners", true, GetMpnProfile},
      {"GET", "/v1/relationships", "partners", true, ListRelationships},
      {"DELETE", "/v1/relationships/:id", "partners", true, RemoveRelationship},
      {"GET", "/v1/relationships/invitations", "partners", true, ListPartnershipInvitations},
      {"POST", "/v1/relationships/invitations", "partners", true, CreatePartnershipInvitation},
      {"DELETE", "/v1/relationships/invitations/:id", "partners", true,
       RevokePartnershipInvitation},
      {"POST", "/v1/relationships/invitations/preview", "partners", true,
       PreviewPartnershipInvitation},
      {"POST", "/v1/relationships/invitations/accept", "partners", true,
       AcceptPartnershipInvitation},

      {"GET", "/v1/auditrecords", "audit", true, ListAuditRecords},

      // The catalog (issue 4): partner-wide with ?country=, or in a customer's country.
      {"PUT", "/admin/v1/catalog", "admin", true, ImportCatalog},
      {"GET", "/v1/offers", "catalog", true, ListOffers},
      {"GET", "/v1/offers/:id", "catalog", true, GetOffer},
      {"GET", "/v1/products", "catalog", true, ListProducts},
      {"GET", "/v1/products/:pid", "catalog", true, GetProduct},
      {"GET", "/v1/products/:pid/skus", "catalog", true, ListSkus},
      {"GET", "/v1/products/:pid/skus/:sid", "catalog", true, GetSku},
      {"GET", "/v1/products/:pid/skus/:sid/availabilities", "catalog", true, ListAvailabilities},
      {"GET", "/v1/customers/:id/products", "catalog", true, ListCustomerProducts},
      {"GET", "/v1/customers/:id/products/:pid/skus", "catalog", true, ListCustomerSkus},
      {"GET", "/v1/customers/:id/products/:pid/skus/:sid/availabilities", "catalog", true,
       ListCustomerAvailabilities},

      // Fixed paths under /v1/customers come before /v1/customers/:id.
      {"POST", "/v1/customers", "customers", true, CreateCustomer},
      {"GET", "/v1/customers", "customers", true, ListCustomers},
      {"GET", "/v1/customers/relationshiprequests", "customers", true, RequestCustomerRelationship},
      {"GET", "/v1/customers/export", "customers", true, ExportCustomers},
      {"GET", "/v1/customers/:id", "customers", true, GetCustomer},
      {"PATCH", "/v1/customers/:id", "customers", true, PatchCustomer},
      {"GET", "/v1/customers/:id/profiles/company", "customers", true, GetCustomerCompanyProfile},
      {"GET", "/v1/customers/:id/profiles/billing", "customers", true, GetCustomerBillingProfile},
      {"PUT", "/v1/customers/:id/profiles/billing", "customers", true, PutCustomerBillingProfile},
      {"GET", "/v1/customers/:id/relationships", "customers", true, ListCustomerRelationships},
      {"HEAD", "/v1/domains/:domain", "customers", true, CheckDomain},
      {"POST", "/v1/customers/:id/agreements", "customers", true, CreateCustomerAgreement},
      {"GET", "/v1/customers/:id/agreements", "customers", true, ListCustomerAgreements},

      // A customer tenant's users, directory roles and licenses (reference §2.8, §4.2).
      {"POST", "/v1/customers/:id/users", "users", true, CreateCustomerUser},
      {"GET", "/v1/customers/:id/users", "users", true, ListCustomerUsers},
      // Bulk import (reference §2.9): the portal's CSV, and the passwords it made, once.
      {"POST", "/v1/customers/:id/users/import", "users", true, ImportCustomerUsersCsv},
      {"GET", "/v1/userimports/passwords", "users", true, DownloadImportPasswords},
      // Bulk import jobs: parts in, background processing, polling, per-row results.
      {"POST", "/v1/userimports", "users", true, StartUserImport},
      {"POST", "/v1/userimports/:jid/rows", "users", true, AppendUserImportRows},
      {"GET", "/v1/userimports/:jid", "users", true, GetUserImport},
      {"GET", "/v1/userimports/:jid/results", "users", true, GetUserImportResults},
      {"GET", "/v1/customers/:id/users/:uid", "users", true, GetCustomerUser},
      {"PATCH", "/v1/customers/:id/users/:uid", "users", true, PatchCustomerUser},
      {"DELETE", "/v1/customers/:id/users/:uid", "users", true, DeleteCustomerUser},
      {"GET", "/v1/customers/:id/users/:uid/directoryroles", "users", true, ListUserDirectoryRoles},
      {"GET", "/v1/customers/:id/users/:uid/licenses", "users", true, ListUserLicenses},
      {"POST", "/v1/customers/:id/users/:uid/licenseupdates", "users", true, UpdateUserLicenses},
      {"GET", "/v1/customers/:id/directoryroles", "users", true, ListDirectoryRoles},
      {"GET", "/v1/customers/:id/directoryroles/:rid/usermembers", "users", true, ListRoleMembers},
      {"POST", "/v1/customers/:id/directoryroles/:rid/usermembers", "users", true, AddRoleMember},
      {"DELETE", "/v1/customers/:id/directoryroles/:rid/usermembers/:uid", "users", true,
       RemoveRoleMember},
      {"GET", "/v1/customers/:id/subscribedskus", "users", true, ListSubscribedSkus},
      {"GET", "/v1/customers/:id/subscribedskus/:sku/users", "users", true, ListSkuHolders},

      // Orders and subscriptions (reference §2.12, §4.2).
      {"POST", "/v1/customers/:id/orders", "orders", true, CreateOrder},
      {"GET", "/v1/customers/:id/orders", "orders", true, ListOrders},
      {"GET", "/v1/customers/:id/orders/:oid", "orders", true, GetOrder},
      {"GET", "/v1/customers/:id/subscriptions", "subscriptions", true, ListSubscriptions},
      {"GET", "/v1/customers/:id/subscriptions/:sid", "subscriptions", true, GetSubscription},
      {"PATCH", "/v1/customers/:id/subscriptions/:sid", "subscriptions", true, PatchSubscription},
      {"GET", "/v1/customers/:id/subscriptions/:sid/events", "subscriptions", true,
       ListSubscriptionEvents},
      {"GET", "/v1/customers/:id/subscriptions/:sid/addons", "subscriptions", true,
       ListSubscriptionAddOns},
      {"GET", "/v1/customers/:id/subscriptions/:sid/supportcontact", "subscriptions", true,
       GetSupportContact},
      {"PUT", "/v1/customers/:id/subscriptions/:sid/supportcontact", "subscriptions", true,
       PutSupportContact},
      // Subscription transfers between partners (reference §2.10).
      {"POST", "/v1/customers/:id/transfers", "subscriptions", true, CreateTransfer},
      {"GET", "/v1/customers/:id/transfers", "subscriptions", true, ListTransfers},
      {"GET", "/v1/customers/:id/transfers/:tid", "subscriptions", true, GetTransfer},
      {"PATCH", "/v1/customers/:id/transfers/:tid", "subscriptions", true, PatchTransfer},
      {"DELETE", "/v1/customers/:id/transfers/:tid", "subscriptions", true, WithdrawTransfer},
      {"POST", "/v1/customers/:id/transfers/:tid/accept", "subscriptions", true, AcceptTransfer},

      // Customer permissions (reference §2.11); the ID is "{grantorTenantId}_{customerId}".
      {"POST", "/v1/SelfServePolicy", "customers", true, CreateSelfServePolicy},
      {"GET", "/v1/SelfServePolicy", "customers", true, ListSelfServePolicies},
      {"GET", "/v1/SelfServePolicy/:id", "customers", true, GetSelfServePolicy},
      {"PUT", "/v1/SelfServePolicy/:id", "customers", true, PutSelfServePolicy},
      {"DELETE", "/v1/SelfServePolicy/:id", "customers", true, DeleteSelfServePolicy},

      // The customer's own side of invitations (a customer user's token), and signing up.
      {"GET", "/v1/customertenant/invitations/preview", "customertenant", true,
       PreviewCustomerInvitation},
      {"POST", "/v1/customertenant/invitations/accept", "customertenant", true,
       AcceptCustomerInvitation},
      {"POST", "/v1/customertenant/invitations/decline", "customertenant", true,
       DeclineCustomerInvitation},
      {"GET", "/v1/customertenant/partners", "customertenant", true, ListCustomerPartners},
      {"DELETE", "/v1/customertenant/partners/:id/delegatedadmin", "customertenant", true,
       RevokePartnerDelegatedAdmin},
      {"POST", "/v1/invitations/signup", "auth", false, SignUpCustomer},
  };
  std::vector<http::Route> routes;
  for (const Row& row : kRows) {
    routes.push_back({{row.method, row.pattern, row.group, row.authenticated},
                      [&s, h = row.handler](http::Request& req) { return h(s, req); }});
  }
  return routes;
}

}  // namespace csphub::api
