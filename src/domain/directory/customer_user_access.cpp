#include "domain/directory/customer_user_access.hpp"

#include "common/ids.hpp"
#include "domain/directory/customer_user_service.hpp"
#include "domain/directory/delegated_admin.hpp"
#include "domain/directory/directory_role.hpp"

namespace csphub::domain {

Result<Customer> OpenCustomerDirectory(Repositories& repos, const CallContext& ctx,
                                       const std::string& customer_id) {
  RETURN_IF_ERROR(RequireDelegatedAdmin(repos, ctx.tenant_id, customer_id));
  return repos.Customers().Get(customer_id);
}

Result<Customer> OpenCustomerDirectoryForWrite(Repositories& repos, const CallContext& ctx,
                                               const std::string& customer_id, TimePoint now) {
  ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectory(repos, ctx, customer_id));
  RETURN_IF_ERROR(
      repos.CustomerUsers().PurgeSoftDeleted(customer_id, now - kUserRestoreWindow).status());
  return customer;
}

bool RestorableAt(const CustomerUser& u, TimePoint now) {
  return u.state == "inactive" && u.soft_deleted_at &&
         now < *u.soft_deleted_at + kUserRestoreWindow;
}

Result<CustomerUser> FindUser(Repositories& repos, const std::string& customer_id,
                              const std::string& user_id, TimePoint now) {
  ASSIGN_OR_RETURN(CustomerUser u, repos.CustomerUsers().Get(customer_id, ToLower(user_id)));
  if (u.state != "active" && !RestorableAt(u, now)) {
    return NotFound("No such user.", pc::kUserNotFound);
  }
  return u;
}

Status KeepAnotherGlobalAdmin(Repositories& repos, const std::string& customer_id,
                              const std::string& user_id) {
  ASSIGN_OR_RETURN(auto admins, repos.CustomerUsers().RoleMembers(
                                    customer_id, std::string(kGlobalAdministratorRoleId)));
  for (const CustomerUser& a : admins) {
    if (a.id != user_id && a.state == "active") return Status::Ok();
  }
  return FailedPrecondition(
      "The customer's tenant must keep at least one active Global Administrator; make another "
      "user one first.",
      pc::kLastGlobalAdmin);
}

}  // namespace csphub::domain
