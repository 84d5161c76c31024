#include "storage/postgres/repositories.hpp"

namespace csphub::storage::postgres {
namespace {

constexpr const char* kInsert =
    "INSERT INTO customer_users(id, customer_id, user_principal_name, display_name, first_name, "
    "last_name, usage_location, password_hash, must_change_password, global_admin, state, "
    "soft_deleted_at, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE customer_users SET display_name=?3, first_name=?4, last_name=?5, usage_location=?6, "
    "password_hash=?7, must_change_password=?8, global_admin=?9, state=?10, soft_deleted_at=?11, "
    "updated_at=?12 WHERE id=?1 AND customer_id=?2";
#define CSPHUB_COLUMNS                                                                          \
  "SELECT id, customer_id, user_principal_name, display_name, first_name, last_name, "          \
  "usage_location, password_hash, must_change_password, global_admin, state, soft_deleted_at, " \
  "created_at, updated_at FROM customer_users "
constexpr const char* kGet = CSPHUB_COLUMNS "WHERE customer_id=? AND id=?";
constexpr const char* kGetByUpn = CSPHUB_COLUMNS "WHERE user_principal_name=?";
#undef CSPHUB_COLUMNS

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

}  // namespace

Status PgCustomerUserRepository::Insert(const domain::CustomerUser& u) {
  Statement s = c_.Prepare(kInsert);
  s.Bind(1, u.id).Bind(2, u.customer_id).Bind(3, u.user_principal_name).Bind(4, u.display_name);
  s.Bind(5, u.first_name).Bind(6, u.last_name).Bind(7, u.usage_location);
  s.Bind(8, u.password_hash).Bind(9, u.must_change_password).Bind(10, u.global_admin);
  s.Bind(11, u.state).BindOptional(12, Millis(u.soft_deleted_at));
  s.Bind(13, ToUnixMillis(u.created_at)).Bind(14, ToUnixMillis(u.updated_at));
  Status st = s.Run();
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("The user name " + u.user_principal_name + " is already in use.")
        .WithDetail(st.detail());
  }
  return st;
}

Status PgCustomerUserRepository::Update(const domain::CustomerUser& u) {
  Statement s = c_.Prepare(kUpdate);
  s.Bind(1, u.id).Bind(2, u.customer_id).Bind(3, u.display_name).Bind(4, u.first_name);
  s.Bind(5, u.last_name).Bind(6, u.usage_location).Bind(7, u.password_hash);
  s.Bind(8, u.must_change_password).Bind(9, u.global_admin).Bind(10, u.state);
  s.BindOptional(11, Millis(u.soft_deleted_at)).Bind(12, ToUnixMillis(u.updated_at));
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No such user.");
  return Status::Ok();
}

Result<domain::CustomerUser> PgCustomerUserRepository::Get(const std::string& customer_id,
                                                           const std::string& id) {
  Statement s = c_.Prepare(kGet);
  s.Bind(1, customer_id).Bind(2, id);
  if (s.Step()) return Read(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.");
}

Result<domain::CustomerUser> PgCustomerUserRepository::GetByPrincipalName(const std::string& upn) {
  Statement s = c_.Prepare(kGetByUpn);
  s.Bind(1, upn);
  if (s.Step()) return Read(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such user.");
}

}  // namespace csphub::storage::postgres
