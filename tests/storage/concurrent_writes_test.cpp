// Many threads writing at once, on both backends. SQLite group-commits them (several writes in
// one transaction, each in its own savepoint: docs/adr/0013-sqlite-group-commit.md); PostgreSQL
// runs them side by side under SERIALIZABLE. Either way each Write() must stay its own unit: a
// failed or throwing write changes nothing, the others keep all their changes, and
// read-modify-write sequences never interleave.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

class ConcurrentWritesTest : public StoreTest {};

constexpr int kThreads = 8;
constexpr int kWritesPerThread = 60;

// What the write numbered `i` of a thread does: most commit; some fail or throw after writing.
enum class Outcome { kCommit, kFail, kThrow };
Outcome OutcomeOf(int i) {
  if (i % 5 == 3) return Outcome::kFail;
  if (i % 11 == 7) return Outcome::kThrow;
  return Outcome::kCommit;
}

TEST_F(ConcurrentWritesTest, EachWriteIsItsOwnUnitWhenManyRunTogether) {
  ASSERT_TRUE(W([](Repositories& r) { return r.PutSetting("counter", "0"); }).ok());
  std::atomic<int> wrong_answers{0};
  // Which writes answered OK. PostgreSQL may also answer Unavailable when a write kept losing
  // serialization conflicts (pg_store.cpp gives up after a few attempts); it must then have
  // changed nothing, like any other failure.
  std::vector<std::vector<char>> acknowledged(kThreads, std::vector<char>(kWritesPerThread, 0));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
        const Outcome outcome = OutcomeOf(i);
        const Status s = W([&](Repositories& r) -> Status {
          // Read-modify-write: lost updates would show as a counter below the commits.
          ASSIGN_OR_RETURN(const std::string counter, r.GetSetting("counter"));
          RETURN_IF_ERROR(r.PutSetting("counter", std::to_string(std::stoi(counter) + 1)));
          RETURN_IF_ERROR(r.PutSetting(key, "written"));
          // A nested unit inside a batched write is still a savepoint of its own.
          const Status nested = W([&](Repositories& inner) -> Status {
            RETURN_IF_ERROR(inner.PutSetting(key + "-nested-failed", "1"));
            return InvalidArgument("undo only me");
          });
          if (nested.code() != StatusCode::kInvalidArgument) return Internal("nested unit");
          if (outcome == Outcome::kFail) return InvalidArgument("changed my mind");
          if (outcome == Outcome::kThrow) throw std::runtime_error("a bug");
          return Status::Ok();
        });
        const StatusCode expected = outcome == Outcome::kCommit ? StatusCode::kOk
                                    : outcome == Outcome::kFail ? StatusCode::kInvalidArgument
                                                                : StatusCode::kInternal;
        if (s.code() != expected && s.code() != StatusCode::kUnavailable) ++wrong_answers;
        acknowledged[t][i] = s.ok();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong_answers.load(), 0);

  int acknowledged_writes = 0;
  for (const auto& row : acknowledged) {
    for (char ok : row) acknowledged_writes += ok;
  }
  EXPECT_GT(acknowledged_writes, 0);
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(const std::string counter, r.GetSetting("counter"));
                EXPECT_EQ(counter, std::to_string(acknowledged_writes));
                for (int t = 0; t < kThreads; ++t) {
                  for (int i = 0; i < kWritesPerThread; ++i) {
                    const std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
                    EXPECT_EQ(r.GetSetting(key).ok(), acknowledged[t][i] != 0) << key;
                    EXPECT_FALSE(r.GetSetting(key + "-nested-failed").ok()) << key;
                  }
                }
                return Status::Ok();
              }).ok());
}

// Writes that come back OK are durable: reopening the store finds every one of them.
TEST_F(ConcurrentWritesTest, AcknowledgedConcurrentWritesSurviveReopening) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const std::string key = "d" + std::to_string(t) + "-" + std::to_string(i);
        if (!W([&](Repositories& r) { return r.PutSetting(key, "1"); }).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(failures.load(), 0);
  Reopen();
  ASSERT_TRUE(R([&](Repositories& r) -> Status {
                for (int t = 0; t < kThreads; ++t) {
                  for (int i = 0; i < 20; ++i) {
                    EXPECT_TRUE(
                        r.GetSetting("d" + std::to_string(t) + "-" + std::to_string(i)).ok());
                  }
                }
                return Status::Ok();
              }).ok());
}

}  // namespace
}  // namespace csphub::storage::sqlite
