// Writes queued by a repository (Statement::Queue: an audit record, a new order's rows): on
// PostgreSQL they are sent without waiting and their answers read with the transaction's next
// statement or its COMMIT. Whatever the backend, a transaction commits all of them or none, a
// failure among them fails the transaction, and the session is usable afterwards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using domain::Repositories;

class QueuedWritesTest : public StoreTest {
 protected:
  std::vector<std::string> Column(const std::string& sql) {
    return testing::QueryColumn(path_, sql);
  }
  std::string AuditCount() { return Column("SELECT count(*) FROM audit_records")[0]; }
};

TEST_F(QueuedWritesTest, CommitWithTheTransactionAndAreReadByItsLaterStatements) {
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                for (int i = 0; i < 5; ++i) RETURN_IF_ERROR(r.Audit().Append(MakeAudit(i, "p1")));
                RETURN_IF_ERROR(r.PutSetting("after", "queued"));  // a statement after the queue
                return r.Audit().Append(MakeAudit(5, "p1"));       // queued up to the COMMIT
              }).ok());
  EXPECT_EQ(AuditCount(), "6");
  EXPECT_EQ(Column("SELECT value FROM settings WHERE key = 'after'"),
            std::vector<std::string>{"queued"});
}

TEST_F(QueuedWritesTest, AFailureFailsTheTransactionAndKeepsNothing) {
  ASSERT_TRUE(W([](Repositories& r) { return r.Audit().Append(MakeAudit(0, "p1")); }).ok());
  const Status st = W([](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.Audit().Append(MakeAudit(1, "p1")));
    RETURN_IF_ERROR(r.Audit().Append(MakeAudit(0, "p1")));  // its ID is taken
    RETURN_IF_ERROR(r.Audit().Append(MakeAudit(2, "p1")));
    return r.PutSetting("after", "failed");  // where PostgreSQL reads the queue's answers
  });
  EXPECT_EQ(st.code(), StatusCode::kAlreadyExists) << st.description() << " " << st.detail();
  EXPECT_EQ(AuditCount(), "1");
  EXPECT_TRUE(Column("SELECT value FROM settings WHERE key = 'after'").empty());
  // The connections are usable: the next transactions commit.
  for (int i = 3; i < 8; ++i) {
    ASSERT_TRUE(W([i](Repositories& r) { return r.Audit().Append(MakeAudit(i, "p1")); }).ok());
  }
  EXPECT_EQ(AuditCount(), "6");
}

// A failure found only by COMMIT (the last statements queued) fails the COMMIT.
TEST_F(QueuedWritesTest, AFailureFoundAtCommitFailsIt) {
  ASSERT_TRUE(W([](Repositories& r) { return r.Audit().Append(MakeAudit(0, "p1")); }).ok());
  const Status st = W([](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.PutSetting("before", "lost"));
    RETURN_IF_ERROR(r.Audit().Append(MakeAudit(1, "p1")));
    return r.Audit().Append(MakeAudit(0, "p1"));  // its ID is taken
  });
  EXPECT_EQ(st.code(), StatusCode::kAlreadyExists) << st.description() << " " << st.detail();
  EXPECT_EQ(AuditCount(), "1");
  EXPECT_TRUE(Column("SELECT value FROM settings WHERE key = 'before'").empty());
}

// PostgreSQL: a unit of work that drops a failure on the floor still cannot commit: the
// connection holds a queued statement's failure until the transaction ends, and a COMMIT that
// PostgreSQL turned into a ROLLBACK is a failure. (SQLite reports a failure at once and leaves
// the transaction usable, as it always has.)
TEST_F(QueuedWritesTest, PostgresCommitsNothingWhenTheWorkIgnoresAFailure) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL's aborted transactions";
  ASSERT_TRUE(W([](Repositories& r) { return r.Audit().Append(MakeAudit(0, "p1")); }).ok());
  const Status queued = W([](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.PutSetting("first", "yes"));
    (void)r.Audit().Append(MakeAudit(0, "p1"));  // queued; its ID is taken
    (void)r.PutSetting("ignored", "yes");
    return Status::Ok();
  });
  EXPECT_EQ(queued.code(), StatusCode::kAlreadyExists)
      << queued.description() << " " << queued.detail();
  const Status direct = W([](Repositories& r) -> Status {
    (void)r.Audit().Append(MakeAudit(0, "p1"));  // the first statement: run, not queued
    (void)r.PutSetting("ignored", "yes");
    return Status::Ok();
  });
  EXPECT_FALSE(direct.ok());
  EXPECT_TRUE(Column("SELECT value FROM settings WHERE key IN ('first', 'ignored')").empty());
  EXPECT_EQ(AuditCount(), "1");
}

// A nested Write() that fails after the outer one queued writes rolls back alone; the outer
// transaction's queued writes still commit.
TEST_F(QueuedWritesTest, NestedFailureLeavesTheOuterQueue) {
  SeedPartners();
  ASSERT_TRUE(W([&](Repositories& r) -> Status {
                RETURN_IF_ERROR(r.Audit().Append(MakeAudit(0, "p1")));
                const Status dup = W([](Repositories& inner) {
                  return inner.Partners().Insert(MakePartner("p9", "1001", "p9.example"));
                });
                EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
                return r.Audit().Append(MakeAudit(1, "p1"));
              }).ok());
  EXPECT_EQ(AuditCount(), "2");
}

// PostgreSQL: the session dies with writes queued. The transaction fails as unavailable, nothing
// of it is kept, and the pool's next transactions reconnect.
TEST_F(QueuedWritesTest, PostgresSessionKilledWithWritesQueued) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL's sessions";
  const Status st = W([&](Repositories& r) -> Status {
    RETURN_IF_ERROR(r.PutSetting("begun", "yes"));
    RETURN_IF_ERROR(r.Audit().Append(MakeAudit(0, "p1")));
    testing::KillOtherPostgresSessions(path_);
    return r.Audit().Append(MakeAudit(1, "p1"));
  });
  EXPECT_EQ(st.code(), StatusCode::kUnavailable) << st.description() << " " << st.detail();
  EXPECT_EQ(AuditCount(), "0");
  EXPECT_TRUE(Column("SELECT value FROM settings WHERE key = 'begun'").empty());
  for (int i = 2; i < 10; ++i) {
    const Status next = W([i](Repositories& r) { return r.Audit().Append(MakeAudit(i, "p1")); });
    EXPECT_TRUE(next.ok()) << i << ": " << next.description() << " " << next.detail();
  }
  EXPECT_EQ(AuditCount(), "8");
}

}  // namespace
}  // namespace csphub::storage::sqlite
