// csphub_bench_pg_get: the raw libpq rate of the one statement behind GET /v1/customers/{id}
// on PostgreSQL (PgCustomerRepository::GetRelated: the relationship, the customer and the
// delegated-admin grant in one statement), the ceiling bench/pg_customers.sh holds csphub to.
//
//   csphub_bench_pg_get --database URL --partner P --customer C [--seconds 10]
//
// Prepared once by name, on a session opened as the server opens its pool's; every column of
// the row read as text; no transaction around it (one round trip per lookup).
//
// Output, one line: queries_per_s=X rows=N seconds=S queries=Q
#include <CLI/CLI.hpp>

#include "pg_raw.hpp"
#include "storage/postgres/repositories.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"Raw libpq rate of GET /v1/customers/{id}'s statement"};
  std::string url, partner, customer;
  double seconds = 10;
  cli.add_option("--database", url, "postgresql:// URL")->required();
  cli.add_option("--partner", partner, "the reading partner's tenant ID")->required();
  cli.add_option("--customer", customer, "the customer's ID")->required();
  cli.add_option("--seconds", seconds, "how long to measure");
  CLI11_PARSE(cli, argc, argv);

  auto conn = csphub::bench::OpenRaw(url);
  PGconn* c = conn->raw();
  csphub::bench::PrepareRaw(c, "get", csphub::storage::postgres::CustomerGetRelatedSql());
  const std::vector<std::string> params{partner, customer};
  std::uint64_t sink = 0;
  int rows = 0;
  const auto [queries, elapsed] = csphub::bench::RunFor(seconds, [&] {
    auto r = csphub::bench::ExecRaw(c, "get", params);
    rows = PQntuples(r.get());
    sink += csphub::bench::ReadAll(r.get());
  });
  if (rows != 1) {
    std::fprintf(stderr, "the customer is not related to the partner (%d rows)\n", rows);
    return 1;
  }
  std::printf("queries_per_s=%.1f rows=%d seconds=%.2f queries=%lld sink=%llu\n",
              static_cast<double>(queries) / elapsed, rows, elapsed, queries,
              static_cast<unsigned long long>(sink % 10));
  return 0;
}
