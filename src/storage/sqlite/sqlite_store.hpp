#pragma once
// domain::Store on one SQLite file: a single writer connection and a pool of reader connections
// that read WAL snapshots concurrently with the writer
// (docs/adr/0003-sqlite-writer-and-readers.md). Writes are group-committed
// (docs/adr/0013-sqlite-group-commit.md): the Write() calls that queue up while one commit is on
// its way to disk run next, each in its own savepoint of one shared BEGIN IMMEDIATE transaction,
// and all are answered after that transaction's single fsync.
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/store.hpp"
#include "storage/sqlite/connection.hpp"

namespace csphub::storage::sqlite {

class SqliteStore final : public domain::Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates it to this binary's schema.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, int readers);

  Status Read(const Work& work) override;
  // The unit's one query on a reader, without BEGIN/COMMIT (SQLite's own read transaction for
  // the statement); with no readers, the same as Read().
  Status ReadOnce(const Work& work) override;
  Status Write(const Work& work) override;
  Status Ping() override;
  int schema_version() const { return schema_version_; }

 private:
  SqliteStore() = default;
  struct QueuedWrite;
  Connection* AcquireReader();
  void ReleaseReader(Connection* c);
  // A reader for one scope: acquired on construction, handed back on destruction.
  struct ReaderLease {
    explicit ReaderLease(SqliteStore& s) : store(s), connection(s.AcquireReader()) {}
    ~ReaderLease() { store.ReleaseReader(connection); }
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    SqliteStore& store;
    Connection* connection;
  };
  // Runs `batch` on the writer: one transaction, one savepoint per write; sets each result.
  void CommitBatch(const std::vector<QueuedWrite*>& batch);
  // Runs batch[begin, end) in one transaction; returns where it stopped (== end unless SQLite
  // rolled the transaction back by itself, in which case those writes already have their error).
  std::size_t RunInOneTransaction(const std::vector<QueuedWrite*>& batch, std::size_t begin);

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<QueuedWrite*> queue_;  // writes waiting for the next batch
  bool committing_ = false;         // a thread is running a batch on the writer
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_readers_;
  int schema_version_ = 0;
};

}  // namespace csphub::storage::sqlite
