#pragma once
// domain::Store on PostgreSQL: a fixed pool of connections shared by reads and writes.
//  - Write(): one SERIALIZABLE read-write transaction; a serialization failure or deadlock runs
//    the work function again (bounded), so the domain sees what SQLite's one-writer lock gives:
//    as if writes ran one at a time, also across nodes (docs/adr/0008-postgres-serializable.md).
//  - Read(): REPEATABLE READ READ ONLY, one snapshot for the whole function.
//  - ReadOnce(): the unit's one query alone, in autocommit (no BEGIN/ROLLBACK): the statement's
//    own snapshot is the unit's (docs/adr/0015-one-statement-reads.md).
//  - Nesting: like SqliteStore, a Write()/Read() inside a Write() on the same thread is a
//    SAVEPOINT of the enclosing transaction; Read() inside Read() joins it.
// Thread-safe. Connections that break are reconnected when next handed out.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/store.hpp"
#include "storage/postgres/connection.hpp"

namespace csphub::storage::postgres {

class PgStore final : public domain::Store {
 public:
  // Connects `connections` sessions to `url` and migrates the database to this binary's
  // schema (once across nodes that start together).
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url, int connections);

  Status Read(const Work& work) override;
  Status ReadOnce(const Work& work) override;
  Status Write(const Work& work) override;
  Status Ping() override;
  int schema_version() const { return schema_version_; }

 private:
  PgStore() = default;
  Result<Connection*> Acquire();
  void Release(Connection* c);
  // One attempt of a Write(): BEGIN, the work, COMMIT (or ROLLBACK).
  Status WriteOnce(Connection& c, const Work& work);

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> idle_;
  int schema_version_ = 0;
};

}  // namespace csphub::storage::postgres
