#pragma once
// The one permission table: role × operation (reference §3.2). Every service asks Authorize()
// before it reads or writes; a denial names the roles that would be allowed.
#include <string_view>

#include "common/status.hpp"
#include "domain/call_context.hpp"

namespace csphub::domain {

enum class Operation {
  kViewCustomers,
  kExportCustomers,
  kAddCustomer,
  kRequestResellerRelationship,
  kRequestDelegatedAdmin,
  kRemoveResellerRelationship,
  kUpdateCustomer,
  kConfirmCustomerAgreement,
  kViewSelfServePolicy,
  kManageSelfServePolicy,
  kManageCustomerUsers,
  kViewCustomerUsers,
  kResetCustomerUserPassword,
  kBulkUploadCustomerUsers,
  kManageLicenses,
  kPlaceOrder,
  kViewSubscriptions,
  kUpdateSubscription,
  kSetSupportContact,
  kSetResellerOfRecord,
  kViewPartnerships,
  kManagePartnerships,
  kAcceptPartnership,
  kTransferSubscriptions,
  kViewActivityLog,
  kViewPartnerUsers,
  kManagePartnerUsers,
  kManageAppRegistrations,
  kManageWebhooks,
  kViewCatalog,
  kCount,
};

std::string_view OperationName(Operation op);
// The roles that may perform `op`.
RoleSet AllowedRoles(Operation op);
// OK when the caller is a partner principal holding one of the allowed roles; otherwise
// 403 with code 900150 and a description that names the roles that would be needed.
Status Authorize(const CallContext& ctx, Operation op);
// OK only for the instance operator.
Status AuthorizeOperator(const CallContext& ctx);
// OK only for a customer user holding the customer tenant's Global Administrator role (what
// the customer side of invitations and delegated admin needs); 403 (900150) otherwise.
// `what` completes "Only a customer's Global Administrator may ...".
Status AuthorizeCustomerAdmin(const CallContext& ctx, std::string_view what);

}  // namespace csphub::domain
