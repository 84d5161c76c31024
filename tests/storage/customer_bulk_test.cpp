// The bulk loader's relationship rows must be the repository's, column for column
// (SqlCustomerRepository::BulkInsertRelationship, storage/common/repositories.hpp): the benchmark
// data is only worth what it is the product's data.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

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

TEST(CustomerBulkTest, RelationshipRowsAreTheRepositorysRows) {
  if (testing::OnPostgres()) GTEST_SKIP() << "SQLite's bulk loader";
  char tmpl[] = "/tmp/csphub_bulk_test_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  const std::vector<domain::Customer> customers = {MakeCustomer("c1", "Élan Ärzte GmbH"),
                                                   MakeCustomer("c2", "contoso LTD"),
                                                   MakeCustomer("c3", "Σίγμα Labs")};
  std::vector<std::string> rows[2];
  for (int bulk = 0; bulk < 2; ++bulk) {
    const std::string path = dir + (bulk ? "/bulk.sqlite" : "/repos.sqlite");
    {
      auto store = SqliteStore::Open(path, 0);  // the schema
      ASSERT_TRUE(store.ok()) << store.status().detail();
    }
    auto conn = Connection::Open(path, /*read_only=*/false);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->Exec("PRAGMA foreign_keys=OFF; BEGIN").ok());
    SqliteRepositories repos(**conn);
    for (const auto& c : customers) {
      ASSERT_TRUE(repos.Customers().Insert(c).ok());
      const domain::CustomerRelationship mine{"p1", c.id, "p2", "", kT0};
      const domain::CustomerRelationship theirs{"p2", c.id, "", "p1", kT0};
      for (const auto& r : {mine, theirs}) {
        const Status st = bulk ? SqliteCustomerRepository::BulkInsertRelationship(**conn, r, c)
                               : repos.Customers().InsertRelationship(r);
        ASSERT_TRUE(st.ok()) << st.detail();
        ASSERT_TRUE(repos.Customers().GrantDelegatedAdmin(r.partner_tenant_id, c.id, kT0).ok());
      }
    }
    ASSERT_TRUE((*conn)->Exec("COMMIT").ok());
    conn->reset();
    rows[bulk] = Rows(path);
  }
  EXPECT_EQ(rows[0].size(), 3u * (1 + 1 + 2 + 2));
  EXPECT_EQ(rows[1], rows[0]);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace csphub::storage::sqlite
