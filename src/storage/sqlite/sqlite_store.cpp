#include "storage/sqlite/sqlite_store.hpp"

#include <exception>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage::sqlite {
namespace {

constexpr const char* kGetSetting = "SELECT value FROM settings WHERE key=?";
constexpr const char* kPutSetting =
    "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
    "value=excluded.value";

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

// Runs `work`, turning an escaped exception (a bug) into an Internal status.
Status RunGuarded(const domain::Store::Work& work, domain::Repositories& repos) {
  try {
    return work(repos);
  } catch (const std::exception& e) {
    return Internal(std::string("exception in transaction: ") + e.what());
  }
}

// The transaction this thread is inside, if any: a Write() or Read() called from within a
// Write() joins it (as a SAVEPOINT), so that the idempotency layer can wrap a whole request -
// the handler's own writes and the stored response - in one atomic commit.
struct ActiveTransaction {
  const SqliteStore* store = nullptr;
  Connection* connection = nullptr;
  bool writable = false;
  int depth = 0;
};
thread_local ActiveTransaction t_active;

// Marks this thread as inside a transaction of `store` until the scope ends.
class ActiveScope {
 public:
  ActiveScope(const SqliteStore* store, Connection* c, bool writable) : saved_(t_active) {
    t_active = {store, c, writable, 0};
  }
  ~ActiveScope() { t_active = saved_; }
  ActiveScope(const ActiveScope&) = delete;
  ActiveScope& operator=(const ActiveScope&) = delete;

 private:
  ActiveTransaction saved_;
};

}  // namespace

Result<std::string> SqliteRepositories::GetSetting(const std::string& key) {
  Statement s = c_.Prepare(kGetSetting);
  s.Bind(1, key);
  if (s.Step()) return s.Text(0);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such setting.");
}

Status SqliteRepositories::PutSetting(const std::string& key, const std::string& value) {
  Statement s = c_.Prepare(kPutSetting);
  s.Bind(1, key).Bind(2, value);
  return s.Run();
}

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

Status SqliteStore::Joined(const Work& work) {
  Connection& c = *t_active.connection;
  const std::string savepoint = "sp" + std::to_string(++t_active.depth);
  struct Depth {
    ~Depth() { --t_active.depth; }
  } depth;
  RETURN_IF_ERROR(c.Exec("SAVEPOINT " + savepoint));
  SqliteRepositories repos(c);
  Status st = RunGuarded(work, repos);
  if (!st.ok()) {
    // Undo only this nested unit; the outer transaction decides about the rest.
    (void)c.Exec("ROLLBACK TO " + savepoint);
    (void)c.Exec("RELEASE " + savepoint);
    return st;
  }
  return c.Exec("RELEASE " + savepoint);
}

Status SqliteStore::Read(const Work& work) {
  if (t_active.store == this) return Joined(work);  // reads see the enclosing write
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
  Status st = RunGuarded(work, repos);
  (void)Run(*c, kCommit);  // a read transaction has nothing to lose
  return st;
}

Status SqliteStore::Write(const Work& work) {
  if (t_active.store == this) {
    if (!t_active.writable) return Internal("Write() called inside a Read() transaction");
    return Joined(work);
  }
  std::lock_guard lock(writer_mu_);
  RETURN_IF_ERROR(Run(*writer_, kBeginImmediate));
  Status st;
  {
    ActiveScope scope(this, writer_.get(), /*writable=*/true);
    SqliteRepositories repos(*writer_);
    st = RunGuarded(work, repos);
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
