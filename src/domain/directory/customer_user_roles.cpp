// CustomerUserService: the customer tenant's directory roles and their members.
#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/directory/customer_user_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

Result<DirectoryRole> KnownRole(const std::string& role_id) {
  auto role = FindDirectoryRole(Trim(role_id));
  if (!role) return NotFound("No directory role with the ID " + role_id + ".");
  return *role;
}

std::string MembershipJson(const CustomerUser& u, const DirectoryRole& role) {
  return JsonObjectText()
      .Add("userId", u.id)
      .Add("userPrincipalName", u.user_principal_name)
      .Add("roleId", std::string(role.id))
      .Add("roleName", std::string(role.name))
      .str();
}

}  // namespace

Result<std::vector<DirectoryRole>> CustomerUserService::Roles(const CallContext& ctx,
                                                              const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) {
    return OpenCustomerDirectory(repos, ctx, ToLower(customer_id)).status();
  }));
  return DirectoryRoles();
}

Result<std::vector<CustomerUser>> CustomerUserService::RoleMembers(const CallContext& ctx,
                                                                   const std::string& customer_id,
                                                                   const std::string& role_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  ASSIGN_OR_RETURN(DirectoryRole role, KnownRole(role_id));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::vector<CustomerUser> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(auto members, repos.CustomerUsers().RoleMembers(cid, std::string(role.id)));
    for (auto& m : members) {
      if (m.state == "active" || RestorableAt(m, now)) out.push_back(std::move(m));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<DirectoryRole>> CustomerUserService::UserRoles(const CallContext& ctx,
                                                                  const std::string& customer_id,
                                                                  const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewCustomerUsers));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::vector<DirectoryRole> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(OpenCustomerDirectory(repos, ctx, cid).status());
    ASSIGN_OR_RETURN(CustomerUser u, FindUser(repos, cid, user_id, now));
    ASSIGN_OR_RETURN(auto ids, repos.CustomerUsers().RolesOf(cid, u.id));
    for (const auto& id : ids) {
      if (auto role = FindDirectoryRole(id)) out.push_back(*role);
    }
    return Status::Ok();
  }));
  return out;
}

Status CustomerUserService::AddRoleMember(const CallContext& ctx, const std::string& customer_id,
                                          const std::string& role_id, const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageCustomerUsers));
  ASSIGN_OR_RETURN(DirectoryRole role, KnownRole(role_id));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(CustomerUser u, FindUser(repos, cid, user_id, now));
    if (u.state != "active") {
      return FailedPrecondition("A deleted user cannot get a role; restore it first.",
                                pc::kUserNotRestorable);
    }
    RETURN_IF_ERROR(repos.CustomerUsers().AddRoleMember(cid, std::string(role.id), u.id, now));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "add_customer_user_to_directory_role",
                        .resource_type = "customer_user",
                        .new_value = MembershipJson(u, role),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name});
  });
}

Status CustomerUserService::RemoveRoleMember(const CallContext& ctx, const std::string& customer_id,
                                             const std::string& role_id,
                                             const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageCustomerUsers));
  ASSIGN_OR_RETURN(DirectoryRole role, KnownRole(role_id));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Customer customer, OpenCustomerDirectoryForWrite(repos, ctx, cid, now));
    ASSIGN_OR_RETURN(CustomerUser u, FindUser(repos, cid, user_id, now));
    if (role.id == kGlobalAdministratorRoleId) {
      RETURN_IF_ERROR(KeepAnotherGlobalAdmin(repos, cid, u.id));
    }
    RETURN_IF_ERROR(repos.CustomerUsers().RemoveRoleMember(cid, std::string(role.id), u.id));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "remove_customer_user_from_directory_role",
                        .resource_type = "customer_user",
                        .old_value = MembershipJson(u, role),
                        .customer_id = cid,
                        .customer_name = customer.billing.company_name});
  });
}

}  // namespace csphub::domain
