// App registrations: the Global admin side of IdentityService.
#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/identity/identity_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

std::string AppJson(const AppRegistration& a) {
  return JsonObjectText().Add("clientId", a.client_id).Add("displayName", a.display_name).str();
}

}  // namespace

Result<std::vector<AppRegistration>> IdentityService::ListApps(const CallContext& ctx) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageAppRegistrations));
  std::vector<AppRegistration> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Apps().List(ctx.tenant_id));
    return Status::Ok();
  }));
  return out;
}

Result<CreatedApp> IdentityService::CreateApp(const CallContext& ctx,
                                              const std::string& display_name,
                                              const std::vector<std::string>& roles,
                                              const std::string& fixed_client_id,
                                              const std::string& fixed_secret) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageAppRegistrations));
  if (display_name.empty() || display_name.size() > 120) {
    return InvalidField("displayName", "must be 1 to 120 characters long");
  }
  CreatedApp out;
  out.app.roles = RoleSet{Role::kAdminAgent};  // App-only tokens act as an Admin agent [impl]
  if (!roles.empty()) {
    ASSIGN_OR_RETURN(out.app.roles, ParseRoles(roles, "roles"));
    if (out.app.roles.Has(Role::kGlobalAdmin)) {
      return InvalidField("roles", "must not include GlobalAdmin: apps never hold it");
    }
  }
  out.client_secret = fixed_secret.empty() ? deps_.secrets.NewToken() : fixed_secret;
  out.app.client_id = fixed_client_id.empty() ? deps_.ids.NewGuid() : fixed_client_id;
  out.app.tenant_id = ctx.tenant_id;
  out.app.display_name = display_name;
  out.app.secret_hash = deps_.secrets.HashToken(out.client_secret);
  out.app.created_at = out.app.secret_rotated_at = deps_.clock.Now();
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(repos.Apps().Insert(out.app));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "create_app_registration",
                        .resource_type = "app_registration",
                        .new_value = AppJson(out.app)});
  }));
  return out;
}

Result<CreatedApp> IdentityService::RotateAppSecret(const CallContext& ctx,
                                                    const std::string& client_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageAppRegistrations));
  CreatedApp out;
  out.client_secret = deps_.secrets.NewToken();
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out.app, repos.Apps().Get(client_id));
    if (out.app.tenant_id != ctx.tenant_id) return NotFound("No app with that client ID.");
    out.app.secret_hash = deps_.secrets.HashToken(out.client_secret);
    out.app.secret_rotated_at = deps_.clock.Now();
    RETURN_IF_ERROR(repos.Apps().Update(out.app));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "rotate_app_secret",
                        .resource_type = "app_registration",
                        .new_value = AppJson(out.app)});
  }));
  return out;
}

Status IdentityService::DeleteApp(const CallContext& ctx, const std::string& client_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kManageAppRegistrations));
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(AppRegistration app, repos.Apps().Get(client_id));
    if (app.tenant_id != ctx.tenant_id) return NotFound("No app with that client ID.");
    RETURN_IF_ERROR(repos.Apps().Delete(ctx.tenant_id, client_id));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "delete_app_registration",
                        .resource_type = "app_registration",
                        .old_value = AppJson(app)});
  });
}

}  // namespace csphub::domain
