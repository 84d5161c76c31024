#pragma once
// Every HTTP handler: decode the request, call one service, encode the answer. routes.cpp binds
// them to paths.
#include "api/services.hpp"
#include "http/message.hpp"

namespace csphub::api {

using ApiHandler = http::Response (*)(Services&, http::Request&);

http::Response Healthz(Services&, http::Request&);
http::Response Readyz(Services&, http::Request&);
http::Response IssueToken(Services&, http::Request&);
http::Response SignOutOfPortal(Services&, http::Request&);

http::Response EnrollPartner(Services&, http::Request&);
http::Response ListPartners(Services&, http::Request&);
http::Response GetPartner(Services&, http::Request&);
http::Response PatchPartner(Services&, http::Request&);
http::Response GetMpnProfile(Services&, http::Request&);

http::Response ListPartnerUsers(Services&, http::Request&);
http::Response GetPartnerUser(Services&, http::Request&);
http::Response CreatePartnerUser(Services&, http::Request&);
http::Response UpdatePartnerUser(Services&, http::Request&);
http::Response DeletePartnerUser(Services&, http::Request&);
http::Response ResetPartnerUserPassword(Services&, http::Request&);
http::Response GetMe(Services&, http::Request&);
http::Response ChangeMyPassword(Services&, http::Request&);
http::Response ListApps(Services&, http::Request&);
http::Response CreateApp(Services&, http::Request&);
http::Response RotateAppSecret(Services&, http::Request&);
http::Response DeleteApp(Services&, http::Request&);

http::Response ListRelationships(Services&, http::Request&);
http::Response RemoveRelationship(Services&, http::Request&);
http::Response CreatePartnershipInvitation(Services&, http::Request&);
http::Response ListPartnershipInvitations(Services&, http::Request&);
http::Response RevokePartnershipInvitation(Services&, http::Request&);
http::Response PreviewPartnershipInvitation(Services&, http::Request&);
http::Response AcceptPartnershipInvitation(Services&, http::Request&);

http::Response ListAuditRecords(Services&, http::Request&);

http::Response CreateCustomer(Services&, http::Request&);
http::Response ListCustomers(Services&, http::Request&);
http::Response ExportCustomers(Services&, http::Request&);
http::Response GetCustomer(Services&, http::Request&);
http::Response PatchCustomer(Services&, http::Request&);
http::Response GetCustomerCompanyProfile(Services&, http::Request&);
http::Response GetCustomerBillingProfile(Services&, http::Request&);
http::Response PutCustomerBillingProfile(Services&, http::Request&);
http::Response ListCustomerRelationships(Services&, http::Request&);
http::Response CheckDomain(Services&, http::Request&);

http::Response CreateCustomerAgreement(Services&, http::Request&);
http::Response ListCustomerAgreements(Services&, http::Request&);
http::Response CreateSelfServePolicy(Services&, http::Request&);
http::Response ListSelfServePolicies(Services&, http::Request&);
http::Response GetSelfServePolicy(Services&, http::Request&);
http::Response PutSelfServePolicy(Services&, http::Request&);
http::Response DeleteSelfServePolicy(Services&, http::Request&);
http::Response CreateOrder(Services&, http::Request&);
http::Response ListOrders(Services&, http::Request&);
http::Response GetOrder(Services&, http::Request&);
http::Response CreateCustomerUser(Services&, http::Request&);
http::Response ImportCustomerUsersCsv(Services&, http::Request&);
http::Response DownloadImportPasswords(Services&, http::Request&);
http::Response StartUserImport(Services&, http::Request&);
http::Response AppendUserImportRows(Services&, http::Request&);
http::Response GetUserImport(Services&, http::Request&);
http::Response GetUserImportResults(Services&, http::Request&);
http::Response ListCustomerUsers(Services&, http::Request&);
http::Response GetCustomerUser(Services&, http::Request&);
http::Response PatchCustomerUser(Services&, http::Request&);
http::Response DeleteCustomerUser(Services&, http::Request&);
http::Response ListDirectoryRoles(Services&, http::Request&);
http::Response ListUserDirectoryRoles(Services&, http::Request&);
http::Response ListRoleMembers(Services&, http::Request&);
http::Response AddRoleMember(Services&, http::Request&);
http::Response RemoveRoleMember(Services&, http::Request&);
http::Response ListSubscribedSkus(Services&, http::Request&);
http::Response ListSkuHolders(Services&, http::Request&);
http::Response ListUserLicenses(Services&, http::Request&);
http::Response UpdateUserLicenses(Services&, http::Request&);
http::Response ListSubscriptions(Services&, http::Request&);
http::Response GetSubscription(Services&, http::Request&);
http::Response PatchSubscription(Services&, http::Request&);
http::Response ListSubscriptionEvents(Services&, http::Request&);
http::Response ListSubscriptionAddOns(Services&, http::Request&);
http::Response GetSupportContact(Services&, http::Request&);
http::Response PutSupportContact(Services&, http::Request&);
http::Response CreateTransfer(Services&, http::Request&);
http::Response ListTransfers(Services&, http::Request&);
http::Response GetTransfer(Services&, http::Request&);
http::Response AcceptTransfer(Services&, http::Request&);
http::Response PatchTransfer(Services&, http::Request&);
http::Response WithdrawTransfer(Services&, http::Request&);

http::Response ListOffers(Services&, http::Request&);
http::Response GetOffer(Services&, http::Request&);
http::Response ListProducts(Services&, http::Request&);
http::Response GetProduct(Services&, http::Request&);
http::Response ListSkus(Services&, http::Request&);
http::Response GetSku(Services&, http::Request&);
http::Response ListAvailabilities(Services&, http::Request&);
http::Response ListCustomerProducts(Services&, http::Request&);
http::Response ListCustomerSkus(Services&, http::Request&);
http::Response ListCustomerAvailabilities(Services&, http::Request&);
http::Response ImportCatalog(Services&, http::Request&);

http::Response RequestCustomerRelationship(Services&, http::Request&);
http::Response PreviewCustomerInvitation(Services&, http::Request&);
http::Response AcceptCustomerInvitation(Services&, http::Request&);
http::Response DeclineCustomerInvitation(Services&, http::Request&);
http::Response ListCustomerPartners(Services&, http::Request&);
http::Response RevokePartnerDelegatedAdmin(Services&, http::Request&);
http::Response SignUpCustomer(Services&, http::Request&);

}  // namespace csphub::api
