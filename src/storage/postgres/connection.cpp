#include "storage/postgres/connection.hpp"

#include <strings.h>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace csphub::storage::postgres {
namespace {

// Every session gets these, whatever the server's defaults: a commit is acknowledged only once
// it is flushed to the WAL on disk (docs/adr/0008-postgres-serializable.md), a lock wait is
// bounded like SQLite's busy timeout, and times and text are unambiguous.
constexpr const char* kSessionSetup =
    "SET synchronous_commit TO on; SET lock_timeout TO '5s'; SET TIME ZONE 'UTC'; "
    "SET client_encoding TO 'UTF8'";

// The server's notices ("relation already exists, skipping") would go to stderr line by line;
// nothing in them needs an operator.
void IgnoreNotice(void*, const char*) {}

bool StartsWith(const char* s, const char* prefix) {
  return s != nullptr && std::strncmp(s, prefix, std::strlen(prefix)) == 0;
}

// PostgreSQL answers a COMMIT of a transaction that a failed statement aborted with ROLLBACK,
// not with an error: a unit of work that went on past a failure (SQLite's transactions survive
// one) would be told it committed when nothing was kept.
bool RolledBackInstead(const PGresult* r, const std::string& sql) {
  return strcasecmp(sql.c_str(), "COMMIT") == 0 &&
         std::strcmp(PQcmdStatus(const_cast<PGresult*>(r)), "ROLLBACK") == 0;
}

Status LostTransaction() {
  return Internal("The transaction was rolled back: one of its statements had failed.")
      .WithDetail("COMMIT answered ROLLBACK after a failure the unit of work went on past");
}

}  // namespace

bool IsQuery(const char* sql) {
  while (*sql == ' ' || *sql == '\n' || *sql == '\t') ++sql;
  return strncasecmp(sql, "SELECT", 6) == 0;
}

std::string ToPostgresPlaceholders(std::string_view sql, int* params) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  int highest = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char ch = sql[i];
    if (ch == '\'') quoted = !quoted;
    if (ch != '?' || quoted) {
      out += ch;
      continue;
    }
    std::size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    const int n =
        end > i + 1 ? std::atoi(std::string(sql.substr(i + 1, end - i - 1)).c_str()) : ++next;
    if (end > i + 1) next = n;  // SQLite: a bare ? after ?N is N+1
    highest = std::max(highest, n);
    out += '$';
    out += std::to_string(n);
    i = end - 1;
  }
  *params = highest;
  return out;
}

Status Connection::Error(const PGresult* r, const char* what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = std::string(what) + ": " + (r ? PQresultErrorMessage(r) : "");
  if (r == nullptr || msg.size() == std::strlen(what) + 2) msg += PQerrorMessage(conn_);
  // Same vocabulary as SQLite's SqliteError, so the domain cannot tell the backends apart:
  // any integrity constraint (unique, foreign key, not null) is AlreadyExists.
  if (StartsWith(state, "23")) {
    return AlreadyExists("A record with the same unique value already exists.").WithDetail(msg);
  }
  if (StartsWith(state, "40001") || StartsWith(state, "40P01")) {
    must_retry_ = true;
    return Unavailable("The database is busy; try again.").WithDetail(msg);
  }
  // Text that is not UTF-8 (a forged continuation token, say): SQLite compares such bytes,
  // PostgreSQL refuses them. The caller's input is wrong, not the server.
  if (StartsWith(state, "22021")) {
    return InvalidArgument("The request holds text that is not valid UTF-8.").WithDetail(msg);
  }
  if (StartsWith(state, "55P03") || StartsWith(state, "57014")) {
    return Unavailable("The database is busy; try again.").WithDetail(msg);
  }
  if (state == nullptr || StartsWith(state, "08") || StartsWith(state, "57P") || broken()) {
    return Unavailable("The database is unavailable; try again.").WithDetail(msg);
  }
  return Internal(msg);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  // expand_dbname: `url` may carry every setting; those listed before it are defaults it
  // overrides.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "csphub", url.c_str(), nullptr};
  PGconn* raw = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  std::unique_ptr<Connection> conn(new Connection(raw));
  if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
    return Unavailable("Cannot connect to PostgreSQL: " +
                       std::string(raw ? PQerrorMessage(raw) : "out of memory"));
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  RETURN_IF_ERROR(conn->Setup());
  return conn;
}

Status Connection::Setup() {
  prepared_.clear();  // a new session has no prepared statements
  must_retry_ = false;
  awaiting_ = false;
  // A transaction waiting to begin (see RecoverBroken) begins after the setup, not inside it.
  const char* begin = std::exchange(pending_begin_, nullptr);
  Status st = Exec(kSessionSetup);
  pending_begin_ = begin;
  return st;
}

bool Connection::RecoverBroken() { return broken() && Reconnect().ok(); }

void Connection::SendWithoutWaiting(const char* sql) {
  if (!queued_.empty()) (void)EndQueue(0);  // their answers no longer matter, but must be read
  Settle();
  awaiting_ = PQsendQuery(conn_, sql) == 1;
}

void Connection::Settle() {
  if (!awaiting_) return;
  awaiting_ = false;
  // Its answer (and any error: a broken session shows in broken() afterwards) is not needed.
  while (PgResult r{PQgetResult(conn_)}) {
  }
}

Status Connection::Reconnect() {
  queued_.clear();  // sent on the old session: gone with it, as is their failure
  queued_error_ = Status::Ok();
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Unavailable("Cannot reconnect to PostgreSQL: " + std::string(PQerrorMessage(conn_)));
  }
  // A session that broke in the middle of a pipeline leaves libpq in pipeline mode; the new one
  // has nothing in flight.
  if (PQpipelineStatus(conn_) != PQ_PIPELINE_OFF && PQexitPipelineMode(conn_) != 1) {
    return Unavailable("Cannot reconnect to PostgreSQL: " + std::string(PQerrorMessage(conn_)));
  }
  return Setup();
}

Connection::~Connection() { PQfinish(conn_); }

Status Connection::Exec(const std::string& sql) {
  Settle();
  // Several commands (a simple query) cannot be pipelined: queued statements are answered first.
  if (!queued_.empty() && sql.find(';') != std::string::npos) (void)EndQueue(0);
  PgResult r;
  ExecStatusType st;
  if (!queued_.empty()) {
    // One command (COMMIT, a SAVEPOINT) goes in the queued statements' pipeline: their answers
    // come in its round trip.
    if (PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1) {
      r = EndQueue(1);
    } else {
      (void)EndQueue(0);
    }
    st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    // Skipped after a queued statement failed: run now, so that a COMMIT or ROLLBACK still ends
    // the transaction (PostgreSQL ends a failed one with ROLLBACK whichever is sent).
    if (st == PGRES_PIPELINE_ABORTED) {
      r.reset(PQexec(conn_, sql.c_str()));
      st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    }
  } else {
    // A pending BEGIN goes first in the same simple query (one round trip for both).
    const char* begin = std::exchange(pending_begin_, nullptr);
    const std::string text = begin ? std::string(begin) + "; " + sql : sql;
    r.reset(PQexec(conn_, text.c_str()));
    st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    // The transaction's first command on a session that broke meanwhile: nothing of it ran.
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && begin && RecoverBroken()) {
      r.reset(PQexec(conn_, text.c_str()));
      st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    }
  }
  // A queued statement failed earlier in this transaction: its COMMIT was a ROLLBACK.
  if (!queued_error_.ok()) return queued_error_;
  if (st == PGRES_COMMAND_OK && RolledBackInstead(r.get(), sql)) return LostTransaction();
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
  return Error(r.get(), sql.size() > 80 ? (sql.substr(0, 80) + "...").c_str() : sql.c_str());
}

PGresult* Connection::ExecPrepared(const std::string& name, int n, const char* const* values) {
  Settle();
  if (!queued_.empty()) {
    if (PQsendQueryPrepared(conn_, name.c_str(), n, values, nullptr, nullptr, /*text*/ 0) != 1) {
      (void)EndQueue(0);
      return nullptr;
    }
    return EndQueue(1).release();
  }
  if (pending_begin_ == nullptr) {
    return PQexecPrepared(conn_, name.c_str(), n, values, nullptr, nullptr, /*text*/ 0);
  }
  return ExecPipelined(name, n, values);
}

std::vector<PgResult> Connection::SyncAndRead(std::size_t queries) {
  std::vector<PgResult> answers;
  if (PQpipelineSync(conn_) != 1) return answers;
  // Each query's answer ends with a NULL, the pipeline with a PGRES_PIPELINE_SYNC. A session
  // that breaks meanwhile gives an error and then NULLs.
  for (std::size_t nulls = 0; nulls <= queries;) {
    PgResult r(PQgetResult(conn_));
    if (!r) {
      if (broken()) break;
      ++nulls;
      continue;
    }
    if (PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC) break;
    answers.push_back(std::move(r));
  }
  return answers;
}

PGresult* Connection::ExecPipelined(const std::string& name, int n, const char* const* values) {
  if (PQenterPipelineMode(conn_) != 1) return nullptr;
  std::vector<PgResult> answers;  // BEGIN's, then the statement's (or PGRES_PIPELINE_ABORTED)
  if (PQsendQueryParams(conn_, pending_begin_, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
      PQsendQueryPrepared(conn_, name.c_str(), n, values, nullptr, nullptr, /*text*/ 0) == 1) {
    answers = SyncAndRead(2);
  }
  if (PQexitPipelineMode(conn_) != 1 && !broken()) {
    // Answers we did not expect are still queued: this session's state is unknown. A new one
    // (its prepared statements forgotten) and an error for the caller, who tries again later.
    (void)Reconnect();
    answers.clear();
  }
  if (answers.size() == 2 && PQresultStatus(answers[0].get()) == PGRES_COMMAND_OK) {
    pending_begin_ = nullptr;  // the transaction has begun
    return answers[1].release();
  }
  return answers.empty() ? nullptr : answers[0].release();  // BEGIN's error
}

Result<const std::string*> Connection::Prepared(const char* sql, int* params) {
  Settle();
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) {
    *params = it->second.params;
    return &it->second.name;
  }
  if (!queued_.empty()) {
    (void)EndQueue(0);  // PQprepare waits for its answer: not in a pipeline
    if (!queued_error_.ok()) return queued_error_;  // the transaction is lost: nothing to prepare
  }
  int n = 0;
  const std::string text = ToPostgresPlaceholders(sql, &n);
  // Named, not unnamed: each statement is parsed and planned once per connection (userver's
  // named SQL), and pg_stat_statements shows one entry per statement.
  std::string name = "csphub_" + std::to_string(prepared_.size());
  PgResult r(PQprepare(conn_, name.c_str(), text.c_str(), n, nullptr));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) return Error(r.get(), sql);
  auto [pos, inserted] = prepared_.emplace(sql, PreparedInfo{std::move(name), n});
  (void)inserted;
  *params = n;
  return &pos->second.name;
}

Status Connection::SendQueued(const std::string& name, int n, const char* const* values,
                              const char* sql) {
  Settle();
  if ((PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn_) != 1) ||
      PQsendQueryPrepared(conn_, name.c_str(), n, values, nullptr, nullptr, /*text*/ 0) != 1) {
    Status st = Error(nullptr, sql);
    if (!queued_.empty() || PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) (void)EndQueue(0);
    if (queued_error_.ok()) queued_error_ = st;
    return queued_error_;
  }
  queued_.push_back(sql);
  return Status::Ok();
}

PgResult Connection::EndQueue(int extra) {
  const std::size_t expected = queued_.size() + static_cast<std::size_t>(extra);
  std::vector<PgResult> answers = SyncAndRead(expected);
  for (std::size_t i = 0; i < queued_.size() && queued_error_.ok(); ++i) {
    const PGresult* r = i < answers.size() ? answers[i].get() : nullptr;
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) queued_error_ = Error(r, queued_[i]);
  }
  queued_.clear();
  bool complete = answers.size() == expected;
  if (PQexitPipelineMode(conn_) != 1 && !broken()) {
    const Status failed = queued_error_;  // the transaction's, for the rest of it
    (void)Reconnect();  // answers we did not expect are queued: the session's state is unknown
    queued_error_ = failed;
    complete = false;
  }
  if (!complete) {
    if (queued_error_.ok()) {
      queued_error_ = Unavailable("The database is unavailable; try again.")
                          .WithDetail("the answers to a pipeline were cut short");
    }
    return nullptr;
  }
  return extra > 0 ? std::move(answers.back()) : nullptr;
}

Statement& Statement::Bind(int index, std::string_view text) {
  if (params_.size() < static_cast<std::size_t>(index)) params_.resize(index);
  params_[index - 1] = std::string(text);
  return *this;
}
Statement& Statement::Bind(int index, std::int64_t value) {
  return Bind(index, std::string_view(std::to_string(value)));
}
Statement& Statement::Bind(int index, bool value) {
  // '1'/'0' are valid input for both boolean and integer columns.
  return Bind(index, std::string_view(value ? "1" : "0"));
}
Statement& Statement::BindNull(int index) {
  if (params_.size() < static_cast<std::size_t>(index)) params_.resize(index);
  params_[index - 1].reset();
  return *this;
}
Statement& Statement::BindOptional(int index, const std::optional<std::int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

bool Statement::ParamsValid() {
  for (std::size_t i = 0; i < params_.size(); ++i) {
    // Text parameters end at a NUL, and PostgreSQL's text cannot hold one anyway: refuse rather
    // than store a cut value.
    if (params_[i] && params_[i]->find('\0') != std::string::npos) {
      status_ = InvalidArgument("The request holds a NUL character in a text value.");
      return false;
    }
  }
  return true;
}

std::vector<const char*> Statement::Values(int n) {
  params_.resize(static_cast<std::size_t>(n));
  std::vector<const char*> values(params_.size());
  for (std::size_t i = 0; i < params_.size(); ++i) {
    values[i] = params_[i] ? params_[i]->c_str() : nullptr;
  }
  return values;
}

Status Statement::Queue() {
  if (!c_.CanQueue()) return Run();
  executed_ = true;
  if (!c_.queued_error().ok()) return status_ = c_.queued_error();  // the transaction is lost
  if (!ParamsValid()) return status_;
  int n = 0;
  auto name = c_.Prepared(sql_, &n);
  if (!name.ok()) return status_ = name.status();
  const std::vector<const char*> values = Values(n);
  return status_ = c_.SendQueued(**name, n, values.data(), sql_);
}

bool Statement::Execute() {
  executed_ = true;
  if (!c_.queued_error().ok()) {  // a queued statement failed: the transaction is lost
    status_ = c_.queued_error();
    return false;
  }
  if (!ParamsValid()) return false;
  // The transaction's first statement, on a session that broke since it was last used, is run
  // again on a new one: nothing of the transaction had run. So is a ReadOnce()'s one query,
  // which has no transaction at all.
  const bool first = c_.begin_pending() || c_.one_statement().active();
  for (int attempt = 0;; ++attempt) {
    int n = 0;
    auto name = c_.Prepared(sql_, &n);
    if (!name.ok()) {
      if (first && attempt == 0 && c_.RecoverBroken()) continue;
      status_ = name.status();
      return false;
    }
    const std::vector<const char*> values = Values(n);
    result_.reset(c_.ExecPrepared(**name, n, values.data()));
    if (!c_.queued_error().ok()) {  // answered in this round trip: a queued statement failed
      result_.reset();
      status_ = c_.queued_error();
      return false;
    }
    const ExecStatusType st = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return true;
    if (first && attempt == 0 && c_.RecoverBroken()) continue;
    status_ = c_.Error(result_.get(), sql_);
    return false;
  }
}

bool Statement::Step() {
  if (!executed_ && !Execute()) return false;
  if (!result_) return false;
  ++row_;
  return row_ < PQntuples(result_.get());
}

Status Statement::Run() {
  if (!executed_) Execute();
  return status_;
}

std::int64_t Statement::Changes() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

const char* Statement::Value(int col) const { return PQgetvalue(result_.get(), row_, col); }

std::string Statement::Text(int col) const { return std::string(TextView(col)); }

std::string_view Statement::TextView(int col) const {
  return {Value(col), static_cast<std::size_t>(PQgetlength(result_.get(), row_, col))};
}

std::int64_t Statement::Int(int col) const {
  const char* v = Value(col);
  if (*v == 't') return 1;  // a boolean read as a number, as SQLite would store it
  if (*v == 'f') return 0;
  return std::strtoll(v, nullptr, 10);
}

bool Statement::Bool(int col) const { return Int(col) != 0; }

bool Statement::IsNull(int col) const { return PQgetisnull(result_.get(), row_, col) == 1; }

}  // namespace csphub::storage::postgres
