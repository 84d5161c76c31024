#include "storage/sqlite/sqlite_store.hpp"

#include <algorithm>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/repositories.hpp"
#include "storage/transaction_nesting.hpp"

namespace csphub::storage::sqlite {
namespace {

// Transaction control as cached prepared statements: sqlite3_exec() parses its SQL on every
// call, a visible share of a point read such as GET /v1/customers/{id}.
constexpr const char* kBegin = "BEGIN";
constexpr const char* kBeginImmediate = "BEGIN IMMEDIATE";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";
// One savepoint per write of a group commit (nested units use their own names, sp1, sp2…).
constexpr const char* kSavepoint = "SAVEPOINT batched_write";
constexpr const char* kRollbackToSavepoint = "ROLLBACK TO batched_write";
constexpr const char* kReleaseSavepoint = "RELEASE batched_write";

// The most writes one commit carries: bounds how long the last of them waits for its answer.
constexpr std::size_t kMaxBatch = 64;

Status Run(Connection& c, const char* sql) {
  Statement s = c.Prepare(sql);
  return s.Run();
}

using ActiveScope = storage::ActiveScope<Connection>;
const auto& Active() { return storage::t_active<Connection>; }

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, int readers) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  ASSIGN_OR_RETURN(store->writer_, Connection::Open(path, /*read_only=*/false));
  ASSIGN_OR_RETURN(store->schema_version_, Migrate(*store->writer_));
  for (int i = 0; i < readers; ++i) {
    ASSIGN_OR_RETURN(auto reader, Connection::Open(path, /*read_only=*/true));
    store->idle_readers_.push_back(reader.get());
    store->readers_.push_back(std::move(reader));
  }
  return store;
}

Connection* SqliteStore::AcquireReader() {
  std::unique_lock lock(readers_mu_);
  readers_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
  Connection* c = idle_readers_.back();
  idle_readers_.pop_back();
  return c;
}

void SqliteStore::ReleaseReader(Connection* c) {
  {
    std::lock_guard lock(readers_mu_);
    idle_readers_.push_back(c);
  }
  readers_cv_.notify_one();
}

Status SqliteStore::Read(const Work& work) {
  if (Active().store == this) {
    return storage::RunNested<Connection, SqliteRepositories>(work);  // sees the enclosing write
  }
  if (readers_.empty()) return Write(work);
  ReaderLease lease(*this);
  Connection* c = lease.connection;
  RETURN_IF_ERROR(Run(*c, kBegin));
  ActiveScope scope(this, c, /*writable=*/false);
  SqliteRepositories repos(*c);
  Status st = storage::RunGuarded(work, repos);
  (void)Run(*c, kCommit);  // a read transaction has nothing to lose
  return st;
}

Status SqliteStore::ReadOnce(const Work& work) {
  if (Active().store == this && !Active().once) {
    storage::OneStatementScope<Connection> one(*Active().connection);
    return storage::RunNested<Connection, SqliteRepositories>(work);  // sees the enclosing write
  }
  if (Active().store == this) return Internal("ReadOnce() called inside a ReadOnce()");
  if (readers_.empty()) return Read(work);
  ReaderLease lease(*this);
  Connection* c = lease.connection;
  ActiveScope scope(this, c, /*writable=*/false, /*once=*/true);
  storage::OneStatementScope<Connection> one(*c);
  SqliteRepositories repos(*c);
  return storage::RunGuarded(work, repos);
}

// A Write() waiting for its batch. The caller's thread sleeps on queue_cv_ until `done`.
struct SqliteStore::QueuedWrite {
  const Work* work;
  Status result;
  bool done = false;
};

Status SqliteStore::Write(const Work& work) {
  if (Active().store == this) {
    if (!Active().writable) return Internal("Write() called inside a Read() transaction");
    return storage::RunNested<Connection, SqliteRepositories>(work);
  }
  // Leader/follower: queue the write; whoever finds the writer free takes the whole queue (its
  // own write included) and commits it; the others sleep until their write is done. While one
  // batch waits for its fsync, the next one gathers, so N concurrent writers share one fsync.
  QueuedWrite me{&work};
  std::vector<QueuedWrite*> batch;
  {
    std::unique_lock lock(queue_mu_);
    queue_.push_back(&me);
    queue_cv_.wait(lock, [&] { return me.done || !committing_; });
    if (me.done) return me.result;
    committing_ = true;
    const std::size_t n = std::min(queue_.size(), kMaxBatch);
    batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
  }
  CommitBatch(batch);
  {
    std::lock_guard lock(queue_mu_);
    for (QueuedWrite* w : batch) w->done = true;
    committing_ = false;
  }
  queue_cv_.notify_all();
  return me.result;
}

void SqliteStore::CommitBatch(const std::vector<QueuedWrite*>& batch) {
  for (std::size_t next = 0; next < batch.size();) next = RunInOneTransaction(batch, next);
}

std::size_t SqliteStore::RunInOneTransaction(const std::vector<QueuedWrite*>& batch,
                                             std::size_t begin) {
  Connection& c = *writer_;
  if (Status st = Run(c, kBeginImmediate); !st.ok()) {
    for (std::size_t i = begin; i < batch.size(); ++i) batch[i]->result = st;
    return batch.size();
  }
  // A write alone needs no savepoint: the transaction is its unit.
  const bool alone = batch.size() - begin == 1;
  std::size_t i = begin;
  for (; i < batch.size(); ++i) {
    QueuedWrite& w = *batch[i];
    if (!alone) {
      if (Status st = Run(c, kSavepoint); !st.ok()) {
        w.result = st;
        continue;
      }
    }
    {
      ActiveScope scope(this, &c, /*writable=*/true);
      SqliteRepositories repos(c);
      w.result = storage::RunGuarded(*w.work, repos);
    }
    if (sqlite3_get_autocommit(c.raw())) {
      // SQLite ended the transaction itself (it does on I/O errors, a full disk, out of memory):
      // the writes of this batch before this one are gone with it. None was acknowledged yet;
      // each gets the error, and the rest of the batch goes on in a new transaction.
      const Status lost =
          w.result.ok() ? Internal("the transaction was rolled back by SQLite") : w.result;
      for (std::size_t j = begin; j <= i; ++j) batch[j]->result = lost;
      return i + 1;
    }
    if (alone) break;
    // Undo only a failed write; RELEASE folds a savepoint into the transaction either way.
    if (!w.result.ok()) (void)Run(c, kRollbackToSavepoint);
    if (Status st = Run(c, kReleaseSavepoint); !st.ok() && w.result.ok()) w.result = st;
  }
  const std::size_t end = alone ? begin + 1 : i;
  bool any_ok = false;
  for (std::size_t j = begin; j < end; ++j) any_ok = any_ok || batch[j]->result.ok();
  if (!any_ok) {
    (void)Run(c, kRollback);
    return end;
  }
  if (Status committed = Run(c, kCommit); !committed.ok()) {
    (void)Run(c, kRollback);
    for (std::size_t j = begin; j < end; ++j) {
      if (batch[j]->result.ok()) batch[j]->result = committed;
    }
  }
  return end;
}

Status SqliteStore::Ping() {
  return ReadOnce([](domain::Repositories& repos) -> Status {
    auto s = repos.GetSetting("__ping__");
    return s.ok() || s.status().code() == StatusCode::kNotFound ? Status::Ok() : s.status();
  });
}

}  // namespace csphub::storage::sqlite
