// Store::ReadOnce() (domain/store.hpp), on both backends: a unit of one query that runs without
// a transaction of its own. It sees what is committed, refuses a second statement and a write
// before they run, joins an enclosing transaction, and lets nothing nest in it.
#include <gtest/gtest.h>

#include <string>

#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

class ReadOnceTest : public StoreTest {
 protected:
  Status Once(const domain::Store::Work& w) { return store_->ReadOnce(w); }
  // The setting `key` as one ReadOnce() sees it ("" when unset).
  std::string SettingOnce(const std::string& key) {
    std::string value;
    const Status st = Once([&](Repositories& r) -> Status {
      auto v = r.GetSetting(key);
      if (v.ok()) value = *v;
      return v.ok() || v.status().code() == StatusCode::kNotFound ? Status::Ok() : v.status();
    });
    EXPECT_TRUE(st.ok()) << st.detail();
    return value;
  }
};

TEST_F(ReadOnceTest, SeesWhatIsCommitted) {
  EXPECT_EQ(SettingOnce("k"), "");
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("k", "one"); }).ok());
  EXPECT_EQ(SettingOnce("k"), "one");
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("k", "two"); }).ok());
  EXPECT_EQ(SettingOnce("k"), "two");
  // A failed write left nothing behind.
  ASSERT_FALSE(W([](Repositories& r) -> Status {
                 RETURN_IF_ERROR(r.PutSetting("k", "three"));
                 return Aborted("not kept");
               }).ok());
  EXPECT_EQ(SettingOnce("k"), "two");
}

TEST_F(ReadOnceTest, PassesTheWorksStatusThrough) {
  EXPECT_TRUE(Once([](Repositories&) { return Status::Ok(); }).ok());  // no statement at all
  EXPECT_EQ(Once([](Repositories& r) { return r.Partners().Get("nobody").status(); }).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Once([](Repositories&) { return Aborted("mine"); }).code(), StatusCode::kAborted);
}

TEST_F(ReadOnceTest, RefusesASecondStatement) {
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("k", "v"); }).ok());
  int ran = 0;
  const Status st = Once([&](Repositories& r) -> Status {
    ++ran;
    (void)r.GetSetting("k");
    (void)r.GetSetting("k");  // refused: swallowing its status would not hide it
    ++ran;
    return Status::Ok();
  });
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_NE(st.detail().find("second statement"), std::string::npos) << st.detail();
  EXPECT_EQ(ran, 1);  // the unit stopped at the second statement
  // The connections are usable afterwards, and their next ReadOnce() has its one statement.
  for (int i = 0; i < 8; ++i) EXPECT_EQ(SettingOnce("k"), "v");
  EXPECT_TRUE(R([](Repositories& r) -> Status {
                RETURN_IF_ERROR(r.GetSetting("k").status());
                return r.GetSetting("k").status();
              }).ok());
}

TEST_F(ReadOnceTest, RefusesWrites) {
  const Status st = Once([](Repositories& r) { return r.PutSetting("k", "v"); });
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_NE(st.detail().find("write"), std::string::npos) << st.detail();
  EXPECT_EQ(SettingOnce("k"), "");
}

TEST_F(ReadOnceTest, NothingNestsInIt) {
  EXPECT_EQ(Once([&](Repositories&) {
              return R([](Repositories& r) { return r.GetSetting("k").status(); });
            }).code(),
            StatusCode::kInternal);
  EXPECT_EQ(Once([&](Repositories&) {
              return W([](Repositories& r) { return r.PutSetting("k", "v"); });
            }).code(),
            StatusCode::kInternal);
  EXPECT_EQ(Once([&](Repositories&) {
              return Once([](Repositories& r) { return r.GetSetting("k").status(); });
            }).code(),
            StatusCode::kInternal);
  EXPECT_EQ(SettingOnce("k"), "");
}

// Inside a Write() it joins the transaction (and sees its uncommitted writes); its one-statement
// rule still holds, and a refused nested unit leaves the outer one able to commit.
TEST_F(ReadOnceTest, JoinsAnEnclosingTransaction) {
  ASSERT_TRUE(W([&](Repositories& r) -> Status {
                RETURN_IF_ERROR(r.PutSetting("k", "inside"));
                std::string seen;
                RETURN_IF_ERROR(Once([&](Repositories& inner) -> Status {
                  ASSIGN_OR_RETURN(seen, inner.GetSetting("k"));
                  return Status::Ok();
                }));
                EXPECT_EQ(seen, "inside");
                const Status twice = Once([](Repositories& inner) -> Status {
                  (void)inner.GetSetting("k");
                  return inner.GetSetting("k").status();
                });
                EXPECT_EQ(twice.code(), StatusCode::kInternal);
                EXPECT_EQ(
                    Once([](Repositories& inner) { return inner.PutSetting("k", "x"); }).code(),
                    StatusCode::kInternal);
                // The outer transaction goes on: more than one statement is fine here.
                RETURN_IF_ERROR(r.GetSetting("k").status());
                return r.PutSetting("k2", "after");
              }).ok());
  EXPECT_EQ(SettingOnce("k"), "inside");
  EXPECT_EQ(SettingOnce("k2"), "after");
  // Inside a Read() too.
  EXPECT_TRUE(R([&](Repositories& r) -> Status {
                RETURN_IF_ERROR(r.GetSetting("k").status());
                return Once([](Repositories& inner) { return inner.GetSetting("k2").status(); });
              }).ok());
}

// PostgreSQL: the statement runs outside a transaction block (no BEGIN, nothing left open while
// the work function goes on), where a Read() holds one until it ends.
TEST_F(ReadOnceTest, PostgresRunsNoTransaction) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL only";
  const char* kOpen =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
      "state = 'idle in transaction'";
  std::vector<std::string> in_read, in_once;
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                (void)r.GetSetting("k");
                in_read = testing::QueryColumn(path_, kOpen);
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Once([&](Repositories& r) -> Status {
                (void)r.GetSetting("k");
                in_once = testing::QueryColumn(path_, kOpen);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(in_read, std::vector<std::string>{"1"});  // the probe sees a Read()'s transaction
  EXPECT_EQ(in_once, std::vector<std::string>{"0"});
}

// PostgreSQL: a session killed since its last use is reconnected and the query run again, as
// for a transaction's first statement (nothing had run).
TEST_F(ReadOnceTest, PostgresReconnectsAfterSessionsAreKilled) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL only";
  SeedPartners();
  ASSERT_TRUE(store_->Ping().ok());
  testing::KillOtherPostgresSessions(path_);
  for (int i = 0; i < 8; ++i) {
    EXPECT_TRUE(Once([](Repositories& r) { return r.Partners().Get("p1").status(); }).ok());
  }
}

}  // namespace
}  // namespace csphub::storage::sqlite
