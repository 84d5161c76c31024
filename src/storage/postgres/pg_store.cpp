#include "storage/postgres/pg_store.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "storage/postgres/migrations.hpp"
#include "storage/postgres/repositories.hpp"
#include "storage/transaction_nesting.hpp"

namespace csphub::storage::postgres {
namespace {

// BEGIN travels with the transaction's first statement (Connection::BeginWithNext), and a
// read's ROLLBACK is not waited for: a one-statement Read() is one round trip.
constexpr const char* kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";

// How often a Write() runs again after losing a serialization race, and how long a caller waits
// for a free connection (SQLite's busy timeout is the same 5 s).
constexpr int kMaxAttempts = 10;
constexpr auto kAcquireTimeout = std::chrono::seconds(5);

using ActiveScope = storage::ActiveScope<Connection>;
const auto& Active() { return storage::t_active<Connection>; }

// A few ms, growing with the attempt, with jitter so that two losers do not collide again.
void Backoff(int attempt) {
  thread_local std::minstd_rand rng(std::random_device{}());
  const int cap = std::min(1 << attempt, 64);
  std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(rng() % cap)));
}

}  // namespace

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, int connections) {
  std::unique_ptr<PgStore> store(new PgStore());
  ASSIGN_OR_RETURN(auto first, Connection::Open(url));
  ASSIGN_OR_RETURN(store->schema_version_, Migrate(*first));
  store->idle_.push_back(first.get());
  store->all_.push_back(std::move(first));
  for (int i = 1; i < std::max(connections, 1); ++i) {
    ASSIGN_OR_RETURN(auto c, Connection::Open(url));
    store->idle_.push_back(c.get());
    store->all_.push_back(std::move(c));
  }
  return store;
}

Result<Connection*> PgStore::Acquire() {
  Connection* c = nullptr;
  {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, kAcquireTimeout, [&] { return !idle_.empty(); })) {
      return Unavailable("The database is busy; try again.")
          .WithDetail("no free PostgreSQL connection within 5 s");
    }
    c = idle_.back();
    idle_.pop_back();
  }
  if (c->broken()) {
    Status st = c->Reconnect();
    if (!st.ok()) {
      Release(c);
      return st;
    }
  }
  c->ResetForNextUse();  // nothing of an earlier unit's transaction is this one's
  return c;
}

void PgStore::Release(Connection* c) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(c);
  }
  cv_.notify_one();
}

namespace {

// Ends a transaction nothing needs from any more (a read, or a write that failed): if it ran a
// statement, ROLLBACK without waiting for the answer (read before the connection's next use).
void Abandon(Connection& c) {
  if (c.begin_pending()) {
    c.ForgetBegin();  // nothing was sent: there is no transaction to end
  } else {
    c.SendWithoutWaiting(kRollback);
  }
}

}  // namespace

Status PgStore::Read(const Work& work) {
  if (Active().store == this) {
    return storage::RunNested<Connection, PgRepositories>(work);  // sees the enclosing write
  }
  ASSIGN_OR_RETURN(Connection * c, Acquire());
  struct Return {
    PgStore* s;
    Connection* c;
    ~Return() { s->Release(c); }
  } give_back{this, c};
  c->BeginWithNext(kBeginRead);
  Status st;
  {
    ActiveScope scope(this, c, /*writable=*/false);
    PgRepositories repos(*c);
    st = storage::RunGuarded(work, repos);
  }
  // A read-only transaction has nothing to keep; ROLLBACK also ends one a failed statement
  // aborted.
  Abandon(*c);
  return st;
}

Status PgStore::ReadOnce(const Work& work) {
  if (Active().store == this && !Active().once) {
    storage::OneStatementScope<Connection> one(*Active().connection);
    return storage::RunNested<Connection, PgRepositories>(work);  // sees the enclosing write
  }
  if (Active().store == this) return Internal("ReadOnce() called inside a ReadOnce()");
  Status st;
  // Under the default READ COMMITTED a query cannot fail to serialize; a server whose default is
  // SERIALIZABLE can (rarely) fail even a read-only one, which is then run again like a Write().
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    ASSIGN_OR_RETURN(Connection * c, Acquire());
    {
      ActiveScope scope(this, c, /*writable=*/false, /*once=*/true);
      storage::OneStatementScope<Connection> one(*c);
      PgRepositories repos(*c);
      st = storage::RunGuarded(work, repos);
    }
    const bool retry = c->must_retry();
    Release(c);
    if (!retry) return st;
    Backoff(attempt);
  }
  return st;
}

Status PgStore::WriteOnce(Connection& c, const Work& work) {
  c.BeginWithNext(kBeginWrite);
  Status st;
  {
    ActiveScope scope(this, &c, /*writable=*/true);
    PgRepositories repos(c);
    st = storage::RunGuarded(work, repos);
  }
  if (!st.ok() || c.must_retry()) {
    Abandon(c);
    return st.ok() ? Unavailable("The database is busy; try again.") : st;
  }
  if (c.begin_pending()) {  // the work ran no statement: nothing to commit
    c.ForgetBegin();
    return st;
  }
  // A COMMIT that fails for a serialization conflict also marks the connection for a retry.
  // One that fails because the server went away leaves the outcome unknown: Unavailable.
  Status committed = c.Exec(kCommit);
  if (!committed.ok()) (void)c.Exec(kRollback);
  return committed;
}

Status PgStore::Write(const Work& work) {
  // A nested unit that hits a serialization failure leaves the mark on the connection, so the
  // outermost Write() still runs everything again.
  if (Active().store == this) {
    if (!Active().writable) return Internal("Write() called inside a Read() transaction");
    return storage::RunNested<Connection, PgRepositories>(work);
  }
  Status st;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    ASSIGN_OR_RETURN(Connection * c, Acquire());
    st = WriteOnce(*c, work);
    const bool retry = c->must_retry();
    Release(c);
    if (!retry) return st;
    Backoff(attempt);
  }
  return st;  // still losing after kMaxAttempts: Unavailable, the client tries again later
}

Status PgStore::Ping() {
  return ReadOnce([](domain::Repositories& repos) -> Status {
    auto s = repos.GetSetting("__ping__");
    return s.ok() || s.status().code() == StatusCode::kNotFound ? Status::Ok() : s.status();
  });
}

}  // namespace csphub::storage::postgres
