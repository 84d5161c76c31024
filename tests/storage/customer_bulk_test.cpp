// The bulk loader's rows must be the repository's, column for column
// (SqlCustomerRepository::BulkInsert…, storage/common/repositories.hpp): the benchmark data is
// only worth what it is the product's data.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storage/common/sql_text.hpp"
#include "storage/sqlite/repositories.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/test_database.hpp"

namespace csphub::storage::sqlite {
namespace {

const TimePoint kT0 = FromUnixMillis(1795244340000);

domain::Customer MakeCustomer(const std::string& id, const std::string& name) {
  domain::Customer c;
  c.id = id;
  c.commerce_id = "commerce-" + id;
  c.domain = "c" + id + ".onmicrosoft.com";
  c.billing.company_name = name;
  c.billing.first_name = "Pat";
  c.billing.last_name = "Owner";
  c.billing.email = "owner@" + c.domain;
  c.billing.default_address.country = "DE";
  c.billing.default_address.city = "München";
  c.billing_etag = 1;
  c.created_by = "p1";
  c.created_at = c.updated_at = kT0;
  return c;
}

// Enough customers for two full multi-row statements of each kind and a remainder written one
// row at a time; names that case folding changes (name_key).
std::vector<domain::Customer> MakeCustomers() {
  const char* names[] = {"Élan Ärzte GmbH", "contoso LTD", "Σίγμα Labs"};
  std::vector<domain::Customer> out;
  for (int i = 0; i < 2 * SqliteCustomerRepository::kBulkRows + 37; ++i) {
    out.push_back(MakeCustomer("c" + std::to_string(i), names[i % 3] + std::to_string(i)));
  }
  return out;
}

// Every row of the customer tables, every column as text.
std::vector<std::string> Rows(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> out;
  for (const char* table : {"tenant_domains", "customers", "customer_relationships",
                            "delegated_admin_grants", "former_customer_relationships"}) {
    sqlite3_stmt* s = nullptr;
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1, 2";
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row = table;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* text = sqlite3_column_text(s, i);
        row += '|';
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      out.push_back(row);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

// What CustomerService::Create writes for a provider (p1) creating a customer for a reseller
// (p2), through the repository one customer at a time.
void WriteThroughRepository(Connection& conn, const std::vector<domain::Customer>& customers) {
  SqliteRepositories repos(conn);
  for (const auto& c : customers) {
    ASSERT_TRUE(repos.Customers().Insert(c).ok());
    const domain::CustomerRelationship mine{"p1", c.id, "p2", "", kT0};
    const domain::CustomerRelationship theirs{"p2", c.id, "", "p1", kT0};
    for (const auto& r : {mine, theirs}) {
      const Status st = repos.Customers().InsertRelationship(r);
      ASSERT_TRUE(st.ok()) << st.detail();
      ASSERT_TRUE(repos.Customers().GrantDelegatedAdmin(r.partner_tenant_id, c.id, kT0).ok());
    }
  }
}

// The same through the bulk loader, as bench/seed_customers.cpp calls it.
void WriteInBulk(Connection& conn, const std::vector<domain::Customer>& customers) {
  using Repo = SqliteCustomerRepository;
  std::vector<Repo::BulkRelationship> relationships;
  for (const auto& c : customers) {
    relationships.push_back({{"p1", c.id, "p2", "", kT0}, &c});
    relationships.push_back({{"p2", c.id, "", "p1", kT0}, &c});
  }
  Status st = Repo::BulkInsert(conn, customers);
  ASSERT_TRUE(st.ok()) << st.detail();
  st = Repo::BulkInsertRelationships(conn, relationships);
  ASSERT_TRUE(st.ok()) << st.detail();
  st = Repo::BulkGrantDelegatedAdmin(conn, relationships);
  ASSERT_TRUE(st.ok()) << st.detail();
}

TEST(CustomerBulkTest, RowsAreTheRepositorysRows) {
  if (testing::OnPostgres()) GTEST_SKIP() << "SQLite's bulk loader";
  char tmpl[] = "/tmp/csphub_bulk_test_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  const std::vector<domain::Customer> customers = MakeCustomers();
  std::vector<std::string> rows[2];
  for (int bulk = 0; bulk < 2; ++bulk) {
    const std::string path = dir + (bulk ? "/bulk.sqlite" : "/repos.sqlite");
    {
      auto store = SqliteStore::Open(path, 0);  // the schema
      ASSERT_TRUE(store.ok()) << store.status().detail();
    }
    auto conn = Connection::Open(path, /*read_only=*/false);  // foreign keys on: checked
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->Exec("BEGIN").ok());
    if (bulk) {
      WriteInBulk(**conn, customers);
    } else {
      WriteThroughRepository(**conn, customers);
    }
    ASSERT_TRUE((*conn)->Exec("COMMIT").ok());
    conn->reset();
    rows[bulk] = Rows(path);
  }
  EXPECT_EQ(rows[0].size(), customers.size() * (1 + 1 + 2 + 2));
  EXPECT_EQ(rows[1], rows[0]);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST(CustomerBulkTest, RepeatValuesNumbersEachRowsParameters) {
  EXPECT_EQ(RepeatValues("INSERT INTO t(a, b, k) VALUES(?, ?, 'x')", 3),
            "INSERT INTO t(a, b, k) VALUES(?, ?, 'x'),(?, ?, 'x'),(?, ?, 'x')");
  EXPECT_EQ(RepeatValues("INSERT INTO t(a, b, c) VALUES(?1, ?3, ?2) ON CONFLICT DO NOTHING", 2),
            "INSERT INTO t(a, b, c) VALUES(?1, ?3, ?2),(?4, ?6, ?5) ON CONFLICT DO NOTHING");
  EXPECT_THROW(RepeatValues("INSERT INTO t(a) SELECT ?", 2), std::logic_error);
  EXPECT_THROW(RepeatValues("INSERT INTO t(a) VALUES(CAST(? AS bigint))", 2), std::logic_error);
}

}  // namespace
}  // namespace csphub::storage::sqlite
