// Partner users: the Global admin / User management admin side of IdentityService.
#include "domain/identity/identity_service.hpp"

#include <cctype>

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/identity/password_policy.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

std::vector<std::string> RoleNames(RoleSet roles) {
  std::vector<std::string> out;
  for (Role r : roles.ToVector()) out.emplace_back(RoleName(r));
  return out;
}

std::string UserJson(const PartnerUser& u) {
  return JsonObjectText()
      .Add("id", u.id)
      .Add("userPrincipalName", u.user_principal_name)
      .Add("displayName", u.display_name)
      .AddRaw("roles", JsonStringArray(RoleNames(u.roles)))
      .AddRaw("disabled", u.disabled ? "true" : "false")
      .str();
}

}  // namespace

Result<RoleSet> IdentityService::ParseRoles(const std::vector<std::string>& names,
                                            const std::string& field) {
  RoleSet roles;
  for (const auto& name : names) {
    const auto role = ParseRole(name);
    if (!role) {
      return InvalidField(field, "has an unknown role '" + name +
                                     "' (expected GlobalAdmin, AdminAgent, SalesAgent, "
                                     "HelpdeskAgent, UserManagementAdmin or BillingAdmin)");
    }
    roles.Add(*role);
  }
  if (roles.empty()) return InvalidField(field, "must list at least one role");
  return roles;
}

Result<std::vector<PartnerUser>> IdentityService::ListUsers(const CallContext& ctx) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewPartnerUsers));
  std::vector<PartnerUser> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.PartnerUsers().List(ctx.tenant_id));
    return Status::Ok();
  }));
  return out;
}

Result<PartnerUser> IdentityService::GetUser(const CallContext& ctx, const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewPartnerUsers));
  Result<PartnerUser> out = NotFound("");
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    out = repos.PartnerUsers().Get(ctx.tenant_id, user_id);
    return Status::Ok();
  }));
  return out;
}

Result<CreatedPartnerUser> IdentityService::CreateUser(const CallContext& ctx, NewPartnerUser req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerUsers));
  ASSIGN_OR_RETURN(RoleSet roles, ParseRoles(req.roles, "roles"));
  // Only a Global admin may make another Global admin.
  if (roles.Has(Role::kGlobalAdmin) && !ctx.roles.Has(Role::kGlobalAdmin)) {
    return PermissionDenied("Only a Global admin may grant the Global admin role.");
  }
  if (req.display_name.empty() || req.display_name.size() > 256) {
    return InvalidField("displayName", "must be 1 to 256 characters long");
  }
  if (req.first_name.size() > 64) return InvalidField("firstName", "must be at most 64 characters");
  if (req.last_name.size() > 64) return InvalidField("lastName", "must be at most 64 characters");

  CreatedPartnerUser out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(Partner partner, repos.Partners().Get(ctx.tenant_id));
    std::string upn = ToLower(req.user_principal_name);
    const auto at = upn.find('@');
    const std::string local = upn.substr(0, at);
    if (at != std::string::npos && upn.substr(at + 1) != partner.domain) {
      return InvalidField("userPrincipalName", "must be on the partner's domain " + partner.domain);
    }
    if (local.empty() || local.size() > 64) {
      return InvalidField("userPrincipalName", "must have a name of 1 to 64 characters before @");
    }
    for (char c : local) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') {
        return InvalidField("userPrincipalName",
                            "may contain only letters, digits, '.', '-' and '_' before @");
      }
    }
    PartnerUser u;
    u.id = deps_.ids.NewGuid();
    u.tenant_id = ctx.tenant_id;
    u.user_principal_name = local + "@" + partner.domain;
    u.display_name = req.display_name;
    u.first_name = req.first_name;
    u.last_name = req.last_name;
    u.roles = roles;
    out.temporary_password =
        req.password.empty() ? deps_.secrets.NewTemporaryPassword() : req.password;
    ASSIGN_OR_RETURN(u.password_hash, deps_.hasher.Hash(out.temporary_password));
    u.must_change_password = req.password.empty();
    u.created_at = u.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.PartnerUsers().Insert(u));
    out.user = u;
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "create_partner_user",
                        .resource_type = "partner_user",
                        .new_value = UserJson(u)});
  }));
  return out;
}

Result<PartnerUser> IdentityService::UpdateUser(const CallContext& ctx, const std::string& user_id,
                                                const PartnerUserChanges& changes) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerUsers));
  std::optional<RoleSet> roles;
  if (changes.roles) {
    ASSIGN_OR_RETURN(roles, ParseRoles(*changes.roles, "roles"));
  }
  if (changes.display_name &&
      (changes.display_name->empty() || changes.display_name->size() > 256)) {
    return InvalidField("displayName", "must be 1 to 256 characters long");
  }
  PartnerUser out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnerUser u, repos.PartnerUsers().Get(ctx.tenant_id, user_id));
    const std::string before = UserJson(u);
    const bool touches_admin =
        u.roles.Has(Role::kGlobalAdmin) || (roles && roles->Has(Role::kGlobalAdmin));
    if (touches_admin && (roles || changes.disabled) && !ctx.roles.Has(Role::kGlobalAdmin)) {
      return PermissionDenied("Only a Global admin may change a Global admin's roles or state.");
    }
    const bool was_active_admin = u.roles.Has(Role::kGlobalAdmin) && !u.disabled;
    if (changes.display_name) u.display_name = *changes.display_name;
    if (changes.first_name) u.first_name = *changes.first_name;
    if (changes.last_name) u.last_name = *changes.last_name;
    if (roles) u.roles = *roles;
    if (changes.disabled) u.disabled = *changes.disabled;
    // Never leave a partner without an enabled Global admin.
    if (was_active_admin && !(u.roles.Has(Role::kGlobalAdmin) && !u.disabled)) {
      ASSIGN_OR_RETURN(int admins,
                       repos.PartnerUsers().CountWithRole(ctx.tenant_id, Role::kGlobalAdmin));
      if (admins <= 1) {
        return FailedPrecondition("A partner must keep at least one enabled Global admin.",
                                  pc::kLastGlobalAdmin);
      }
    }
    u.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.PartnerUsers().Update(u));
    out = u;
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "update_partner_user",
                        .resource_type = "partner_user",
                        .old_value = before,
                        .new_value = UserJson(u)});
  }));
  return out;
}

Status IdentityService::DeleteUser(const CallContext& ctx, const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerUsers));
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnerUser u, repos.PartnerUsers().Get(ctx.tenant_id, user_id));
    if (u.roles.Has(Role::kGlobalAdmin)) {
      if (!ctx.roles.Has(Role::kGlobalAdmin)) {
        return PermissionDenied("Only a Global admin may remove a Global admin.");
      }
      ASSIGN_OR_RETURN(int admins,
                       repos.PartnerUsers().CountWithRole(ctx.tenant_id, Role::kGlobalAdmin));
      if (admins <= 1 && !u.disabled) {
        return FailedPrecondition("A partner must keep at least one enabled Global admin.",
                                  pc::kLastGlobalAdmin);
      }
    }
    RETURN_IF_ERROR(repos.PartnerUsers().Delete(ctx.tenant_id, user_id));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "remove_partner_user",
                        .resource_type = "partner_user",
                        .old_value = UserJson(u)});
  });
}

Result<std::string> IdentityService::ResetPassword(const CallContext& ctx,
                                                   const std::string& user_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManagePartnerUsers));
  std::string password = deps_.secrets.NewTemporaryPassword();
  ASSIGN_OR_RETURN(std::string hash, deps_.hasher.Hash(password));
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnerUser u, repos.PartnerUsers().Get(ctx.tenant_id, user_id));
    if (u.roles.Has(Role::kGlobalAdmin) && !ctx.roles.Has(Role::kGlobalAdmin)) {
      return PermissionDenied("Only a Global admin may reset a Global admin's password.");
    }
    u.password_hash = hash;
    u.must_change_password = true;
    u.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.PartnerUsers().Update(u));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "reset_partner_user_password",
                        .resource_type = "partner_user",
                        .new_value = JsonObjectText()
                                         .Add("id", u.id)
                                         .Add("userPrincipalName", u.user_principal_name)
                                         .str()});
  }));
  return password;
}

Status IdentityService::ChangeOwnPassword(const CallContext& ctx,
                                          const std::string& current_password,
                                          const std::string& new_password) {
  if (ctx.kind != PrincipalKind::kPartnerUser && ctx.kind != PrincipalKind::kCustomerUser) {
    return PermissionDenied("Only a signed-in user may change their password.");
  }
  RETURN_IF_ERROR(ValidateChosenPassword(new_password));
  if (new_password == current_password) {
    return InvalidField("newPassword", "must differ from the current password");
  }
  ASSIGN_OR_RETURN(std::string hash, deps_.hasher.Hash(new_password));
  if (ctx.kind == PrincipalKind::kCustomerUser) {
    // Recorded in the customer's own activity log (its tenant ID is the log's key).
    return deps_.store.Write([&](Repositories& repos) -> Status {
      ASSIGN_OR_RETURN(CustomerUser u, repos.CustomerUsers().Get(ctx.tenant_id, ctx.subject_id));
      if (!deps_.hasher.Verify(u.password_hash, current_password)) {
        return InvalidField("currentPassword", "does not match");
      }
      u.password_hash = hash;
      u.must_change_password = false;
      u.updated_at = deps_.clock.Now();
      RETURN_IF_ERROR(repos.CustomerUsers().Update(u));
      return AppendAudit(deps_, repos, ctx,
                         {.operation_type = "change_customer_user_password",
                          .resource_type = "customer_user",
                          .new_value = JsonObjectText().Add("id", u.id).str(),
                          .customer_id = u.customer_id});
    });
  }
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(PartnerUser u, repos.PartnerUsers().Get(ctx.tenant_id, ctx.subject_id));
    if (!deps_.hasher.Verify(u.password_hash, current_password)) {
      return InvalidField("currentPassword", "does not match");
    }
    u.password_hash = hash;
    u.must_change_password = false;
    u.updated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.PartnerUsers().Update(u));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "change_partner_user_password",
                        .resource_type = "partner_user",
                        .new_value = JsonObjectText().Add("id", u.id).str()});
  });
}

}  // namespace csphub::domain
