#pragma once
// Shared by both backends: instantiated by storage/sqlite/customer_user_repository.cpp and
// storage/postgres/customer_user_repository.cpp (see storage/common/repositories.hpp).
// Customer users and their directory roles (migrations V003, V008). A user's
// global_admin is read from, and written to, its Global Administrator role membership.
#include "domain/directory/directory_role.hpp"
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsert =
    "INSERT INTO customer_users(id, customer_id, user_principal_name, display_name, first_name, "
    "last_name, usage_location, password_hash, must_change_password, state, soft_deleted_at, "
    "created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE customer_users SET display_name=?3, first_name=?4, last_name=?5, usage_location=?6, "
    "password_hash=?7, must_change_password=?8, state=?9, soft_deleted_at=?10, updated_at=?11 "
    "WHERE id=?1 AND customer_id=?2";
#define CSPHUB_COLUMNS                                                                        \
  "SELECT u.id, u.customer_id, u.user_principal_name, u.display_name, u.first_name, "         \
  "u.last_name, u.usage_location, u.password_hash, u.must_change_password, "                  \
  "EXISTS(SELECT 1 FROM customer_directory_role_members m WHERE m.customer_id=u.customer_id " \
  "AND m.user_id=u.id AND m.role_id='62e90394-69f5-4237-9190-012177145e10'), u.state, "       \
  "u.soft_deleted_at, u.created_at, u.updated_at FROM customer_users u "
constexpr const char* kGet = CSPHUB_COLUMNS "WHERE u.customer_id=? AND u.id=?";
constexpr const char* kGetByUpn = CSPHUB_COLUMNS "WHERE u.user_principal_name=?";
constexpr const char* kList = CSPHUB_COLUMNS
    "WHERE u.customer_id=?1 AND u.state=?2 AND u.user_principal_name>?3 "
    "ORDER BY u.user_principal_name LIMIT ?4";
constexpr const char* kRoleMembers = CSPHUB_COLUMNS
    "JOIN customer_directory_role_members r ON r.customer_id=u.customer_id AND r.user_id=u.id "
    "WHERE r.customer_id=?1 AND r.role_id=?2 ORDER BY u.user_principal_name";
constexpr const char* kHolders = CSPHUB_COLUMNS
    "JOIN license_assignments l ON l.customer_id=u.customer_id AND l.user_id=u.id "
    "WHERE l.customer_id=?1 AND l.sku_id=?2 ORDER BY u.user_principal_name";
#undef CSPHUB_COLUMNS
constexpr const char* kPurge =
    "DELETE FROM customer_users WHERE customer_id=? AND state='inactive' AND soft_deleted_at<=?";
// DO NOTHING rather than a unique violation: a failed statement would abort PostgreSQL's
// transaction, where SQLite's stays usable after "already a member".
constexpr const char* kAddMember =
    "INSERT INTO customer_directory_role_members(customer_id, role_id, user_id, added_at) "
    "VALUES(?,?,?,?) ON CONFLICT DO NOTHING";
constexpr const char* kRemoveMember =
    "DELETE FROM customer_directory_role_members WHERE customer_id=? AND role_id=? AND user_id=?";
constexpr const char* kIsMember =
    "SELECT 1 FROM customer_directory_role_members WHERE customer_id=? AND role_id=? AND "
    "user_id=?";
constexpr const char* kRolesOf =
    "SELECT role_id FROM customer_directory_role_members WHERE customer_id=? AND user_id=? "
    "ORDER BY role_id";

template <typename Statement>
domain::CustomerUser Read(const Statement& s) {
  domain::CustomerUser u;
  u.id = s.Text(0);
  u.customer_id = s.Text(1);
  u.user_principal_name = s.Text(2);
  u.display_name = s.Text(3);
  u.first_name = s.Text(4);
  u.last_name = s.Text(5);
  u.usage_location = s.Text(6);
  u.password_hash = s.Text(7);
  u.must_change_password = s.Bool(8);
  u.global_admin = s.Bool(9);
  u.state = s.Text(10);
  if (!s.IsNull(11)) u.soft_deleted_at = FromUnixMillis(s.Int(11));
  u.created_at = FromUnixMillis(s.Int(12));
  u.updated_at = FromUnixMillis(s.Int(13));
  return u;
}

std::optional<std::int64_t> Millis(const std::optional<TimePoint>& t) {
  return t ? std::optional<std::int64_t>(ToUnixMillis(*t)) : std::nullopt;
}

template <typename Statement>
Result<std::vector<domain::CustomerUser>> ReadAll(Statement& s) {
  std::vector<domain::CustomerUser> out;
  while (s.Step()) out.push_back(Read(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

const std::string kGlobalAdmin(domain::kGlobalAdministratorRoleId);

}  // namespace

template <typename B>
Status SqlCustomerUserRepository<B>::Insert(const domain::CustomerUser& u) {
  Statement s = c_.Prepare(kInsert);
  s.Bind(1, u.id).Bind(2, u.customer_id).Bind(3, u.user_principal_name).Bind(4, u.display_name);
  s.Bind(5, u.first_name).Bind(6, u.last_name).Bind(7, u.usage_location);
  s.Bind(8, u.password_hash).Bind(9, u.must_change_password).Bind(10, u.state);
  s.BindOptional(11, Millis(u.soft_deleted_at));
  s.Bind(12, ToUnixMillis(u.created_at)).Bind(13, ToUnixMillis(u.updated_at));
  Status st = s.Run();
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("The user name " + u.user_principal_name + " is already in use.")
        .WithDetail(st.detail());
  }
  RETURN_IF_ERROR(st);
  if (!u.global_admin) return Status::Ok();
  return AddRoleMember(u.customer_id, kGlobalAdmin, u.id, u.created_at);
}

template <typename B>
Status SqlCustomerUserRepository<B>::Update(const domain::CustomerUser& u) {
  {
    Statement s = c_.Prepare(kUpdate);
    s.Bind(1, u.id).Bind(2, u.customer_id).Bind(3, u.display_name).Bind(4, u.first_name);
    s.Bind(5, u.last_name).Bind(6, u.usage_location).Bind(7, u.password_hash);
    s.Bind(8, u.must_change_password).Bind(9, u.state);
    s.BindOptional(10, Millis(u.soft_deleted_at)).Bind(11, ToUnixMillis(u.updated_at));
    RETURN_IF_ERROR(s.Run());
    if (s.Changes() == 0) return NotFound("No such user.");
  }
  Statement member = c_.Prepare(kIsMember);
  member.Bind(1, u.customer_id).Bind(2, kGlobalAdmin).Bind(3, u.id);
  const bool is_member = member.Step();
  RETURN_IF_ERROR(member.status());
  if (is_member == u.global_admin) return Status::Ok();
  return u.global_admin ? AddRoleMember(u.customer_id, kGlobalAdmin, u.id, u.updated_at)
                        : RemoveRoleMember(u.customer_id, kGlobalAdmin, u.id);
}

template <typename B>
Result<domain::CustomerUser> SqlCustomerUserRepository<B>::Get(const std::string& customer_id,
                                                               const std::string& id) {
  Statement s = c_.Prepare(kGet);
  s.Bind(1, customer_id).Bind(2, id);
  if (s.Step()) return Read(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.", 60002);
}

template <typename B>
Result<domain::CustomerUser> SqlCustomerUserRepository<B>::GetByPrincipalName(
    const std::string& upn) {
  Statement s = c_.Prepare(kGetByUpn);
  s.Bind(1, upn);
  if (s.Step()) return Read(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.", 60002);
}

template <typename B>
Result<std::vector<domain::CustomerUser>> SqlCustomerUserRepository<B>::List(
    const domain::CustomerUserQuery& q) {
  Statement s = c_.Prepare(kList);
  s.Bind(1, q.customer_id).Bind(2, q.state).Bind(3, q.after_upn).Bind(4, q.limit);
  return ReadAll(s);
}

template <typename B>
Result<int> SqlCustomerUserRepository<B>::PurgeSoftDeleted(const std::string& customer_id,
                                                           TimePoint cutoff) {
  Statement s = c_.Prepare(kPurge);
  s.Bind(1, customer_id).Bind(2, ToUnixMillis(cutoff));
  RETURN_IF_ERROR(s.Run());
  return static_cast<int>(s.Changes());
}

template <typename B>
Status SqlCustomerUserRepository<B>::AddRoleMember(const std::string& customer_id,
                                                   const std::string& role_id,
                                                   const std::string& user_id, TimePoint when) {
  Statement s = c_.Prepare(kAddMember);
  s.Bind(1, customer_id).Bind(2, role_id).Bind(3, user_id).Bind(4, ToUnixMillis(when));
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return AlreadyExists("The user already holds this directory role.");
  return Status::Ok();
}

template <typename B>
Status SqlCustomerUserRepository<B>::RemoveRoleMember(const std::string& customer_id,
                                                      const std::string& role_id,
                                                      const std::string& user_id) {
  Statement s = c_.Prepare(kRemoveMember);
  s.Bind(1, customer_id).Bind(2, role_id).Bind(3, user_id);
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("The user does not hold this role.");
  return Status::Ok();
}

template <typename B>
Result<std::vector<domain::CustomerUser>> SqlCustomerUserRepository<B>::RoleMembers(
    const std::string& customer_id, const std::string& role_id) {
  Statement s = c_.Prepare(kRoleMembers);
  s.Bind(1, customer_id).Bind(2, role_id);
  return ReadAll(s);
}

template <typename B>
Result<std::vector<std::string>> SqlCustomerUserRepository<B>::RolesOf(
    const std::string& customer_id, const std::string& user_id) {
  Statement s = c_.Prepare(kRolesOf);
  s.Bind(1, customer_id).Bind(2, user_id);
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<std::vector<domain::CustomerUser>> SqlCustomerUserRepository<B>::HoldersOf(
    const std::string& customer_id, const std::string& sku_id) {
  Statement s = c_.Prepare(kHolders);
  s.Bind(1, customer_id).Bind(2, sku_id);
  return ReadAll(s);
}

}  // namespace csphub::storage
