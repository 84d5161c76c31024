#include "domain/identity/permissions.hpp"

#include <array>

namespace csphub::domain {
namespace {

using R = Role;
struct Entry {
  Operation op;
  std::string_view name;
  RoleSet roles;
};

// Reference §3.2. "R" (read-only) cells grant the read operation only; [impl] cells follow the
// reference's recommendation. Changing a cell here changes it everywhere.
const std::array<Entry, static_cast<size_t>(Operation::kCount)> kTable{{
    {Operation::kViewCustomers,
     "view customers",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent}},
    {Operation::kExportCustomers,
     "export customers",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent}},
    {Operation::kAddCustomer,
     "add a new customer",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kUserManagementAdmin}},
    {Operation::kRequestResellerRelationship,
     "request a reseller relationship",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent}},
    {Operation::kRequestDelegatedAdmin,
     "request delegated admin privileges",
     {R::kGlobalAdmin, R::kAdminAgent}},
    {Operation::kRemoveResellerRelationship,
     "remove a reseller relationship",
     {R::kGlobalAdmin, R::kAdminAgent}},
    {Operation::kUpdateCustomer,
     "update customer account info",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent}},
    {Operation::kConfirmCustomerAgreement,
     "confirm customer agreement acceptance",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent}},
    {Operation::kViewSelfServePolicy,
     "view customer permissions",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent}},
    {Operation::kManageSelfServePolicy,
     "change customer permissions",
     {R::kGlobalAdmin, R::kAdminAgent}},
    {Operation::kManageCustomerUsers,
     "manage customer users",
     {R::kGlobalAdmin, R::kAdminAgent, R::kUserManagementAdmin}},
    // Reading users is what assigning licenses needs, so every role that assigns them reads.
    {Operation::kViewCustomerUsers,
     "view customer users",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kUserManagementAdmin}},
    {Operation::kResetCustomerUserPassword,
     "reset a customer user's password",
     {R::kGlobalAdmin, R::kAdminAgent, R::kHelpdeskAgent, R::kUserManagementAdmin}},
    {Operation::kBulkUploadCustomerUsers, "upload customer users in bulk", {R::kGlobalAdmin}},
    {Operation::kManageLicenses,
     "assign or remove licenses",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kUserManagementAdmin}},
    {Operation::kPlaceOrder,
     "place an order",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kBillingAdmin}},
    {Operation::kViewSubscriptions,
     "view subscriptions",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kBillingAdmin}},
    {Operation::kUpdateSubscription,
     "change a subscription",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kBillingAdmin}},
    {Operation::kSetSupportContact,
     "set the designated support contact",
     {R::kGlobalAdmin, R::kAdminAgent, R::kHelpdeskAgent}},
    {Operation::kSetResellerOfRecord,
     "set the reseller of record",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent}},
    {Operation::kViewPartnerships,
     "view indirect resellers and providers",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kUserManagementAdmin}},
    {Operation::kManagePartnerships,
     "request or remove a partnership",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kUserManagementAdmin}},
    // Reference §2.4: the reseller's Global admin (or Admin agent) accepts the provider's link.
    {Operation::kAcceptPartnership, "accept a partnership", {R::kGlobalAdmin, R::kAdminAgent}},
    {Operation::kTransferSubscriptions, "transfer subscriptions", {R::kGlobalAdmin}},
    {Operation::kViewActivityLog,
     "view the activity log",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kUserManagementAdmin,
      R::kBillingAdmin}},
    // Listing colleagues is harmless and the portal needs it to show who did what [impl].
    {Operation::kViewPartnerUsers,
     "view partner users",
     {R::kGlobalAdmin, R::kUserManagementAdmin}},
    {Operation::kManagePartnerUsers,
     "manage partner users",
     {R::kGlobalAdmin, R::kUserManagementAdmin}},
    {Operation::kManageAppRegistrations, "manage app registrations", {R::kGlobalAdmin}},
    {Operation::kManageWebhooks,
     "manage webhooks",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kBillingAdmin}},
    // Offers and products are public knowledge in Partner Center: every partner role reads them.
    {Operation::kViewCatalog,
     "view the catalog",
     {R::kGlobalAdmin, R::kAdminAgent, R::kSalesAgent, R::kHelpdeskAgent, R::kUserManagementAdmin,
      R::kBillingAdmin}},
}};

const Entry& Find(Operation op) { return kTable[static_cast<size_t>(op)]; }

}  // namespace

std::string_view OperationName(Operation op) { return Find(op).name; }
RoleSet AllowedRoles(Operation op) { return Find(op).roles; }

Status Authorize(const CallContext& ctx, Operation op) {
  const Entry& e = Find(op);
  if (!ctx.IsPartner()) {
    return PermissionDenied("Only partner users and partner apps may " + std::string(e.name) + ".");
  }
  if (ctx.roles.Intersects(e.roles)) return Status::Ok();
  return PermissionDenied("Your role cannot " + std::string(e.name) + "; it needs " +
                          DescribeRoles(e.roles) + ".");
}

Status AuthorizeOperator(const CallContext& ctx) {
  if (ctx.IsOperator()) return Status::Ok();
  return PermissionDenied("Only the instance operator may do this.");
}

Status AuthorizeCustomerAdmin(const CallContext& ctx, std::string_view what) {
  if (ctx.IsCustomerUser() && ctx.customer_global_admin) return Status::Ok();
  return PermissionDenied("Only a customer's Global Administrator may " + std::string(what) + ".");
}

}  // namespace csphub::domain
