#pragma once
// What the raw libpq baselines (bench/pg_list.cpp, pg_get.cpp, pg_commit.cpp) share: a session
// opened as csphub opens its pool's (storage::postgres::Connection::Open: synchronous_commit=on,
// the same settings), statements prepared once by name from the product's SQL text, and a loop
// that runs one step as often as it can for a given time. One thread each; pin with taskset.
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "storage/postgres/connection.hpp"

namespace csphub::bench {

inline std::unique_ptr<storage::postgres::Connection> OpenRaw(const std::string& url) {
  auto conn = storage::postgres::Connection::Open(url);
  if (!conn.ok()) {
    std::fprintf(stderr, "connect: %s\n", conn.status().description().c_str());
    std::exit(1);
  }
  return std::move(*conn);
}

// Prepares `sql` (SQLite placeholders, as the repositories write it) under `name`; returns how
// many parameters it takes.
inline int PrepareRaw(PGconn* c, const char* name, const char* sql) {
  int params = 0;
  const std::string text = storage::postgres::ToPostgresPlaceholders(sql, &params);
  storage::postgres::PgResult r(PQprepare(c, name, text.c_str(), params, nullptr));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
    std::fprintf(stderr, "prepare %s: %s", name, PQerrorMessage(c));
    std::exit(1);
  }
  return params;
}

// Runs a prepared statement with text parameters; exits on an error.
inline storage::postgres::PgResult ExecRaw(PGconn* c, const char* name,
                                           const std::vector<std::string>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  storage::postgres::PgResult r(
      PQexecPrepared(c, name, static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
  const ExecStatusType st = PQresultStatus(r.get());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    std::fprintf(stderr, "%s: %s", name, PQerrorMessage(c));
    std::exit(1);
  }
  return r;
}

// Runs a statement without parameters (transaction control); exits on an error.
inline void MustExec(PGconn* c, const char* sql) {
  storage::postgres::PgResult r(PQexec(c, sql));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
    std::fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
    std::exit(1);
  }
}

// Calls step() until `seconds` have passed; returns {calls, elapsed seconds}.
template <typename Step>
std::pair<long long, double> RunFor(double seconds, Step step) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto until = t0 + std::chrono::duration<double>(seconds);
  long long calls = 0;
  auto now = t0;
  do {
    step();
    ++calls;
    now = std::chrono::steady_clock::now();
  } while (now < until);
  return {calls, std::chrono::duration<double>(now - t0).count()};
}

// Every column of every row, read as the repositories read them (text), without building
// objects; the sum keeps the reads from being optimized away.
inline std::uint64_t ReadAll(const PGresult* r) {
  std::uint64_t sink = 0;
  const int rows = PQntuples(r), cols = PQnfields(r);
  for (int row = 0; row < rows; ++row) {
    for (int col = 0; col < cols; ++col) {
      sink += static_cast<std::uint64_t>(PQgetlength(r, row, col)) +
              static_cast<unsigned char>(PQgetvalue(r, row, col)[0]);
    }
  }
  return sink;
}

}  // namespace csphub::bench
