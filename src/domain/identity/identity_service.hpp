#pragma once
// Partner users, app registrations and signing in (issue 2). Token minting is auth/'s job:
// this service only decides who the caller is and what roles they hold.
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/identity/partner_user.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct NewPartnerUser {
  std::string user_principal_name;  // "<name>" or "<name>@<partner domain>"
  std::string display_name;
  std::string first_name;
  std::string last_name;
  std::vector<std::string> roles;
  std::string password;  // empty: generate a temporary password (the demo fixes one)
};

struct CreatedPartnerUser {
  PartnerUser user;
  std::string temporary_password;  // shown once
};

struct PartnerUserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> disabled;
};

struct CreatedApp {
  AppRegistration app;
  std::string client_secret;  // shown once
};

// Who a successful sign-in is.
struct SignedIn {
  PrincipalKind kind;
  std::string tenant_id;
  std::string subject_id;
  std::string user_principal_name;
  std::string application_id;
  RoleSet roles;
  bool must_change_password = false;
  bool customer_global_admin = false;  // customer users: holds the Global Administrator role
};

class IdentityService {
 public:
  explicit IdentityService(ServiceDeps& deps) : deps_(deps) {}

  // --- partner users (Global admin, User management admin) ---
  Result<std::vector<PartnerUser>> ListUsers(const CallContext& ctx);
  Result<PartnerUser> GetUser(const CallContext& ctx, const std::string& user_id);
  Result<CreatedPartnerUser> CreateUser(const CallContext& ctx, NewPartnerUser request);
  Result<PartnerUser> UpdateUser(const CallContext& ctx, const std::string& user_id,
                                 const PartnerUserChanges& changes);
  Status DeleteUser(const CallContext& ctx, const std::string& user_id);
  // A new temporary password, shown once; the user must change it at next sign-in.
  Result<std::string> ResetPassword(const CallContext& ctx, const std::string& user_id);
  // The signed-in user changes their own password (also how a temporary one is replaced).
  Status ChangeOwnPassword(const CallContext& ctx, const std::string& current_password,
                           const std::string& new_password);

  // --- app registrations (Global admin) ---
  Result<std::vector<AppRegistration>> ListApps(const CallContext& ctx);
  Result<CreatedApp> CreateApp(const CallContext& ctx, const std::string& display_name,
                               const std::vector<std::string>& roles,
                               const std::string& fixed_client_id = {},
                               const std::string& fixed_secret = {});
  Result<CreatedApp> RotateAppSecret(const CallContext& ctx, const std::string& client_id);
  Status DeleteApp(const CallContext& ctx, const std::string& client_id);

  // --- sign-in (the token endpoint) ---
  // `tenant` is a tenant ID or a partner's domain. Failures are Unauthenticated with one
  // message for every wrong secret, so that callers cannot probe which part was wrong.
  Result<SignedIn> SignInApp(const std::string& tenant, const std::string& client_id,
                             const std::string& client_secret);
  Result<SignedIn> SignInUser(const std::string& tenant, const std::string& client_id,
                              const std::string& client_secret, const std::string& username,
                              const std::string& password);
  Result<SignedIn> SignInOperator(const std::string& client_id, const std::string& secret);
  // A customer tenant's user, through the public portal client (kPortalClientId): `tenant` is
  // the customer's tenant ID or its domain. Same one-message failures as SignInUser.
  Result<SignedIn> SignInCustomerUser(const std::string& tenant, const std::string& username,
                                      const std::string& password);
  // Anyone signing in to the portal (kPortalClientId): a partner's user when `tenant` is a
  // partner (its tenant ID or domain), else a customer's user. No app secret: the portal is a
  // public client; the token's application is kPortalClientId.
  Result<SignedIn> SignInThroughPortal(const std::string& tenant, const std::string& username,
                                       const std::string& password);
  // Creates the operator credential (csphub init). AlreadyExists unless `rotate`.
  Result<std::string> InitOperator(bool rotate, const std::string& fixed_secret = {});
  // OK while the tenant (a partner, or a customer) exists and, for a partner, is not disabled
  // (checked on every authenticated call).
  Status CheckTenantActive(const std::string& tenant_id);

 private:
  // The partner user `username` of `tenant_id`, signing in through `application_id`.
  Status CheckPartnerUser(Repositories& repos, const std::string& tenant_id,
                          const std::string& application_id, const std::string& username,
                          const std::string& password, SignedIn& out);
  Result<RoleSet> ParseRoles(const std::vector<std::string>& names, const std::string& field);
  ServiceDeps& deps_;
};

inline constexpr const char* kOperatorClientId = "operator";
// The client ID customer users sign in with (password grant, no client secret): the portal is a
// public OAuth2 client (RFC 6749 §2.1), it cannot keep a secret. Partner users keep App+User.
inline constexpr const char* kPortalClientId = "csphub-portal";

}  // namespace csphub::domain
