// csphub_bench_pg_get: the raw libpq rate of the one statement behind GET /v1/customers/{id}
// on PostgreSQL (PgCustomerRepository::GetRelated: the relationship, the customer and the
// delegated-admin grant in one statement), the ceiling bench/pg_customers.sh holds csphub to.
//
//   csphub_bench_pg_get --database URL --partner P --customer C [--seconds 10]
//
// Prepared once by name, on a session opened as the server opens its pool's; every column of
// the row read as text. --transaction says what wraps the statement (what each shape costs
// the database, measured on the same core in the same run):
//   none       nothing: one round trip per lookup, the least a client can do (the baseline);
//   pipelined  what PgStore::Read does: BEGIN and the statement in one pipeline, then ROLLBACK
//              sent without waiting (its answer read before the next lookup);
//   waited     BEGIN, the statement and ROLLBACK each waited for (PgStore before the pipeline);
//   deferred   the ROLLBACK held back and sent in the next lookup's pipeline (not what csphub
//              does: the snapshot would stay open while a pooled session idles).
//
// Output, one line: queries_per_s=X rows=N seconds=S queries=Q
#include <CLI/CLI.hpp>

#include "pg_raw.hpp"
#include "storage/postgres/repositories.hpp"

namespace {
constexpr const char* kBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";  // PgStore::Read
}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Raw libpq rate of GET /v1/customers/{id}'s statement"};
  std::string url, partner, customer;
  double seconds = 10;
  cli.add_option("--database", url, "postgresql:// URL")->required();
  cli.add_option("--partner", partner, "the reading partner's tenant ID")->required();
  cli.add_option("--customer", customer, "the customer's ID")->required();
  cli.add_option("--seconds", seconds, "how long to measure");
  std::string shape = "none";
  cli.add_option("--transaction", shape, "what wraps the statement")
      ->check(CLI::IsMember({"none", "pipelined", "waited", "deferred"}));
  CLI11_PARSE(cli, argc, argv);

  auto conn = csphub::bench::OpenRaw(url);
  PGconn* c = conn->raw();
  csphub::bench::PrepareRaw(c, "get",
                            csphub::storage::postgres::PgCustomerRepository::GetRelatedSql());
  const std::vector<std::string> params{partner, customer};
  std::uint64_t sink = 0;
  int rows = 0;
  const char* values[] = {partner.c_str(), customer.c_str()};
  bool rollback_due = false;
  const auto [queries, elapsed] = csphub::bench::RunFor(seconds, [&] {
    csphub::storage::postgres::PgResult r;
    if (shape == "none") {
      r = csphub::bench::ExecRaw(c, "get", params);
    } else if (shape == "waited") {
      csphub::bench::MustExec(c, kBegin);
      r = csphub::bench::ExecRaw(c, "get", params);
      csphub::bench::MustExec(c, "ROLLBACK");
    } else {
      if (shape == "pipelined") {
        while (csphub::storage::postgres::PgResult(PQgetResult(c))) {  // the last ROLLBACK's
        }
      }
      PQenterPipelineMode(c);
      if (shape == "deferred" && rollback_due) {
        PQsendQueryParams(c, "ROLLBACK", 0, nullptr, nullptr, nullptr, nullptr, 0);
      }
      PQsendQueryParams(c, kBegin, 0, nullptr, nullptr, nullptr, nullptr, 0);
      PQsendQueryPrepared(c, "get", 2, values, nullptr, nullptr, 0);
      PQpipelineSync(c);
      for (;;) {  // every answer up to the sync; the statement's is the one with rows
        csphub::storage::postgres::PgResult a(PQgetResult(c));
        if (!a) continue;
        const ExecStatusType st = PQresultStatus(a.get());
        if (st == PGRES_PIPELINE_SYNC) break;
        if (st == PGRES_TUPLES_OK) r = std::move(a);
        if (st == PGRES_FATAL_ERROR || st == PGRES_PIPELINE_ABORTED) {
          std::fprintf(stderr, "pipeline: %s", PQerrorMessage(c));
          std::exit(1);
        }
      }
      PQexitPipelineMode(c);
      if (shape == "pipelined") PQsendQuery(c, "ROLLBACK");
      rollback_due = true;
    }
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
