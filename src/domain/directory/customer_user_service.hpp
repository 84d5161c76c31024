#pragma once
// A customer tenant's users and directory roles, managed by a partner with delegated admin
// privileges: /v1/customers/{id}/users and …/directoryroles (issue 5; reference §2.8, §4.3
// CustomerUser, DirectoryRole, UserMember, §4.4 "Users").
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/customer/customer.hpp"
#include "domain/directory/directory_role.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// A soft-deleted user can be restored for 30 days, then it is gone for good (reference §4.4).
inline constexpr std::chrono::hours kUserRestoreWindow{24 * 30};
// The largest page of the user list.
inline constexpr int kMaxCustomerUserPage = 500;

struct PasswordProfile {
  std::string password;  // empty: csphub makes a temporary one
  bool force_change = true;
};

// POST body as sent; validated by Create.
struct NewCustomerUser {
  std::string user_principal_name;
  std::string first_name;
  std::string last_name;
  std::string display_name;
  std::string usage_location;
  std::optional<PasswordProfile> password_profile;
};

// PATCH: the fields sent. state "active" restores a soft-deleted user; a passwordProfile resets
// the password.
struct CustomerUserPatch {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> display_name;
  std::optional<std::string> usage_location;
  std::optional<std::string> state;
  std::optional<PasswordProfile> password_profile;
};

// A user and, when csphub made one, its temporary password (shown once, never stored).
struct CustomerUserWithPassword {
  CustomerUser user;
  std::string temporary_password;
};

struct CustomerUserListRequest {
  int size = 100;            // 1..500
  std::string state;         // "" or "active": active users; "inactive": soft-deleted ones
  std::string continuation;  // from the previous page; carries the state and size
};

struct CustomerUserPage {
  std::vector<CustomerUser> items;
  std::string continuation;  // empty on the last page
};

class CustomerUserService {
 public:
  explicit CustomerUserService(ServiceDeps& deps) : deps_(deps) {}

  // Errors: 900150 role; 404 / 403 700209 without delegated admin; 400 naming the field
  // (userPrincipalName on one of the customer's domains, names, usageLocation, password); 409
  // when the principal name is taken. Audit `create_customer_user`.
  Result<CustomerUserWithPassword> Create(const CallContext& ctx, const std::string& customer_id,
                                          NewCustomerUser req);
  Result<CustomerUserPage> List(const CallContext& ctx, const std::string& customer_id,
                                CustomerUserListRequest req);
  // Active, or soft-deleted within the restore window; 404 (60002) otherwise.
  Result<CustomerUser> Get(const CallContext& ctx, const std::string& customer_id,
                           const std::string& user_id);
  // Changes names and usage location, restores (state "active": 409 700211 past 30 days), or
  // resets the password (a new temporary one when none is given; Helpdesk agents may do only
  // this). Audit `update_customer_user`, `restore_customer_user`, `reset_customer_user_password`.
  Result<CustomerUserWithPassword> Update(const CallContext& ctx, const std::string& customer_id,
                                          const std::string& user_id, CustomerUserPatch patch);
  // Soft delete: state inactive, softDeletionTime now, licenses released. The tenant keeps at
  // least one active Global Administrator (409 700301). Audit `delete_customer_user`.
  Status Delete(const CallContext& ctx, const std::string& customer_id, const std::string& user_id);

  // Directory roles (reference §4.2): the tenant's roles, a role's members, a user's roles.
  Result<std::vector<DirectoryRole>> Roles(const CallContext& ctx, const std::string& customer_id);
  Result<std::vector<CustomerUser>> RoleMembers(const CallContext& ctx,
                                                const std::string& customer_id,
                                                const std::string& role_id);
  Result<std::vector<DirectoryRole>> UserRoles(const CallContext& ctx,
                                               const std::string& customer_id,
                                               const std::string& user_id);
  // 404 for an unknown role or user; 409 when already a member / the last Global Administrator.
  Status AddRoleMember(const CallContext& ctx, const std::string& customer_id,
                       const std::string& role_id, const std::string& user_id);
  Status RemoveRoleMember(const CallContext& ctx, const std::string& customer_id,
                          const std::string& role_id, const std::string& user_id);

 private:
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
