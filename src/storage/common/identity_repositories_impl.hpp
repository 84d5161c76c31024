#pragma once
// Shared by both backends: instantiated by storage/sqlite/identity_repositories.cpp and
// storage/postgres/identity_repositories.cpp (see storage/common/repositories.hpp).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsertUser =
    "INSERT INTO partner_users(id, tenant_id, user_principal_name, display_name, first_name, "
    "last_name, roles, password_hash, must_change_password, disabled, created_at, updated_at) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdateUser =
    "UPDATE partner_users SET display_name=?, first_name=?, last_name=?, roles=?, "
    "password_hash=?, must_change_password=?, disabled=?, updated_at=? "
    "WHERE id=? AND tenant_id=?";
constexpr const char* kDeleteUser = "DELETE FROM partner_users WHERE id=? AND tenant_id=?";
#define CSPHUB_USER_COLUMNS                                                                 \
  "SELECT id, tenant_id, user_principal_name, display_name, first_name, last_name, roles, " \
  "password_hash, must_change_password, disabled, created_at, updated_at FROM partner_users "
constexpr const char* kGetUser = CSPHUB_USER_COLUMNS "WHERE id=? AND tenant_id=?";
constexpr const char* kGetUserByUpn = CSPHUB_USER_COLUMNS "WHERE user_principal_name=?";
constexpr const char* kListUsers =
    CSPHUB_USER_COLUMNS "WHERE tenant_id=? ORDER BY user_principal_name";
#undef CSPHUB_USER_COLUMNS
constexpr const char* kCountUsersWithRole =
    "SELECT count(*) FROM partner_users WHERE tenant_id=? AND (roles & ?) != 0 AND NOT disabled";

constexpr const char* kInsertApp =
    "INSERT INTO app_registrations(client_id, tenant_id, display_name, secret_hash, roles, "
    "created_at, secret_rotated_at) VALUES(?,?,?,?,?,?,?)";
constexpr const char* kUpdateApp =
    "UPDATE app_registrations SET display_name=?, secret_hash=?, roles=?, secret_rotated_at=? "
    "WHERE client_id=? AND tenant_id=?";
constexpr const char* kDeleteApp =
    "DELETE FROM app_registrations WHERE client_id=? AND tenant_id=?";
#define CSPHUB_APP_COLUMNS                                                      \
  "SELECT client_id, tenant_id, display_name, secret_hash, roles, created_at, " \
  "secret_rotated_at FROM app_registrations "
constexpr const char* kGetApp = CSPHUB_APP_COLUMNS "WHERE client_id=?";
constexpr const char* kListApps =
    CSPHUB_APP_COLUMNS "WHERE tenant_id=? ORDER BY created_at, client_id";
#undef CSPHUB_APP_COLUMNS

template <typename Statement>
domain::PartnerUser ReadUser(const Statement& s) {
  domain::PartnerUser u;
  u.id = s.Text(0);
  u.tenant_id = s.Text(1);
  u.user_principal_name = s.Text(2);
  u.display_name = s.Text(3);
  u.first_name = s.Text(4);
  u.last_name = s.Text(5);
  u.roles = domain::RoleSet::FromBits(static_cast<std::uint32_t>(s.Int(6)));
  u.password_hash = s.Text(7);
  u.must_change_password = s.Bool(8);
  u.disabled = s.Bool(9);
  u.created_at = FromUnixMillis(s.Int(10));
  u.updated_at = FromUnixMillis(s.Int(11));
  return u;
}

template <typename Statement>
domain::AppRegistration ReadApp(const Statement& s) {
  domain::AppRegistration a;
  a.client_id = s.Text(0);
  a.tenant_id = s.Text(1);
  a.display_name = s.Text(2);
  a.secret_hash = s.Text(3);
  a.roles = domain::RoleSet::FromBits(static_cast<std::uint32_t>(s.Int(4)));
  a.created_at = FromUnixMillis(s.Int(5));
  a.secret_rotated_at = FromUnixMillis(s.Int(6));
  return a;
}

template <typename Statement>
Status RunChanging(Statement& s, const char* missing) {
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound(missing);
  return Status::Ok();
}

}  // namespace

template <typename B>
Status SqlPartnerUserRepository<B>::Insert(const domain::PartnerUser& u) {
  Statement s = c_.Prepare(kInsertUser);
  s.Bind(1, u.id).Bind(2, u.tenant_id).Bind(3, u.user_principal_name).Bind(4, u.display_name);
  s.Bind(5, u.first_name).Bind(6, u.last_name).Bind(7, static_cast<std::int64_t>(u.roles.bits()));
  s.Bind(8, u.password_hash).Bind(9, u.must_change_password).Bind(10, u.disabled);
  s.Bind(11, ToUnixMillis(u.created_at)).Bind(12, ToUnixMillis(u.updated_at));
  Status st = s.Run();
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("A user with the user principal name " + u.user_principal_name +
                         " already exists.")
        .WithDetail(st.detail());
  }
  return st;
}

template <typename B>
Status SqlPartnerUserRepository<B>::Update(const domain::PartnerUser& u) {
  Statement s = c_.Prepare(kUpdateUser);
  s.Bind(1, u.display_name).Bind(2, u.first_name).Bind(3, u.last_name);
  s.Bind(4, static_cast<std::int64_t>(u.roles.bits())).Bind(5, u.password_hash);
  s.Bind(6, u.must_change_password).Bind(7, u.disabled).Bind(8, ToUnixMillis(u.updated_at));
  s.Bind(9, u.id).Bind(10, u.tenant_id);
  return RunChanging(s, "No such user.");
}

template <typename B>
Status SqlPartnerUserRepository<B>::Delete(const std::string& tenant_id, const std::string& id) {
  Statement s = c_.Prepare(kDeleteUser);
  s.Bind(1, id).Bind(2, tenant_id);
  return RunChanging(s, "No such user.");
}

template <typename B>
Result<domain::PartnerUser> SqlPartnerUserRepository<B>::Get(const std::string& tenant_id,
                                                             const std::string& id) {
  Statement s = c_.Prepare(kGetUser);
  s.Bind(1, id).Bind(2, tenant_id);
  if (s.Step()) return ReadUser(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.");
}

template <typename B>
Result<domain::PartnerUser> SqlPartnerUserRepository<B>::GetByPrincipalName(
    const std::string& upn) {
  Statement s = c_.Prepare(kGetUserByUpn);
  s.Bind(1, upn);
  if (s.Step()) return ReadUser(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.");
}

template <typename B>
Result<std::vector<domain::PartnerUser>> SqlPartnerUserRepository<B>::List(
    const std::string& tenant_id) {
  Statement s = c_.Prepare(kListUsers);
  s.Bind(1, tenant_id);
  std::vector<domain::PartnerUser> out;
  while (s.Step()) out.push_back(ReadUser(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<int> SqlPartnerUserRepository<B>::CountWithRole(const std::string& tenant_id,
                                                       domain::Role role) {
  Statement s = c_.Prepare(kCountUsersWithRole);
  s.Bind(1, tenant_id).Bind(2, static_cast<std::int64_t>(domain::RoleSet{role}.bits()));
  if (s.Step()) return static_cast<int>(s.Int(0));
  RETURN_IF_ERROR(s.status());
  return 0;
}

template <typename B>
Status SqlAppRegistrationRepository<B>::Insert(const domain::AppRegistration& a) {
  Statement s = c_.Prepare(kInsertApp);
  s.Bind(1, a.client_id).Bind(2, a.tenant_id).Bind(3, a.display_name).Bind(4, a.secret_hash);
  s.Bind(5, static_cast<std::int64_t>(a.roles.bits())).Bind(6, ToUnixMillis(a.created_at));
  s.Bind(7, ToUnixMillis(a.secret_rotated_at));
  return s.Run();
}

template <typename B>
Status SqlAppRegistrationRepository<B>::Update(const domain::AppRegistration& a) {
  Statement s = c_.Prepare(kUpdateApp);
  s.Bind(1, a.display_name)
      .Bind(2, a.secret_hash)
      .Bind(3, static_cast<std::int64_t>(a.roles.bits()));
  s.Bind(4, ToUnixMillis(a.secret_rotated_at)).Bind(5, a.client_id).Bind(6, a.tenant_id);
  return RunChanging(s, "No app with that client ID.");
}

template <typename B>
Status SqlAppRegistrationRepository<B>::Delete(const std::string& tenant_id,
                                               const std::string& client_id) {
  Statement s = c_.Prepare(kDeleteApp);
  s.Bind(1, client_id).Bind(2, tenant_id);
  return RunChanging(s, "No app with that client ID.");
}

template <typename B>
Result<domain::AppRegistration> SqlAppRegistrationRepository<B>::Get(const std::string& client_id) {
  Statement s = c_.Prepare(kGetApp);
  s.Bind(1, client_id);
  if (s.Step()) return ReadApp(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No app with that client ID.");
}

template <typename B>
Result<std::vector<domain::AppRegistration>> SqlAppRegistrationRepository<B>::List(
    const std::string& tenant_id) {
  Statement s = c_.Prepare(kListApps);
  s.Bind(1, tenant_id);
  std::vector<domain::AppRegistration> out;
  while (s.Step()) out.push_back(ReadApp(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace csphub::storage
