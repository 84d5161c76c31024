#include "storage/sqlite/connection.hpp"

namespace csphub::storage::sqlite {

Status SqliteError(sqlite3* db, int rc, const char* what) {
  const int primary = rc & 0xFF;
  const std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_CONSTRAINT) {
    return AlreadyExists("A record with the same unique value already exists.").WithDetail(msg);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Unavailable("The database is busy; try again.").WithDetail(msg);
  }
  return Internal(msg);
}

Statement::~Statement() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindUnowned(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}
Statement& Statement::BindOptional(int index, const std::optional<std::int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    // sqlite3_changes64() is the connection's last INSERT/UPDATE/DELETE; a query changed nothing.
    changes_ = sqlite3_stmt_readonly(stmt_) ? 0 : sqlite3_changes64(sqlite3_db_handle(stmt_));
  } else {
    status_ = SqliteError(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
  }
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  return status_;
}

std::string Statement::Text(int col) const { return std::string(TextView(col)); }

std::string_view Statement::TextView(int col) const {
  // The text first, then its length: the length of the text as converted (SQLite's rule).
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string_view(reinterpret_cast<const char*>(p),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, bool read_only) {
  // SQLite's memory statistics take a process-wide mutex on every allocation and free inside
  // SQLite, a few dozen per point read (~5% of GET /v1/customers/{id}, docs/bench-results.md);
  // nothing here reads them. Only possible before SQLite initializes, which its first open does;
  // later it is a no-op (SQLITE_MISUSE, ignored).
  static const bool kNoMemStatus = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)kNoMemStatus;
  sqlite3* db = nullptr;
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Unavailable("Cannot open the database at " + path + ": " +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  // WAL + synchronous=FULL: a commit is on disk before it is acknowledged, even if power fails
  // (docs/stack-bench.md: NORMAL can lose the last commits on power loss).
  // mmap_size: pages are read through a shared memory map instead of being copied into each
  // connection's 2 MB page cache. With a database larger than that cache (1M customers: 2.4 GB)
  // a customer list page's 100 primary-key lookups otherwise miss it and pay a read() each: 2.4x
  // the query time (docs/bench-results.md). SQLite caps it at its compile-time limit (2 GB on
  // Debian); the rest of a bigger file is read as before.
  const char* pragmas = read_only ? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON; "
                                    "PRAGMA mmap_size=2147418112;"
                                  : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                    "PRAGMA foreign_keys=ON; PRAGMA mmap_size=2147418112;";
  RETURN_IF_ERROR(conn->Exec(pragmas));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Statement Connection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    if (one_statement_.active()) one_statement_.Spend(sql, sqlite3_stmt_readonly(it->second));
    return Statement(it->second);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    // A statement that does not prepare is a bug in our SQL; fail loudly in tests.
    throw std::runtime_error(std::string("cannot prepare SQL: ") + sqlite3_errmsg(db_) + " in " +
                             sql);
  }
  cache_.emplace(sql, stmt);
  if (one_statement_.active()) one_statement_.Spend(sql, sqlite3_stmt_readonly(stmt));
  return Statement(stmt);
}

Status Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return SqliteError(nullptr, rc, msg.c_str());
  }
  return Status::Ok();
}

Status Connection::LastError(int rc, const char* what) const { return SqliteError(db_, rc, what); }

}  // namespace csphub::storage::sqlite
