// Customer users, directory roles and license assignments, on both backends (StoreTest): the
// Global Administrator flag is its role membership, paging by principal name per state, purging
// soft-deleted users with their roles and licenses, and the SKU index.
#include <gtest/gtest.h>

#include "domain/directory/directory_role.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

constexpr const char* kCustomer = "c0000000-0000-4000-8000-000000000001";
const std::string kGlobal(domain::kGlobalAdministratorRoleId);

domain::CustomerUser MakeCustomerUser(const std::string& id, const std::string& local,
                                      bool global_admin = false) {
  domain::CustomerUser u;
  u.id = id;
  u.customer_id = kCustomer;
  u.user_principal_name = local + "@adatum.onmicrosoft.com";
  u.display_name = local;
  u.password_hash = "$argon2id$fake";
  u.global_admin = global_admin;
  u.created_at = u.updated_at = kT0;
  return u;
}

class DirectoryStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(W([](Repositories& r) -> Status {
                  RETURN_IF_ERROR(r.Customers().Insert(MakeCustomer(kCustomer)));
                  RETURN_IF_ERROR(
                      r.CustomerUsers().Insert(MakeCustomerUser("u-admin", "admin", true)));
                  RETURN_IF_ERROR(r.CustomerUsers().Insert(MakeCustomerUser("u-bob", "bob")));
                  return r.CustomerUsers().Insert(MakeCustomerUser("u-cat", "cat"));
                }).ok());
  }
};

TEST_F(DirectoryStoreTest, GlobalAdminIsTheRoleMembershipBothWays) {
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto admin, r.CustomerUsers().Get(kCustomer, "u-admin"));
                EXPECT_TRUE(admin.global_admin);
                ASSIGN_OR_RETURN(auto bob, r.CustomerUsers().Get(kCustomer, "u-bob"));
                EXPECT_FALSE(bob.global_admin);
                bob.global_admin = true;  // Update adds the membership
                RETURN_IF_ERROR(r.CustomerUsers().Update(bob));
                ASSIGN_OR_RETURN(auto members, r.CustomerUsers().RoleMembers(kCustomer, kGlobal));
                EXPECT_EQ(members.size(), 2u);
                RETURN_IF_ERROR(r.CustomerUsers().RemoveRoleMember(kCustomer, kGlobal, "u-admin"));
                ASSIGN_OR_RETURN(admin, r.CustomerUsers().Get(kCustomer, "u-admin"));
                EXPECT_FALSE(admin.global_admin);
                EXPECT_EQ(r.CustomerUsers().RemoveRoleMember(kCustomer, kGlobal, "u-admin").code(),
                          StatusCode::kNotFound);
                EXPECT_EQ(r.CustomerUsers().AddRoleMember(kCustomer, kGlobal, "u-bob", kT0).code(),
                          StatusCode::kAlreadyExists);
                ASSIGN_OR_RETURN(auto roles, r.CustomerUsers().RolesOf(kCustomer, "u-bob"));
                EXPECT_EQ(roles, std::vector<std::string>{kGlobal});
                return Status::Ok();
              }).ok());
}

TEST_F(DirectoryStoreTest, ListPagesPerStateAndPurgeRemovesRolesAndLicenses) {
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto cat, r.CustomerUsers().Get(kCustomer, "u-cat"));
                cat.state = "inactive";
                cat.soft_deleted_at = kT0;
                RETURN_IF_ERROR(r.CustomerUsers().Update(cat));
                RETURN_IF_ERROR(r.CustomerUsers().AddRoleMember(kCustomer, kGlobal, "u-cat", kT0));
                return r.Licenses().Put({kCustomer, "u-cat", "P:S", {}, kT0});
              }).ok());
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto page, r.CustomerUsers().List({kCustomer, "active", "", 1}));
                EXPECT_EQ(page.size(), 1u);
                EXPECT_EQ(page[0].id, "u-admin");
                ASSIGN_OR_RETURN(page, r.CustomerUsers().List(
                                           {kCustomer, "active", page[0].user_principal_name, 5}));
                EXPECT_EQ(page.size(), 1u);
                EXPECT_EQ(page[0].id, "u-bob");
                ASSIGN_OR_RETURN(page, r.CustomerUsers().List({kCustomer, "inactive", "", 5}));
                EXPECT_EQ(page.size(), 1u);
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(
      W([](Repositories& r) -> Status {
        ASSIGN_OR_RETURN(
            int none, r.CustomerUsers().PurgeSoftDeleted(kCustomer, kT0 - std::chrono::seconds(1)));
        EXPECT_EQ(none, 0);
        ASSIGN_OR_RETURN(int one, r.CustomerUsers().PurgeSoftDeleted(kCustomer, kT0));
        EXPECT_EQ(one, 1);
        EXPECT_EQ(r.CustomerUsers().Get(kCustomer, "u-cat").status().code(), StatusCode::kNotFound);
        ASSIGN_OR_RETURN(auto members, r.CustomerUsers().RoleMembers(kCustomer, kGlobal));
        EXPECT_EQ(members.size(), 1u);
        ASSIGN_OR_RETURN(std::int64_t consumed, r.Licenses().Consumed(kCustomer, "P:S"));
        EXPECT_EQ(consumed, 0);
        return Status::Ok();
      }).ok());
}

TEST_F(DirectoryStoreTest, AssignmentsByUserAndBySku) {
  ASSERT_TRUE(
      W([](Repositories& r) -> Status {
        RETURN_IF_ERROR(r.Licenses().Put({kCustomer, "u-bob", "P:S", {"plan-1"}, kT0}));
        RETURN_IF_ERROR(r.Licenses().Put({kCustomer, "u-admin", "P:S", {}, kT0}));
        RETURN_IF_ERROR(r.Licenses().Put({kCustomer, "u-bob", "P:T", {}, kT0}));
        // Put again replaces the excluded plans; no second row.
        RETURN_IF_ERROR(r.Licenses().Put({kCustomer, "u-bob", "P:S", {"plan-2", "plan-3"}, kT0}));
        ASSIGN_OR_RETURN(auto bob, r.Licenses().ListForUser(kCustomer, "u-bob"));
        EXPECT_EQ(bob.size(), 2u);
        EXPECT_EQ(bob[0].excluded_plans, (std::vector<std::string>{"plan-2", "plan-3"}));
        ASSIGN_OR_RETURN(auto holders, r.CustomerUsers().HoldersOf(kCustomer, "P:S"));
        EXPECT_EQ(holders.size(), 2u);
        EXPECT_EQ(holders[0].id, "u-admin");  // by principal name
        ASSIGN_OR_RETURN(auto by_sku, r.Licenses().ConsumedBySku(kCustomer));
        EXPECT_EQ(by_sku,
                  (std::vector<std::pair<std::string, std::int64_t>>{{"P:S", 2}, {"P:T", 1}}));
        RETURN_IF_ERROR(r.Licenses().Remove(kCustomer, "u-bob", "P:S"));
        RETURN_IF_ERROR(r.Licenses().Remove(kCustomer, "u-bob", "P:S"));  // not held: OK
        RETURN_IF_ERROR(r.Licenses().RemoveAllOf(kCustomer, "u-bob"));
        ASSIGN_OR_RETURN(bob, r.Licenses().ListForUser(kCustomer, "u-bob"));
        EXPECT_TRUE(bob.empty());
        return Status::Ok();
      }).ok());
}

}  // namespace
}  // namespace csphub::storage::sqlite

namespace csphub::storage::sqlite {
namespace {

// A database made before V008 kept the Global Administrator in a column; upgrading moves it into
// the role membership, so the tenant's admin is still its Global Administrator.
TEST(DirectoryMigrationTest, UpgradingMovesGlobalAdminsIntoTheRole) {
  // It builds a SQLite file by hand; PgStoreTest.UpgradingToV008MovesGlobalAdminsIntoTheRole is
  // PostgreSQL's.
  if (testing::OnPostgres()) GTEST_SKIP() << "SQLite only (pg_store_test.cpp has PostgreSQL's)";
  char tmpl[] = "/tmp/csphub_v008_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  {
    auto conn = Connection::Open(dir + "/db.sqlite", false);
    ASSERT_TRUE(conn.ok());
    Connection& c = **conn;
    ASSERT_TRUE(SchemaVersion(c).ok());  // creates the version table
    // Only the users matter here: no customer row for them to point at.
    ASSERT_TRUE(c.Exec("PRAGMA foreign_keys=OFF").ok());
    for (const Migration& m : AllMigrations()) {
      if (m.version >= 8) break;
      ASSERT_TRUE(c.Exec(std::string(m.sql)).ok()) << m.name;
      ASSERT_TRUE(c.Exec("INSERT INTO schema_migrations(version, name) VALUES(" +
                         std::to_string(m.version) + ", 'v')")
                      .ok());
    }
    ASSERT_TRUE(c.Exec("INSERT INTO customer_users(id, customer_id, user_principal_name, "
                       "display_name, password_hash, must_change_password, global_admin, "
                       "created_at, updated_at) VALUES('u1', 'c1', 'admin@a.example', 'A', 'h', "
                       "0, 1, 0, 0), ('u2', 'c1', 'bob@a.example', 'B', 'h', 0, 0, 0, 0)")
                    .ok());
    ASSERT_TRUE(Migrate(c).ok());
  }
  auto store = SqliteStore::Open(dir + "/db.sqlite", 1);
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)
                  ->Read([](domain::Repositories& r) -> Status {
                    ASSIGN_OR_RETURN(auto admin, r.CustomerUsers().Get("c1", "u1"));
                    ASSIGN_OR_RETURN(auto bob, r.CustomerUsers().Get("c1", "u2"));
                    EXPECT_TRUE(admin.global_admin);
                    EXPECT_FALSE(bob.global_admin);
                    return Status::Ok();
                  })
                  .ok());
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace csphub::storage::sqlite
