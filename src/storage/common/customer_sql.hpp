#pragma once
// The customer tables' SQL and the helpers that bind and read their rows, shared by the
// repository (customer_repository_impl.hpp) and its bulk writers (customer_bulk_impl.hpp), on
// both backends.
#include "common/fold_case.hpp"
#include "storage/common/repositories.hpp"
#include "storage/common/sql_text.hpp"

namespace csphub::storage {
namespace {

using domain::CustomerFilterField;

#define CSPHUB_CUSTOMER_COLUMNS                                                             \
  "c.id, c.commerce_id, c.domain, c.organization_registration_number, c.company_name, "     \
  "c.billing_first_name, c.billing_last_name, c.billing_email, c.culture, c.language, "     \
  "c.country, c.region, c.city, c.state, c.address_line1, c.address_line2, c.postal_code, " \
  "c.address_first_name, c.address_middle_name, c.address_last_name, c.phone_number, "      \
  "c.billing_etag, c.created_by, c.created_at, c.updated_at"
constexpr int kCustomerColumns = 25;
#define CSPHUB_RELATIONSHIP_COLUMNS                                                      \
  "r.partner_tenant_id, r.customer_id, r.indirect_reseller_id, r.indirect_provider_id, " \
  "r.created_at"

constexpr const char* kInsertCustomer =
    "INSERT INTO customers(id, commerce_id, domain, organization_registration_number, "
    "company_name, billing_first_name, billing_last_name, billing_email, culture, language, "
    "country, region, city, state, address_line1, address_line2, postal_code, "
    "address_first_name, address_middle_name, address_last_name, phone_number, billing_etag, "
    "created_by, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kClaimDomain =
    "INSERT INTO tenant_domains(domain, tenant_id, kind) VALUES(?, ?, 'customer')";
constexpr int kClaimDomainParams = 2;
constexpr const char* kGetCustomer =
    "SELECT " CSPHUB_CUSTOMER_COLUMNS " FROM customers c WHERE c.id = ?";
constexpr const char* kUpdateBilling =
    "UPDATE customers SET company_name=?2, billing_first_name=?3, billing_last_name=?4, "
    "billing_email=?5, culture=?6, language=?7, region=?8, city=?9, state=?10, "
    "address_line1=?11, address_line2=?12, postal_code=?13, address_first_name=?14, "
    "address_middle_name=?15, address_last_name=?16, phone_number=?17, billing_etag=?18, "
    "updated_at=?19 WHERE id=?1";
constexpr const char* kRenameInLists =
    "UPDATE customer_relationships SET name_key=? WHERE customer_id=?";
constexpr const char* kDomainTaken = "SELECT 1 FROM tenant_domains WHERE domain = ?";
constexpr const char* kCustomerByDomain =
    "SELECT tenant_id FROM tenant_domains WHERE domain = ? AND kind = 'customer'";

// The relationship row, from the repository (the customer's domain read from its row) and from
// the bulk loader (given, ?7): one column list and one numbering, ?1..?6, for both. PostgreSQL
// types a parameter in a SELECT list from nothing, as text; created_at must be cast to its
// column's.
#define CSPHUB_INSERT_RELATIONSHIP                                                        \
  "INSERT INTO customer_relationships(partner_tenant_id, customer_id, name_key, domain, " \
  "indirect_reseller_id, indirect_provider_id, created_at) "
constexpr const char* kInsertRelationship = CSPHUB_INSERT_RELATIONSHIP
    "SELECT ?1, ?2, ?3, c.domain, ?4, ?5, CAST(?6 AS bigint) FROM customers c WHERE c.id = ?2";
constexpr const char* kBulkInsertRelationship =
    CSPHUB_INSERT_RELATIONSHIP "VALUES(?1, ?2, ?3, ?7, ?4, ?5, ?6)";
constexpr int kBulkInsertRelationshipParams = 7;
#undef CSPHUB_INSERT_RELATIONSHIP
constexpr const char* kForgetFormer =
    "DELETE FROM former_customer_relationships WHERE partner_tenant_id=? AND customer_id=?";
constexpr const char* kGetRelationship =
    "SELECT " CSPHUB_RELATIONSHIP_COLUMNS
    " FROM customer_relationships r WHERE r.partner_tenant_id=? AND r.customer_id=?";
constexpr const char* kDeleteRelationship =
    "DELETE FROM customer_relationships WHERE partner_tenant_id=? AND customer_id=?";
constexpr const char* kRememberFormer =
    "INSERT INTO former_customer_relationships(partner_tenant_id, customer_id, removed_at) "
    "VALUES(?,?,?) ON CONFLICT (partner_tenant_id, customer_id) DO UPDATE SET "
    "removed_at=excluded.removed_at";
// GetRelationship, Get and HasDelegatedAdmin in one statement: three point lookups, one step.
constexpr const char* kGetRelated =
    "SELECT " CSPHUB_CUSTOMER_COLUMNS ", " CSPHUB_RELATIONSHIP_COLUMNS
    ", EXISTS(SELECT 1 FROM delegated_admin_grants d"
    " WHERE d.partner_tenant_id = r.partner_tenant_id AND d.customer_id = r.customer_id)"
    " FROM customer_relationships r JOIN customers c ON c.id = r.customer_id"
    " WHERE r.partner_tenant_id=? AND r.customer_id=?";
constexpr const char* kHadRelationship =
    "SELECT 1 FROM former_customer_relationships WHERE partner_tenant_id=? AND customer_id=?";
constexpr const char* kRelationshipsOf =
    "SELECT " CSPHUB_RELATIONSHIP_COLUMNS
    " FROM customer_relationships r WHERE r.customer_id=? ORDER BY r.partner_tenant_id";

// The customer list: one statement per order. ?1 partner, ?2..?3 the cursor (where the page
// starts: the last row of the previous page, or the prefix itself), ?4 limit, ?5 the end of
// the prefix range (the dialect's kAfterEveryChar appended), ?6 the cursor's name key. The
// cursor is the range's only lower bound, so SQLite starts the index range at it: page 10,000
// costs what page 1 costs (with a second lower bound, `key >= prefix`, SQLite 3.40 starts at the
// prefix and filters every earlier row out one by one). PostgreSQL has the same indexes, and
// its text columns collate "C" (byte order), so the orders and ranges are the same on both.
// Each row is what the list shows of a customer (PC's list item, no billing profile), in
// CustomerListColumn's order: a narrow row read into a CustomerSummary.
#define CSPHUB_LIST_FROM                                                           \
  "SELECT c.id, c.commerce_id, c.domain, c.company_name, r.indirect_reseller_id, " \
  "r.indirect_provider_id "                                                        \
  "FROM customer_relationships r JOIN customers c ON c.id = r.customer_id "        \
  "WHERE r.partner_tenant_id = ?1 "
constexpr const char* kListByName = CSPHUB_LIST_FROM
    "AND (r.name_key, r.customer_id) > (?2, ?3) AND r.name_key < ?5 "
    "ORDER BY r.name_key, r.customer_id LIMIT ?4";
constexpr const char* kListByDomain = CSPHUB_LIST_FROM
    "AND (r.domain, r.customer_id) > (?2, ?3) AND r.domain < ?5 "
    "ORDER BY r.domain, r.customer_id LIMIT ?4";
constexpr const char* kListByReseller = CSPHUB_LIST_FROM
    "AND (r.indirect_reseller_id, r.name_key, r.customer_id) > (?2, ?6, ?3) "
    "AND r.indirect_reseller_id < ?5 "
    "ORDER BY r.indirect_reseller_id, r.name_key, r.customer_id LIMIT ?4";
constexpr const char* kListByProvider = CSPHUB_LIST_FROM
    "AND (r.indirect_provider_id, r.name_key, r.customer_id) > (?2, ?6, ?3) "
    "AND r.indirect_provider_id < ?5 "
    "ORDER BY r.indirect_provider_id, r.name_key, r.customer_id LIMIT ?4";
#undef CSPHUB_LIST_FROM

constexpr const char* kGrantDap =
    "INSERT INTO delegated_admin_grants(partner_tenant_id, customer_id, granted_at) "
    "VALUES(?,?,?) ON CONFLICT DO NOTHING";
constexpr int kGrantDapParams = 3;
constexpr const char* kRevokeDap =
    "DELETE FROM delegated_admin_grants WHERE partner_tenant_id=? AND customer_id=?";
constexpr const char* kHasDap =
    "SELECT 1 FROM delegated_admin_grants WHERE partner_tenant_id=? AND customer_id=?";
constexpr const char* kDapPartnersOf =
    "SELECT partner_tenant_id FROM delegated_admin_grants WHERE customer_id=? "
    "ORDER BY partner_tenant_id";

template <typename Statement>
domain::Customer ReadCustomer(const Statement& s) {
  domain::Customer c;
  c.id = s.Text(0);
  c.commerce_id = s.Text(1);
  c.domain = s.Text(2);
  c.organization_registration_number = s.Text(3);
  auto& b = c.billing;
  b.company_name = s.Text(4);
  b.first_name = s.Text(5);
  b.last_name = s.Text(6);
  b.email = s.Text(7);
  b.culture = s.Text(8);
  b.language = s.Text(9);
  auto& a = b.default_address;
  a.country = s.Text(10);
  a.region = s.Text(11);
  a.city = s.Text(12);
  a.state = s.Text(13);
  a.address_line1 = s.Text(14);
  a.address_line2 = s.Text(15);
  a.postal_code = s.Text(16);
  a.first_name = s.Text(17);
  a.middle_name = s.Text(18);
  a.last_name = s.Text(19);
  a.phone_number = s.Text(20);
  c.billing_etag = s.Int(21);
  c.created_by = s.Text(22);
  c.created_at = FromUnixMillis(s.Int(23));
  c.updated_at = FromUnixMillis(s.Int(24));
  return c;
}

template <typename Statement>
domain::CustomerRelationship ReadRelationship(const Statement& s, int at) {
  return {s.Text(at), s.Text(at + 1), s.Text(at + 2), s.Text(at + 3),
          FromUnixMillis(s.Int(at + 4))};
}

template <typename Connection>
Result<bool> Exists(Connection& c, const char* sql, const std::string& a, const std::string& b) {
  auto s = c.Prepare(sql);
  s.Bind(1, a).Bind(2, b);
  const bool found = s.Step();
  RETURN_IF_ERROR(s.status());
  return found;
}

// The parameters of one row of kClaimDomain, kInsertCustomer and kGrantDap, from ?at+1 on: the
// repository binds them at 0, the bulk loader at each row's place in a multi-row statement.
template <typename Statement>
void BindClaim(Statement& s, int at, const domain::Customer& c) {
  s.Bind(at + 1, c.domain).Bind(at + 2, c.id);
}

template <typename Statement>
void BindCustomer(Statement& s, int at, const domain::Customer& c) {
  const auto& b = c.billing;
  const auto& a = b.default_address;
  s.Bind(at + 1, c.id).Bind(at + 2, c.commerce_id).Bind(at + 3, c.domain);
  s.Bind(at + 4, c.organization_registration_number).Bind(at + 5, b.company_name);
  s.Bind(at + 6, b.first_name).Bind(at + 7, b.last_name).Bind(at + 8, b.email);
  s.Bind(at + 9, b.culture).Bind(at + 10, b.language).Bind(at + 11, a.country);
  s.Bind(at + 12, a.region).Bind(at + 13, a.city).Bind(at + 14, a.state);
  s.Bind(at + 15, a.address_line1).Bind(at + 16, a.address_line2).Bind(at + 17, a.postal_code);
  s.Bind(at + 18, a.first_name).Bind(at + 19, a.middle_name).Bind(at + 20, a.last_name);
  s.Bind(at + 21, a.phone_number).Bind(at + 22, c.billing_etag).Bind(at + 23, c.created_by);
  s.Bind(at + 24, ToUnixMillis(c.created_at)).Bind(at + 25, ToUnixMillis(c.updated_at));
}

template <typename Statement>
void BindGrant(Statement& s, int at, const std::string& partner, const std::string& customer,
               TimePoint when) {
  s.Bind(at + 1, partner).Bind(at + 2, customer).Bind(at + 3, ToUnixMillis(when));
}

// ?at+1..?at+6 of both relationship inserts (at: as for BindCustomer). name_key: the customer's
// FoldCase(company name).
template <typename Statement>
void BindRelationship(Statement& s, int at, const domain::CustomerRelationship& r,
                      std::string_view name_key) {
  s.Bind(at + 1, r.partner_tenant_id).Bind(at + 2, r.customer_id).Bind(at + 3, name_key);
  s.Bind(at + 4, r.indirect_reseller_id).Bind(at + 5, r.indirect_provider_id);
  s.Bind(at + 6, ToUnixMillis(r.created_at));
}

}  // namespace
}  // namespace csphub::storage
