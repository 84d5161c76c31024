#pragma once
// A thin RAII layer over libpq with the same shape as storage/sqlite/connection.hpp, so that a
// repository reads the same on both backends: a Connection, its named prepared statements, and
// a Statement that binds parameters by position, runs once and walks the result's rows.
//
// SQL is written with SQLite's placeholders (`?` numbered left to right, or `?N`) and rewritten
// to PostgreSQL's `$N` once, when the statement is first prepared on a connection. Parameters
// travel as text and results come back as text; the server infers parameter types from the
// statement (a bigint column compared with $1 makes $1 a bigint).
//
// Round trips are the cost on PostgreSQL (~30-90 µs each on loopback, more over a network), so
// transaction control does not get its own: BeginWithNext() sends BEGIN in one pipeline with the
// transaction's first statement, and SendWithoutWaiting() sends a read's ROLLBACK without
// waiting for its answer (read before the connection's next command). A one-statement read is
// thus one round trip, as for a client that runs the statement alone. Writes whose failure can
// only end the transaction (an audit record, a new order's rows) are queued (Statement::Queue):
// sent in a pipeline without waiting, their answers read with the transaction's next statement
// or its COMMIT, in that statement's round trip.
//
// Not thread-safe: a Connection belongs to one transaction at a time (PgStore hands them out).
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.hpp"
#include "storage/one_statement.hpp"

namespace csphub::storage::postgres {

class Connection;
// True when `sql` is a plain query (SELECT …): what a ReadOnce() may run outside a transaction.
// (A WITH could hold an INSERT; no repository read starts with one.)
bool IsQuery(const char* sql);

struct PgResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

class Statement {
 public:
  Statement(Connection& c, const char* sql) : c_(c), sql_(sql) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text);
  // SQLite's Statement binds without a copy here (bulk loads); libpq needs the text until the
  // statement runs, so this copies like Bind().
  Statement& BindUnowned(int index, std::string_view text) { return Bind(index, text); }
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, bool value);
  Statement& BindNull(int index);
  Statement& BindOptional(int index, const std::optional<std::int64_t>& value);

  // The first call runs the statement; then true while a row is ready, false at the end.
  // Errors come back through status().
  bool Step();
  // Runs a statement that returns no rows.
  Status Run();
  // Runs a statement that returns no rows and whose failure can only fail the transaction (no
  // caller tells one refusal from another: new rows under new IDs). Inside a transaction that
  // has begun, it is sent without waiting for the answer, which is read with the transaction's
  // next statement or Exec(): a failure then fails that one, and every later one, and COMMIT.
  // Otherwise (the transaction's first statement, a ReadOnce()) it is Run(). Changes() is not
  // known after a Queue().
  Status Queue();
  const Status& status() const { return status_; }
  // Rows the statement inserted, updated or deleted (after Run()).
  std::int64_t Changes() const;

  std::string Text(int col) const;
  // The column's text without a copy: valid until the next Step() (for rows copied elsewhere).
  std::string_view TextView(int col) const;
  std::int64_t Int(int col) const;
  bool Bool(int col) const;
  bool IsNull(int col) const;

 private:
  const char* Value(int col) const;
  bool Execute();
  // False (and status_ set) when a text parameter holds a NUL.
  bool ParamsValid();
  // The first `n` parameters as libpq takes them (NULL for SQL NULL).
  std::vector<const char*> Values(int n);

  Connection& c_;
  const char* sql_;
  std::vector<std::optional<std::string>> params_;
  PgResult result_;
  int row_ = -1;
  bool executed_ = false;
  Status status_;
};

class Connection {
 public:
  // Connects to `url` (postgresql://… or a libpq conninfo string) and sets the session up.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // `sql` must be a string constant: the cache of prepared statement names is keyed by its
  // address. Preparing happens on the first run, so that errors are Statuses. Inside a
  // ReadOnce() a second statement or a write throws (storage/one_statement.hpp).
  Statement Prepare(const char* sql) {
    if (one_statement_.active()) one_statement_.Spend(sql, IsQuery(sql));
    return Statement(*this, sql);
  }
  // Set while a ReadOnce() unit runs: its statement runs alone, without BEGIN, in autocommit.
  OneStatementBudget& one_statement() { return one_statement_; }
  // Runs one or more statements without parameters (transaction control, migrations).
  Status Exec(const std::string& sql);

  // `begin` (a string constant) starts the transaction together with the next statement or
  // Exec(), in the same round trip. A session that broke before it ran is reconnected and the
  // transaction begun again: nothing of it had run.
  void BeginWithNext(const char* begin) {
    pending_begin_ = begin;
    queued_error_ = Status::Ok();  // a new transaction: an earlier one's queued failure is gone
  }
  // True when BeginWithNext() is still waiting: the transaction ran nothing, so there is
  // nothing to commit or roll back (ForgetBegin() drops it).
  bool begin_pending() const { return pending_begin_ != nullptr; }
  void ForgetBegin() { pending_begin_ = nullptr; }
  // Sends `sql` (a string constant) and returns at once; its answer is read, and ignored,
  // before the next command. For a ROLLBACK nobody needs to wait for: the server ends the
  // transaction as soon as it reads it.
  void SendWithoutWaiting(const char* sql);
  PGconn* raw() { return conn_; }

  // True when the server has gone away; the pool then reconnects before handing it out.
  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  Status Reconnect();

  // Set when a statement failed with a serialization failure or a deadlock: the transaction is
  // lost whatever the work function does with the error, and PgStore::Write runs it again.
  bool must_retry() const { return must_retry_; }
  // For the pool, handing the connection to a new unit of work: no retry mark, no pending
  // BEGIN, no queued failure of an earlier transaction.
  void ResetForNextUse() {
    must_retry_ = false;
    pending_begin_ = nullptr;
    queued_error_ = Status::Ok();
  }

  // Turns a failed result into a Status and notes a retryable failure.
  Status Error(const PGresult* r, const char* what);

 private:
  friend class Statement;
  explicit Connection(PGconn* conn) : conn_(conn) {}
  // The server-side name of `sql`'s prepared statement, preparing it on first use.
  Result<const std::string*> Prepared(const char* sql, int* params);
  Status Setup();
  // Reconnects a session that broke (true: it did, and works again).
  bool RecoverBroken();
  // Reads (and drops) the answers of a SendWithoutWaiting().
  void Settle();
  // Runs a prepared statement, with the pending BEGIN in front of it if there is one, or after
  // the queued statements in their pipeline.
  PGresult* ExecPrepared(const std::string& name, int n, const char* const* values);
  // Statement::Queue()'s send: false when the statement must simply run (see there).
  bool CanQueue() const { return pending_begin_ == nullptr && !one_statement_.active(); }
  Status SendQueued(const std::string& name, int n, const char* const* values, const char* sql);
  // Ends the pipeline of queued statements: sends a sync, reads every queued statement's answer
  // (the first failure kept in queued_error_) and then the answers of `extra` statements sent
  // after them (0 or 1; the last one's returned), and leaves pipeline mode.
  PgResult EndQueue(int extra);
  // The first failure of a queued statement in this transaction (Ok while none).
  const Status& queued_error() const { return queued_error_; }
  // BEGIN and the statement in one pipeline: one round trip for both.
  PGresult* ExecPipelined(const std::string& name, int n, const char* const* values);
  // Ends a pipeline of `queries` sent statements: sends its sync and reads the answers, in the
  // order sent (after a failure, PGRES_PIPELINE_ABORTED ones), up to the sync. Fewer than
  // `queries` when the session broke.
  std::vector<PgResult> SyncAndRead(std::size_t queries);

  PGconn* conn_;
  struct PreparedInfo {
    std::string name;
    int params;
  };
  std::unordered_map<const char*, PreparedInfo> prepared_;
  bool must_retry_ = false;
  const char* pending_begin_ = nullptr;
  bool awaiting_ = false;            // a SendWithoutWaiting() answer is not read yet
  std::vector<const char*> queued_;  // statements sent by Queue() whose answers are not read
  Status queued_error_;
  OneStatementBudget one_statement_;
};

// Also used by the unit tests (tests/unit/store_factory_test.cpp):
// `sql` with SQLite placeholders rewritten to $N; `params` gets the highest N.
std::string ToPostgresPlaceholders(std::string_view sql, int* params);

}  // namespace csphub::storage::postgres
