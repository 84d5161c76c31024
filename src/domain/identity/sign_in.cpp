// Signing in: the token endpoint's questions to IdentityService.
#include <sodium.h>

#include "common/ids.hpp"
#include "domain/identity/identity_service.hpp"

namespace csphub::domain {
namespace {

constexpr const char* kBadCredentials = "The credentials are not valid for this tenant.";
constexpr const char* kOperatorSecretKey = "operator_secret_hash";

Status Bad() { return Unauthenticated(kBadCredentials, pc::kInvalidCredentials); }

bool SameHash(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// `tenant` may be the tenant ID or the partner's domain.
Result<Partner> FindPartner(Repositories& repos, const std::string& tenant) {
  return IsGuid(tenant) ? repos.Partners().Get(ToLower(tenant))
                        : repos.Partners().GetByDomain(ToLower(tenant));
}

}  // namespace

Result<SignedIn> IdentityService::SignInApp(const std::string& tenant, const std::string& client_id,
                                            const std::string& client_secret) {
  SignedIn out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto partner = FindPartner(repos, tenant);
    auto app = repos.Apps().Get(ToLower(client_id));
    if (!partner.ok() || !app.ok() || app->tenant_id != partner->tenant_id ||
        !SameHash(app->secret_hash, deps_.secrets.HashToken(client_secret))) {
      return Bad();
    }
    if (partner->disabled) {
      return Unauthenticated("This partner account is disabled.", pc::kAccountDisabled);
    }
    out = {PrincipalKind::kApp, partner->tenant_id, app->client_id, "",
           app->client_id,      app->roles,         false};
    return Status::Ok();
  }));
  return out;
}

Result<SignedIn> IdentityService::SignInUser(const std::string& tenant,
                                             const std::string& client_id,
                                             const std::string& client_secret,
                                             const std::string& username,
                                             const std::string& password) {
  // App+User: the app must be valid for the tenant too (reference §4.1, Auth).
  ASSIGN_OR_RETURN(SignedIn app, SignInApp(tenant, client_id, client_secret));
  SignedIn out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    return CheckPartnerUser(repos, app.tenant_id, app.application_id, username, password, out);
  }));
  return out;
}

Status IdentityService::CheckPartnerUser(Repositories& repos, const std::string& tenant_id,
                                         const std::string& application_id,
                                         const std::string& username, const std::string& password,
                                         SignedIn& out) {
  auto user = repos.PartnerUsers().GetByPrincipalName(ToLower(username));
  if (!user.ok() || user->tenant_id != tenant_id ||
      !deps_.hasher.Verify(user->password_hash, password)) {
    return Bad();
  }
  if (user->disabled) {
    return Unauthenticated("This user account is disabled.", pc::kAccountDisabled);
  }
  out = {PrincipalKind::kPartnerUser, user->tenant_id, user->id,
         user->user_principal_name,   application_id,  user->roles,
         user->must_change_password};
  return Status::Ok();
}

Result<SignedIn> IdentityService::SignInThroughPortal(const std::string& tenant,
                                                      const std::string& username,
                                                      const std::string& password) {
  std::optional<SignedIn> partner_user;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto partner = FindPartner(repos, tenant);
    if (!partner.ok()) return Status::Ok();  // not a partner: a customer's user, below
    if (partner->disabled) {
      return Unauthenticated("This partner account is disabled.", pc::kAccountDisabled);
    }
    partner_user.emplace();
    return CheckPartnerUser(repos, partner->tenant_id, kPortalClientId, username, password,
                            *partner_user);
  }));
  if (partner_user) return *partner_user;
  return SignInCustomerUser(tenant, username, password);
}

Result<SignedIn> IdentityService::SignInCustomerUser(const std::string& tenant,
                                                     const std::string& username,
                                                     const std::string& password) {
  SignedIn out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto customer_id = IsGuid(tenant) ? Result<std::string>(ToLower(tenant))
                                      : repos.Customers().CustomerIdByDomain(ToLower(tenant));
    auto user = repos.CustomerUsers().GetByPrincipalName(ToLower(username));
    if (!customer_id.ok() || !user.ok() || user->customer_id != *customer_id ||
        !deps_.hasher.Verify(user->password_hash, password)) {
      return Bad();
    }
    if (user->state != "active") {
      return Unauthenticated("This user account is disabled.", pc::kAccountDisabled);
    }
    out = {PrincipalKind::kCustomerUser, user->customer_id, user->id,
           user->user_principal_name,    kPortalClientId,   RoleSet{},
           user->must_change_password};
    out.customer_global_admin = user->global_admin;
    return Status::Ok();
  }));
  return out;
}

Result<SignedIn> IdentityService::SignInOperator(const std::string& client_id,
                                                 const std::string& secret) {
  SignedIn out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto stored = repos.GetSetting(kOperatorSecretKey);
    if (!stored.ok() || client_id != kOperatorClientId ||
        !SameHash(*stored, deps_.secrets.HashToken(secret))) {
      return Bad();
    }
    out = {PrincipalKind::kOperator, "", kOperatorClientId, "operator", "", RoleSet{}, false};
    return Status::Ok();
  }));
  return out;
}

Result<std::string> IdentityService::InitOperator(bool rotate, const std::string& fixed_secret) {
  std::string secret = fixed_secret.empty() ? deps_.secrets.NewToken() : fixed_secret;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    auto existing = repos.GetSetting(kOperatorSecretKey);
    if (existing.ok() && !rotate) {
      return AlreadyExists("The operator credential already exists; use --rotate to replace it.");
    }
    return repos.PutSetting(kOperatorSecretKey, deps_.secrets.HashToken(secret));
  }));
  return secret;
}

Status IdentityService::CheckTenantActive(const std::string& tenant_id) {
  // Almost always an active partner: one statement, without a transaction.
  bool active_partner = false;
  Status st = deps_.store.ReadOnce([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(auto partner, repos.Partners().Get(tenant_id));
    active_partner = !partner.disabled;
    return Status::Ok();
  });
  if (active_partner) return Status::Ok();
  if (!st.ok() && st.code() != StatusCode::kNotFound) return st;
  return deps_.store.Read([&](Repositories& repos) -> Status {
    auto partner = repos.Partners().Get(tenant_id);
    if (partner.ok() && !partner->disabled) return Status::Ok();
    // Customer tenants cannot be disabled (yet); they only have to exist.
    if (!partner.ok() && partner.status().code() == StatusCode::kNotFound &&
        repos.Customers().Get(tenant_id).ok()) {
      return Status::Ok();
    }
    return Unauthenticated("This partner account is disabled.", pc::kAccountDisabled);
  });
}

}  // namespace csphub::domain
