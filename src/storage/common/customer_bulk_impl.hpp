#pragma once
// The bulk writers of SqlCustomerRepository (the bench generator's load path): the repository's
// own INSERTs, kBulkRows to a statement. Instantiated with the repository by
// storage/sqlite/customer_repository.cpp and storage/postgres/customer_repository.cpp.
#include "storage/common/customer_sql.hpp"

namespace csphub::storage {
namespace {

// A Statement whose text parameters are bound without a copy (Statement::BindUnowned), for the
// bulk loader: its rows stay put until each statement has run.
template <typename Statement>
class UnownedBinds {
 public:
  explicit UnownedBinds(Statement& s) : s_(s) {}
  UnownedBinds& Bind(int index, std::string_view text) {
    s_.BindUnowned(index, text);
    return *this;
  }
  UnownedBinds& Bind(int index, std::int64_t value) {
    s_.Bind(index, value);
    return *this;
  }

 private:
  Statement& s_;
};

// Writes `n` rows: `rows_each` to a statement with `many_rows` (RepeatValues(one_row,
// rows_each)), the rest one by one with `one_row`. bind(binds, at, i) binds row i's parameters
// from ?at+1 on.
template <typename Connection, typename Bind>
Status BulkWrite(Connection& c, const char* one_row, const std::string& many_rows, int rows_each,
                 int per_row, std::size_t n, Bind bind) {
  std::size_t i = 0;
  for (; i + rows_each <= n; i += rows_each) {
    auto s = c.Prepare(many_rows.c_str());  // a function's static: one address, as Prepare needs
    UnownedBinds binds(s);
    for (int r = 0; r < rows_each; ++r) bind(binds, r * per_row, i + r);
    RETURN_IF_ERROR(s.Run());
  }
  for (; i < n; ++i) {
    auto s = c.Prepare(one_row);
    UnownedBinds binds(s);
    bind(binds, 0, i);
    RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

}  // namespace

template <typename B>
Status SqlCustomerRepository<B>::BulkInsert(Connection& c,
                                            std::span<const domain::Customer> customers) {
  // All the claims first, as Insert() claims before it inserts (customers.domain references
  // tenant_domains).
  static const std::string claims = RepeatValues(kClaimDomain, kBulkRows);
  RETURN_IF_ERROR(
      BulkWrite(c, kClaimDomain, claims, kBulkRows, kClaimDomainParams, customers.size(),
                [&](auto& s, int at, std::size_t i) { BindClaim(s, at, customers[i]); }));
  static const std::string many = RepeatValues(kInsertCustomer, kBulkRows);
  return BulkWrite(c, kInsertCustomer, many, kBulkRows, kCustomerColumns, customers.size(),
                   [&](auto& s, int at, std::size_t i) { BindCustomer(s, at, customers[i]); });
}

template <typename B>
Status SqlCustomerRepository<B>::BulkInsertRelationships(Connection& c,
                                                         std::span<const BulkRelationship> rows) {
  std::vector<std::string> name_keys;  // bound unowned: kept until the statements have run
  name_keys.reserve(rows.size());
  for (const auto& row : rows) name_keys.push_back(FoldCase(row.customer->billing.company_name));
  static const std::string many = RepeatValues(kBulkInsertRelationship, kBulkRows);
  return BulkWrite(c, kBulkInsertRelationship, many, kBulkRows, kBulkInsertRelationshipParams,
                   rows.size(), [&](auto& s, int at, std::size_t i) {
                     BindRelationship(s, at, rows[i].relationship, name_keys[i]);
                     s.Bind(at + 7, rows[i].customer->domain);
                   });
}

template <typename B>
Status SqlCustomerRepository<B>::BulkGrantDelegatedAdmin(Connection& c,
                                                         std::span<const BulkRelationship> rows) {
  static const std::string many = RepeatValues(kGrantDap, kBulkRows);
  return BulkWrite(c, kGrantDap, many, kBulkRows, kGrantDapParams, rows.size(),
                   [&](auto& s, int at, std::size_t i) {
                     const domain::CustomerRelationship& r = rows[i].relationship;
                     BindGrant(s, at, r.partner_tenant_id, r.customer_id, r.created_at);
                   });
}

}  // namespace csphub::storage
