#pragma once
// domain::Store on one SQLite file: a single writer connection (writes are serialized by a
// mutex, each one a BEGIN IMMEDIATE transaction) and a pool of reader connections that read
// WAL snapshots concurrently with the writer. See docs/adr/0003-sqlite-writer-and-readers.md.
#include <condition_variable>
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
  Status Write(const Work& work) override;
  Status Ping() override;
  int schema_version() const { return schema_version_; }

 private:
  SqliteStore() = default;
  Connection* AcquireReader();
  void ReleaseReader(Connection* c);

  std::mutex writer_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_readers_;
  int schema_version_ = 0;
};

}  // namespace csphub::storage::sqlite
