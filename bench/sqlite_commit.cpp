// csphub_bench_sqlite_commit: the raw SQLite rate of durable single-row commits, the ceiling
// csphub's POST /v1/customers/{id}/orders is held against (bench/orders.sh).
//
//   csphub_bench_sqlite_commit --database F [--seconds 10]
//
// It opens F as csphub opens its writer (Connection::Open: WAL, synchronous=FULL, the same
// pragmas), and commits one row per transaction (BEGIN IMMEDIATE; INSERT; COMMIT) as fast as it
// can for the given time: every commit is on disk before the next begins, as csphub's are
// before it answers. One thread; pin it with taskset.
//
// Output, one line: commits_per_s=X commits=N seconds=S
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <string>

#include "storage/sqlite/connection.hpp"

namespace sq = csphub::storage::sqlite;

int main(int argc, char** argv) {
  CLI::App cli{"Raw SQLite durable single-row commit rate"};
  std::string path;
  double seconds = 10;
  cli.add_option("--database", path, "SQLite file (created; a table bench_rows is added)")
      ->required();
  cli.add_option("--seconds", seconds, "How long to commit");
  CLI11_PARSE(cli, argc, argv);

  auto conn = sq::Connection::Open(path, /*read_only=*/false);
  if (!conn.ok()) {
    std::fprintf(stderr, "open: %s\n", conn.status().description().c_str());
    return 1;
  }
  sq::Connection& c = **conn;
  if (auto st = c.Exec("CREATE TABLE IF NOT EXISTS bench_rows(id TEXT PRIMARY KEY, "
                       "customer_id TEXT NOT NULL, payload TEXT NOT NULL) WITHOUT ROWID");
      !st.ok()) {
    std::fprintf(stderr, "create: %s\n", st.description().c_str());
    return 1;
  }
  static constexpr const char* kBegin = "BEGIN IMMEDIATE";
  static constexpr const char* kInsert =
      "INSERT INTO bench_rows(id, customer_id, payload) VALUES(?,?,?)";
  static constexpr const char* kCommit = "COMMIT";
  // A payload about the size of one subscription row.
  const std::string payload(400, 'x');
  const std::string customer = "c1111111-0000-4000-8000-000000000003";
  long long commits = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  char id[32];
  while (std::chrono::steady_clock::now() < end) {
    std::snprintf(id, sizeof id, "row-%lld-%lld",
                  static_cast<long long>(start.time_since_epoch().count() % 1000000), commits);
    if (auto st = c.Prepare(kBegin).Run(); !st.ok()) {
      std::fprintf(stderr, "begin: %s\n", st.description().c_str());
      return 1;
    }
    if (auto st = c.Prepare(kInsert)
                      .Bind(1, std::string_view(id))
                      .Bind(2, customer)
                      .Bind(3, payload)
                      .Run();
        !st.ok()) {
      std::fprintf(stderr, "insert: %s\n", st.description().c_str());
      return 1;
    }
    if (auto st = c.Prepare(kCommit).Run(); !st.ok()) {
      std::fprintf(stderr, "commit: %s\n", st.description().c_str());
      return 1;
    }
    ++commits;
  }
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("commits_per_s=%.1f commits=%lld seconds=%.3f\n", commits / took, commits, took);
  return 0;
}
