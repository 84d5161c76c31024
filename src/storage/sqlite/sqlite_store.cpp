#include "storage/sqlite/sqlite_store.hpp"

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
  Connection* c = AcquireReader();
  struct Release {
    SqliteStore* s;
    Connection* c;
    ~Release() { s->ReleaseReader(c); }
  } release{this, c};
  RETURN_IF_ERROR(Run(*c, kBegin));
  ActiveScope scope(this, c, /*writable=*/false);
  SqliteRepositories repos(*c);
  Status st = storage::RunGuarded(work, repos);
  (void)Run(*c, kCommit);  // a read transaction has nothing to lose
  return st;
}

Status SqliteStore::Write(const Work& work) {
  if (Active().store == this) {
    if (!Active().writable) return Internal("Write() called inside a Read() transaction");
    return storage::RunNested<Connection, SqliteRepositories>(work);
  }
  std::lock_guard lock(writer_mu_);
  RETURN_IF_ERROR(Run(*writer_, kBeginImmediate));
  Status st;
  {
    ActiveScope scope(this, writer_.get(), /*writable=*/true);
    SqliteRepositories repos(*writer_);
    st = storage::RunGuarded(work, repos);
  }
  if (!st.ok()) {
    (void)Run(*writer_, kRollback);
    return st;
  }
  Status committed = Run(*writer_, kCommit);
  if (!committed.ok()) (void)Run(*writer_, kRollback);
  return committed;
}

Status SqliteStore::Ping() {
  return Read([](domain::Repositories& repos) -> Status {
    auto s = repos.GetSetting("__ping__");
    return s.ok() || s.status().code() == StatusCode::kNotFound ? Status::Ok() : s.status();
  });
}

}  // namespace csphub::storage::sqlite
