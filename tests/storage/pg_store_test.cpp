// What only PostgreSQL has to prove: migrations across nodes, the refusal of a newer schema,
// SERIALIZABLE writes from many connections (and many stores, as many nodes would have) that
// lose no update, and a pool that survives its sessions being killed. Skipped on SQLite; the
// behaviour both backends share is in the other storage tests, which run on both.
#include "storage/postgres/pg_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/store_factory.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;
using postgres::PgStore;

class PgStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    if (!testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL only (the -pg copy runs it)";
    StoreTest::SetUp();
  }
  std::vector<std::string> Column(const std::string& sql) {
    return testing::QueryColumn(path_, sql);
  }
  // Adds 1 to the setting `key` by reading and writing it back: a lost update shows as a total
  // below the number of increments.
  static Status Increment(domain::Store& store, const std::string& key) {
    return store.Write([&](Repositories& r) -> Status {
      auto v = r.GetSetting(key);
      const int n = v.ok() ? std::stoi(*v) : 0;
      return r.PutSetting(key, std::to_string(n + 1));
    });
  }
};

TEST_F(PgStoreTest, MigratesOnceAndReopens) {
  const auto& all = postgres::AllMigrations();
  ASSERT_FALSE(all.empty());
  EXPECT_TRUE(store_->Ping().ok());
  Reopen();
  Reopen();
  EXPECT_EQ(Column("SELECT count(*) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(all.size())});
  EXPECT_EQ(Column("SELECT max(version) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(all.back().version)});
  auto version = app::MigrateDatabase(path_);
  ASSERT_TRUE(version.ok()) << version.status().detail();
  EXPECT_EQ(*version, all.back().version);
}

// Nodes starting together on an empty database: each migration is applied once, and every node
// opens.
TEST_F(PgStoreTest, NodesStartingTogetherMigrateOnce) {
  store_.reset();
  db_ = std::make_unique<testing::TestDatabase>(dir_);  // a fresh, empty database
  path_ = db_->url();
  std::atomic<int> failures{0};
  std::vector<std::thread> nodes;
  for (int i = 0; i < 4; ++i) {
    nodes.emplace_back([&] {
      auto s = PgStore::Open(path_, 1);
      if (!s.ok()) {
        ++failures;
        ADD_FAILURE() << s.status().description() << " " << s.status().detail();
      }
    });
  }
  for (auto& t : nodes) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Column("SELECT count(*) = count(DISTINCT version) FROM schema_migrations"),
            std::vector<std::string>{"t"});
  EXPECT_EQ(Column("SELECT count(*) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(postgres::AllMigrations().size())});
}

TEST_F(PgStoreTest, RefusesNewerSchema) {
  store_.reset();
  db_->ExecPostgres("INSERT INTO schema_migrations(version, name) VALUES(9999, 'future')");
  auto s = PgStore::Open(path_, 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().description().find("9999"), std::string::npos) << s.status().description();
  auto migrated = app::MigrateDatabase(path_);
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.status().code(), StatusCode::kFailedPrecondition);
}

// A database made before V008 kept the Global Administrator in a column; upgrading moves it into
// the role membership and drops the column (SQLite's twin is in directory_store_test.cpp).
TEST_F(PgStoreTest, UpgradingToV008MovesGlobalAdminsIntoTheRole) {
  store_.reset();
  db_ = std::make_unique<testing::TestDatabase>(dir_);  // a fresh, empty database
  path_ = db_->url();
  db_->ExecPostgres(
      "CREATE TABLE schema_migrations(version integer PRIMARY KEY, name text NOT NULL, "
      "applied_at timestamptz NOT NULL DEFAULT now())");
  for (const postgres::Migration& m : postgres::AllMigrations()) {
    if (m.version >= 8) break;
    db_->ExecPostgres(std::string(m.sql));
    db_->ExecPostgres("INSERT INTO schema_migrations(version, name) VALUES(" +
                      std::to_string(m.version) + ", 'v')");
  }
  db_->ExecPostgres(
      "INSERT INTO tenant_domains VALUES('a.example', 'c1', 'customer');"
      "INSERT INTO customers(id, commerce_id, domain, company_name, billing_first_name, "
      "billing_last_name, billing_email, culture, language, country, city, address_line1, "
      "postal_code, billing_etag, created_at, updated_at) VALUES('c1', 'k1', 'a.example', 'A', "
      "'A', 'B', 'a@a.example', 'en-US', 'en', 'US', 'X', 'Y', '1', 1, 0, 0);"
      "INSERT INTO customer_users(id, customer_id, user_principal_name, display_name, "
      "password_hash, must_change_password, global_admin, created_at, updated_at) VALUES"
      "('u1', 'c1', 'admin@a.example', 'A', 'h', false, true, 7, 7), "
      "('u2', 'c1', 'bob@a.example', 'B', 'h', false, false, 0, 0)");
  Reopen();  // migrates to the newest version
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto admin, r.CustomerUsers().Get("c1", "u1"));
                ASSIGN_OR_RETURN(auto bob, r.CustomerUsers().Get("c1", "u2"));
                EXPECT_TRUE(admin.global_admin);
                EXPECT_FALSE(bob.global_admin);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(Column("SELECT user_id || ' ' || added_at FROM customer_directory_role_members"),
            std::vector<std::string>{"u1 7"});
  EXPECT_EQ(Column("SELECT count(*) FROM information_schema.columns WHERE "
                   "table_name='customer_users' AND column_name='global_admin'"),
            std::vector<std::string>{"0"});
}

// Read-modify-write from many threads on two stores (two nodes): SERIALIZABLE plus the retry in
// Write() loses no increment, as SQLite's single writer does not.
TEST_F(PgStoreTest, ConcurrentReadModifyWritesLoseNothing) {
  auto other = PgStore::Open(path_, 4);
  ASSERT_TRUE(other.ok());
  domain::Store* nodes[] = {store_.get(), other->get()};
  // Six writers on one row: each write may lose its serialization race kMaxAttempts times in a
  // row on a loaded machine, and is then refused as Unavailable (the client's cue to try again).
  // What must hold is that no acknowledged write is lost and that refusals are only that one.
  std::atomic<int> acknowledged{0};
  std::atomic<int> refused{0};
  std::atomic<int> other_errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const Status st = Increment(*nodes[t % 2], "counter");
        if (st.ok()) {
          ++acknowledged;
        } else if (st.code() == StatusCode::kUnavailable) {
          ++refused;
        } else {
          ++other_errors;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(other_errors.load(), 0);
  EXPECT_EQ(acknowledged.load() + refused.load(), 150);
  EXPECT_GT(acknowledged.load(), 75) << "most writes get through within their retries";
  std::string value;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(value, r.GetSetting("counter"));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(value, std::to_string(acknowledged.load()));
}

// A unique violation inside a nested Write() is undone alone, as on SQLite, and PostgreSQL's
// aborted-transaction state does not leak into the rest of the outer transaction.
TEST_F(PgStoreTest, FailedStatementInNestedWriteLeavesOuterUsable) {
  SeedPartners();
  const Status outer = W([&](Repositories& r) -> Status {
    const Status dup = W([](Repositories& inner) {
      return inner.Partners().Insert(MakePartner("p9", "1001", "p9.example"));  // MPN taken
    });
    EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
    return r.PutSetting("after", "ok");
  });
  ASSERT_TRUE(outer.ok()) << outer.description() << " " << outer.detail();
  EXPECT_EQ(Column("SELECT value FROM settings WHERE key = 'after'"),
            std::vector<std::string>{"ok"});
}

// Sessions killed under the pool (a server restart, an idle reaper): the next calls reconnect.
TEST_F(PgStoreTest, ReconnectsAfterSessionsAreKilled) {
  SeedPartners();
  ASSERT_TRUE(store_->Ping().ok());
  testing::KillOtherPostgresSessions(path_);
  for (int i = 0; i < 8; ++i) {
    EXPECT_TRUE(R([](Repositories& r) { return r.Partners().Get("p1").status(); }).ok());
    EXPECT_TRUE(W([i](Repositories& r) { return r.PutSetting("k", std::to_string(i)); }).ok());
  }
}

}  // namespace
}  // namespace csphub::storage::sqlite
