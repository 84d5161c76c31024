#pragma once
// What SqliteStore and PgStore share about transactions: which transaction the calling thread
// is inside, and running a nested Write()/Read() in it as a SAVEPOINT (domain/store.hpp: a
// failed nested unit is undone alone; nothing is durable before the outermost Write() commits).
// Both backends speak the same SAVEPOINT / ROLLBACK TO / RELEASE.
//
// `Connection` needs `Status Exec(const std::string&)`; `Repos` is the backend's
// domain::Repositories, constructible from a Connection&.
#include <exception>
#include <string>

#include "domain/store.hpp"

namespace csphub::storage {

// Runs `work`, turning an escaped exception (a bug) into an Internal status.
inline Status RunGuarded(const domain::Store::Work& work, domain::Repositories& repos) {
  try {
    return work(repos);
  } catch (const std::exception& e) {
    return Internal(std::string("exception in transaction: ") + e.what());
  }
}

// The transaction this thread is inside, if any, per backend: a Write() or Read() called from
// within a Write() of the same store joins it, so that the idempotency layer can wrap a whole
// request (the handler's own writes and the stored response) in one atomic commit.
template <typename Connection>
struct ActiveTransaction {
  const domain::Store* store = nullptr;
  Connection* connection = nullptr;
  bool writable = false;
  int depth = 0;
  bool once = false;  // a ReadOnce(): no transaction, so nothing can nest in it
};
template <typename Connection>
inline thread_local ActiveTransaction<Connection> t_active;

// Marks this thread as inside a transaction of `store` until the scope ends.
template <typename Connection>
class ActiveScope {
 public:
  ActiveScope(const domain::Store* store, Connection* c, bool writable, bool once = false)
      : saved_(t_active<Connection>) {
    t_active<Connection> = {store, c, writable, 0, once};
  }
  ~ActiveScope() { t_active<Connection> = saved_; }
  ActiveScope(const ActiveScope&) = delete;
  ActiveScope& operator=(const ActiveScope&) = delete;

 private:
  ActiveTransaction<Connection> saved_;
};

// Runs `work` inside the transaction this thread already holds, as a SAVEPOINT.
template <typename Connection, typename Repos>
Status RunNested(const domain::Store::Work& work) {
  auto& active = t_active<Connection>;
  if (active.once) {
    // A ReadOnce() runs its one statement outside any transaction: there is nothing to join,
    // and a second unit would be a second statement.
    return Internal("a Read()/Write()/ReadOnce() called inside a ReadOnce()");
  }
  Connection& c = *active.connection;
  const std::string savepoint = "sp" + std::to_string(++active.depth);
  struct Depth {
    int& depth;
    ~Depth() { --depth; }
  } depth{active.depth};
  RETURN_IF_ERROR(c.Exec("SAVEPOINT " + savepoint));
  Repos repos(c);
  Status st = RunGuarded(work, repos);
  if (!st.ok()) {
    // Undo only this nested unit; the outer transaction decides about the rest. (On
    // PostgreSQL this also ends the "transaction aborted" state a failed statement leaves.)
    (void)c.Exec("ROLLBACK TO " + savepoint);
    (void)c.Exec("RELEASE " + savepoint);
    return st;
  }
  return c.Exec("RELEASE " + savepoint);
}

// Marks `c` as running a ReadOnce() unit until the scope ends: it may prepare one statement, a
// query (Connection::Prepare refuses anything else, see OneStatementBudget).
template <typename Connection>
class OneStatementScope {
 public:
  explicit OneStatementScope(Connection& c) : c_(c) { c_.one_statement().Start(); }
  ~OneStatementScope() { c_.one_statement().Stop(); }
  OneStatementScope(const OneStatementScope&) = delete;
  OneStatementScope& operator=(const OneStatementScope&) = delete;

 private:
  Connection& c_;
};

}  // namespace csphub::storage
