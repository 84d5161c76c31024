// csphub_bench_pg_commit: the raw libpq rate of durable single-row commits, the ceiling
// csphub's POST /v1/customers/{id}/orders on PostgreSQL is held against (bench/pg_orders.sh).
//
//   csphub_bench_pg_commit --database URL [--seconds 10] [--clients 1]
//
// The commit shape of PgStore::Write: BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE; one
// prepared INSERT; COMMIT, each its own round trip, on sessions opened as the server opens its
// pool's (synchronous_commit=on: every COMMIT waits for its WAL flush). --clients sessions, one
// thread each, commit at once, as csphub's worker threads do (PostgreSQL flushes the WAL of
// concurrent commits together).
//
// Output, one line: commits_per_s=X commits=N seconds=S clients=C
#include <CLI/CLI.hpp>

#include <atomic>
#include <thread>

#include "pg_raw.hpp"

namespace {

constexpr const char* kBegin = "BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE";
constexpr const char* kInsert = "INSERT INTO bench_rows(id, customer_id, payload) VALUES(?,?,?)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Raw libpq durable single-row commit rate"};
  std::string url;
  double seconds = 10;
  int clients = 1;
  cli.add_option("--database", url, "postgresql:// URL (a table bench_rows is added)")->required();
  cli.add_option("--seconds", seconds, "how long to commit");
  cli.add_option("--clients", clients, "sessions committing at once")->check(CLI::Range(1, 64));
  CLI11_PARSE(cli, argc, argv);

  {
    auto conn = csphub::bench::OpenRaw(url);
    csphub::bench::MustExec(
        conn->raw(),
        "CREATE TABLE IF NOT EXISTS bench_rows(id text COLLATE \"C\" PRIMARY KEY, "
        "customer_id text COLLATE \"C\" NOT NULL, payload text COLLATE \"C\" NOT NULL)");
  }
  // A payload about the size of one subscription row.
  const std::string payload(400, 'x');
  const std::string customer = "c1111111-0000-4000-8000-000000000003";
  const std::string run =
      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  std::atomic<long long> total{0};
  std::atomic<double> longest{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      auto conn = csphub::bench::OpenRaw(url);
      PGconn* c = conn->raw();
      csphub::bench::PrepareRaw(c, "insert", kInsert);
      long long n = 0;
      const auto [commits, elapsed] = csphub::bench::RunFor(seconds, [&] {
        csphub::bench::MustExec(c, kBegin);
        csphub::bench::ExecRaw(
            c, "insert",
            {run + "-" + std::to_string(t) + "-" + std::to_string(n++), customer, payload});
        csphub::bench::MustExec(c, "COMMIT");
      });
      total += commits;
      double seen = longest.load();
      while (elapsed > seen && !longest.compare_exchange_weak(seen, elapsed)) {
      }
    });
  }
  for (auto& t : threads) t.join();
  std::printf("commits_per_s=%.1f commits=%lld seconds=%.3f clients=%d\n",
              static_cast<double>(total) / longest, total.load(), longest.load(), clients);
  return 0;
}
