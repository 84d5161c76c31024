// The store itself: transactions (nested ones too), durability, settings, idempotency records
// and concurrent readers, on both backends; SQLite's migrations (PostgreSQL's are in
// pg_store_test.cpp).
#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;

// Transactions, durability, migrations and settings.
class SqliteStoreTest : public StoreTest {};

TEST_F(SqliteStoreTest, OpenMigratesAndReopenIsIdempotent) {
  if (!sqlite()) GTEST_SKIP() << "SQLite only (pg_store_test.cpp has PostgreSQL's)";
  const int v = sqlite()->schema_version();
  EXPECT_GE(v, 1);
  EXPECT_EQ(v, AllMigrations().back().version);
  EXPECT_TRUE(store_->Ping().ok());
  Reopen();
  EXPECT_EQ(sqlite()->schema_version(), v);
  Reopen();
  EXPECT_EQ(sqlite()->schema_version(), v);
  // Each migration is recorded once.
  store_.reset();
  auto conn = Connection::Open(path_, true);
  ASSERT_TRUE(conn.ok());
  Statement s = (*conn)->Prepare("SELECT count(*), count(DISTINCT version) FROM schema_migrations");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), static_cast<std::int64_t>(AllMigrations().size()));
  EXPECT_EQ(s.Int(0), s.Int(1));
}

TEST_F(SqliteStoreTest, FailedWriteRollsBack) {
  const Status s = W([](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.Partners().Insert(MakePartner("p1", "1001", "p1.example")));
    RETURN_IF_ERROR(r.PutSetting("k", "v"));
    return InvalidArgument("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.description(), "changed my mind");
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_EQ(r.Partners().Get("p1").status().code(), StatusCode::kNotFound);
                EXPECT_EQ(r.GetSetting("k").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // The writer is usable again afterwards.
  EXPECT_TRUE(W([](Repositories& r) { return r.PutSetting("k", "v2"); }).ok());
}

// A Write() inside a Write() is a savepoint: it fails alone, and nothing is durable before the
// outer commit (the idempotency layer relies on this).
TEST_F(SqliteStoreTest, NestedWritesAreSavepoints) {
  const Status outer = W([&](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.PutSetting("outer", "1"));
    const Status failed = W([](Repositories& inner) -> Status {
      RETURN_IF_ERROR(inner.PutSetting("inner-failed", "1"));
      return InvalidArgument("no");
    });
    EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
    RETURN_IF_ERROR(W([](Repositories& inner) { return inner.PutSetting("inner-ok", "1"); }));
    // A Read() inside sees the enclosing transaction's writes.
    EXPECT_TRUE(R([](Repositories& rr) -> Status {
                  EXPECT_TRUE(rr.GetSetting("inner-ok").ok());
                  return Status::Ok();
                }).ok());
    return Status::Ok();
  });
  ASSERT_TRUE(outer.ok()) << outer.description();
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_TRUE(r.GetSetting("outer").ok());
                EXPECT_TRUE(r.GetSetting("inner-ok").ok());
                EXPECT_EQ(r.GetSetting("inner-failed").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // An outer failure undoes the nested units that succeeded.
  const Status undone = W([&](Repositories&) -> Status {
    RETURN_IF_ERROR(W([](Repositories& inner) { return inner.PutSetting("gone", "1"); }));
    return InvalidArgument("roll it all back");
  });
  EXPECT_FALSE(undone.ok());
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_EQ(r.GetSetting("gone").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // Writing from inside a Read() is refused.
  EXPECT_TRUE(R([&](Repositories&) -> Status {
                EXPECT_EQ(W([](Repositories& w) { return w.PutSetting("x", "1"); }).code(),
                          StatusCode::kInternal);
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, IdempotencyRecords) {
  ASSERT_TRUE(
      W([](Repositories& r) -> Status {
        RETURN_IF_ERROR(r.Idempotency().Put({"a", "sealed-a", kT0}));
        RETURN_IF_ERROR(r.Idempotency().Put({"b", "sealed-b", kT0 + std::chrono::hours(2)}));
        return r.Idempotency().Put({"a", "sealed-a2", kT0 + std::chrono::hours(1)});
      }).ok());
  EXPECT_TRUE(W([](Repositories& r) -> Status {
                auto a = r.Idempotency().Get("a");
                EXPECT_TRUE(a.ok());
                EXPECT_EQ(a.ok() ? a->sealed : "", "sealed-a2");
                EXPECT_EQ(r.Idempotency().Get("zzz").status().code(), StatusCode::kNotFound);
                auto purged = r.Idempotency().PurgeBefore(kT0 + std::chrono::minutes(90), 10);
                EXPECT_TRUE(purged.ok());
                EXPECT_EQ(purged.ok() ? *purged : -1, 1);
                EXPECT_EQ(r.Idempotency().Get("a").status().code(), StatusCode::kNotFound);
                EXPECT_TRUE(r.Idempotency().Get("b").ok());
                return Status::Ok();
              }).ok());
}

TEST_F(SqliteStoreTest, CommittedWriteVisibleAndDurable) {
  SeedPartners();
  auto check = [&] {
    EXPECT_TRUE(R([](Repositories& r) -> Status {
                  auto p = r.Partners().Get("p2");
                  EXPECT_TRUE(p.ok());
                  if (!p.ok()) return p.status();
                  EXPECT_EQ(p->mpn_id, "1002");
                  EXPECT_EQ(p->domain, "p2.example");
                  EXPECT_EQ(p->country, "US");
                  EXPECT_TRUE(p->programs.Has(domain::Program::kIndirectReseller));
                  EXPECT_FALSE(p->programs.Has(domain::Program::kIndirectProvider));
                  EXPECT_EQ(ToUnixMillis(p->created_at), ToUnixMillis(kT0));
                  auto by_domain = r.Partners().GetByDomain("p3.example");
                  EXPECT_TRUE(by_domain.ok());
                  if (by_domain.ok()) {
                    EXPECT_EQ(by_domain->tenant_id, "p3");
                  }
                  auto by_mpn = r.Partners().GetByMpnId("1001");
                  EXPECT_TRUE(by_mpn.ok());
                  if (by_mpn.ok()) {
                    EXPECT_EQ(by_mpn->tenant_id, "p1");
                  }
                  auto list = r.Partners().List(std::nullopt, 10);
                  EXPECT_TRUE(list.ok());
                  if (list.ok()) {
                    EXPECT_EQ(list->size(), 3u);
                  }
                  auto page = r.Partners().List(std::string("p1"), 1);
                  EXPECT_TRUE(page.ok());
                  if (page.ok()) {
                    EXPECT_EQ(page->size(), 1u);
                    if (!page->empty()) {
                      EXPECT_EQ(page->front().tenant_id, "p2");
                    }
                  }
                  return Status::Ok();
                }).ok());
  };
  check();
  Reopen();
  check();
}

TEST_F(SqliteStoreTest, ReadRejectsWrites) {
  const Status s = R([](Repositories& r) { return r.PutSetting("k", "v"); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(R([](Repositories& r) { return r.GetSetting("k").status(); }).code(),
            StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, Settings) {
  EXPECT_EQ(R([](Repositories& r) { return r.GetSetting("signing_key").status(); }).code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("signing_key", "one"); }).ok());
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("signing_key", "two"); }).ok());
  std::string value;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(value, r.GetSetting("signing_key"));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(value, "two");
}

TEST_F(SqliteStoreTest, RefusesNewerSchema) {
  if (!sqlite()) GTEST_SKIP() << "SQLite only (pg_store_test.cpp has PostgreSQL's)";
  store_.reset();
  {
    auto conn = Connection::Open(path_, false);
    ASSERT_TRUE(conn.ok()) << conn.status().description();
    ASSERT_TRUE(
        (*conn)->Exec("INSERT INTO schema_migrations(version, name) VALUES(9999, 'future')").ok());
  }
  auto s = SqliteStore::Open(path_, 2);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().description().find("9999"), std::string::npos) << s.status().description();
}

TEST_F(SqliteStoreTest, ConcurrentReadsWhileWriting) {
  SeedPartners();
  std::atomic<bool> stop{false};
  std::atomic<int> read_failures{0};
  std::atomic<int> reads{0};
  std::atomic<int> write_failures{0};
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      const Status s = W([i](Repositories& r) -> Status {
        RETURN_IF_ERROR(r.PutSetting("counter", std::to_string(i)));
        return r.Audit().Append(MakeAudit(i, "px"));
      });
      if (!s.ok()) ++write_failures;
    }
    stop = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        const Status s = R([](Repositories& r) -> Status {
          RETURN_IF_ERROR(r.Partners().Get("p1").status());
          auto v = r.GetSetting("counter");
          if (!v.ok() && v.status().code() != StatusCode::kNotFound) return v.status();
          return Status::Ok();
        });
        if (!s.ok()) ++read_failures;
        ++reads;
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(write_failures.load(), 0);
  EXPECT_EQ(read_failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  std::string value;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(value, r.GetSetting("counter"));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(value, "199");
}

}  // namespace
}  // namespace csphub::storage::sqlite
