#pragma once
// A thin RAII layer over sqlite3: one Connection, its cached prepared statements, and a
// Statement cursor that resets itself when it goes out of scope. Not thread-safe: a Connection
// belongs to one transaction at a time (SqliteStore hands them out).
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.hpp"
#include "storage/one_statement.hpp"

namespace csphub::storage::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  // Binds `text` without copying it: it must stay as it is until the statement is reset (when
  // this Statement goes out of scope). For bulk loads: the copies (a malloc, a memcpy and a free
  // per value) were ~10% of the customer generator's writing time.
  Statement& BindUnowned(int index, std::string_view text);
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, bool value) { return Bind(index, value ? 1 : 0); }
  Statement& BindNull(int index);
  Statement& BindOptional(int index, const std::optional<std::int64_t>& value);

  // True when a row is ready; false at the end. Errors come back through status().
  bool Step();
  // Runs a statement that returns no rows.
  Status Run();
  // PostgreSQL's Statement sends such a statement without waiting for its answer (a write whose
  // failure can only fail the transaction); SQLite has no round trips to save: Run().
  Status Queue() { return Run(); }
  const Status& status() const { return status_; }
  // Rows the statement inserted, updated or deleted (after Run()), as PostgreSQL's Statement
  // counts them: read when it finished, so that later statements do not change it.
  std::int64_t Changes() const { return changes_; }

  std::string Text(int col) const;
  // The column's text without a copy: valid until the next Step() (for rows copied elsewhere).
  std::string_view TextView(int col) const;
  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool Bool(int col) const { return Int(col) != 0; }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_;
  Status status_;
  std::int64_t changes_ = 0;
};

class Connection {
 public:
  // Opens (creating when `create`) and applies the pragmas every connection needs.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool read_only);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // `sql` must be a string constant: the cache is keyed by its address. Inside a ReadOnce() a
  // second statement or a write throws (storage/one_statement.hpp).
  Statement Prepare(const char* sql);
  // Set while a ReadOnce() unit runs: its statement runs alone, without BEGIN (SQLite gives a
  // lone statement its own read transaction).
  OneStatementBudget& one_statement() { return one_statement_; }
  Status Exec(const std::string& sql);
  sqlite3* raw() { return db_; }
  // Turns the last error into a Status; constraint violations become AlreadyExists.
  Status LastError(int rc, const char* what) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
  OneStatementBudget one_statement_;
};

Status SqliteError(sqlite3* db, int rc, const char* what);

}  // namespace csphub::storage::sqlite
