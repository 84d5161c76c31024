#pragma once
// Shared by both backends: instantiated by storage/sqlite/license_repository.cpp and
// storage/postgres/license_repository.cpp (see storage/common/repositories.hpp).
// License assignments (migration V008).
#include "common/list_text.hpp"
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kPut =
    "INSERT INTO license_assignments(customer_id, user_id, sku_id, excluded_plans, assigned_at) "
    "VALUES(?1,?2,?3,?4,?5) ON CONFLICT(customer_id, user_id, sku_id) DO UPDATE SET "
    "excluded_plans=excluded.excluded_plans";
constexpr const char* kRemove =
    "DELETE FROM license_assignments WHERE customer_id=? AND user_id=? AND sku_id=?";
constexpr const char* kRemoveAll =
    "DELETE FROM license_assignments WHERE customer_id=? AND user_id=?";
constexpr const char* kForUser =
    "SELECT sku_id, excluded_plans, assigned_at FROM license_assignments "
    "WHERE customer_id=? AND user_id=? ORDER BY sku_id";
constexpr const char* kConsumedBySku =
    "SELECT sku_id, COUNT(*) FROM license_assignments WHERE customer_id=? GROUP BY sku_id "
    "ORDER BY sku_id";
constexpr const char* kConsumed =
    "SELECT COUNT(*) FROM license_assignments WHERE customer_id=? AND sku_id=?";

}  // namespace

template <typename B>
Status SqlLicenseRepository<B>::Put(const domain::LicenseAssignment& a) {
  Statement s = c_.Prepare(kPut);
  // Plan IDs are GUIDs: ',' never occurs in them.
  s.Bind(1, a.customer_id).Bind(2, a.user_id).Bind(3, a.sku_id).Bind(4, Join(a.excluded_plans));
  s.Bind(5, ToUnixMillis(a.assigned_at));
  return s.Run();
}

template <typename B>
Status SqlLicenseRepository<B>::Remove(const std::string& customer_id, const std::string& user_id,
                                       const std::string& sku_id) {
  Statement s = c_.Prepare(kRemove);
  s.Bind(1, customer_id).Bind(2, user_id).Bind(3, sku_id);
  return s.Run();
}

template <typename B>
Status SqlLicenseRepository<B>::RemoveAllOf(const std::string& customer_id,
                                            const std::string& user_id) {
  Statement s = c_.Prepare(kRemoveAll);
  s.Bind(1, customer_id).Bind(2, user_id);
  return s.Run();
}

template <typename B>
Result<std::vector<domain::LicenseAssignment>> SqlLicenseRepository<B>::ListForUser(
    const std::string& customer_id, const std::string& user_id) {
  Statement s = c_.Prepare(kForUser);
  s.Bind(1, customer_id).Bind(2, user_id);
  std::vector<domain::LicenseAssignment> out;
  while (s.Step()) {
    out.push_back({customer_id, user_id, s.Text(0), Split(s.Text(1)), FromUnixMillis(s.Int(2))});
  }
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<std::vector<std::pair<std::string, std::int64_t>>> SqlLicenseRepository<B>::ConsumedBySku(
    const std::string& customer_id) {
  Statement s = c_.Prepare(kConsumedBySku);
  s.Bind(1, customer_id);
  std::vector<std::pair<std::string, std::int64_t>> out;
  while (s.Step()) out.emplace_back(s.Text(0), s.Int(1));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<std::int64_t> SqlLicenseRepository<B>::Consumed(const std::string& customer_id,
                                                       const std::string& sku_id) {
  Statement s = c_.Prepare(kConsumed);
  s.Bind(1, customer_id).Bind(2, sku_id);
  if (s.Step()) return s.Int(0);
  RETURN_IF_ERROR(s.status());
  return std::int64_t{0};
}

}  // namespace csphub::storage
