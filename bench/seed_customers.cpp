// csphub_bench_seed: writes a benchmark database that `csphub serve` serves as is.
//
//   build/bin/csphub_bench_seed --database bench/.data/customers-1m.sqlite
//       --customers 1000000 --resellers 100
//
// Contents, the same IDs on every run:
//  - the demo data set (app::SeedDemo, through the services: tokens and passwords work);
//  - `resellers` indirect resellers partnered with the demo provider (no users or apps: nobody
//    signs in as them in the benchmarks);
//  - `customers` customers, customer i created by the demo provider for reseller i % resellers,
//    with the rows CustomerService::Create writes: tenant_domains, customers,
//    customer_relationships for the provider and for the reseller, delegated_admin_grants for
//    both. Not written: the customer's admin user (an argon2id hash each, and the list does not
//    read customer_users) and the audit records (the list does not read them either).
//
// Every row goes through the storage layer's own repositories (SqliteRepositories), so the SQL
// stays that of the product, except the relationships:
// SqlCustomerRepository::BulkInsertRelationship writes the repository's rows without its reads
// (tests/storage/customer_bulk_test.cpp); the schema comes from the product's migrations. Speed
// comes from batching thousands of customers per transaction on one connection with a large page
// cache, and from loading in primary-key order. Durability is not needed while loading (the file is
// regenerated on failure), so the load runs with journal_mode=OFF, synchronous=OFF; the file is
// switched back to WAL at the end, as the server expects.
//
// Prints one line for scripts (bench/customers_list.sh turns it into a RESULT line):
//   seed customers=N resellers=R seconds=S load_s=L index_s=I customers_per_s=X rows_per_s=Y
// seconds covers the resellers, the customers and the index builds; not the demo data set
// (its 16 users' argon2id hashes take a few seconds of their own).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "bench_data.hpp"
#include "storage/sqlite/repositories.hpp"

namespace {

using namespace csphub;
namespace sq = csphub::storage::sqlite;
using bench::Check;
using bench::Die;

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Writes a csphub benchmark database: demo data, resellers and customers"};
  std::string path;
  std::int64_t customers = 1000000;
  int resellers = 100;
  int batch = 50000;
  bool force = false;
  cli.add_option("--database", path, "SQLite file to create")->required();
  cli.add_option("--customers", customers, "customers to create")->check(CLI::Range(0, 100000000));
  cli.add_option("--resellers", resellers, "resellers partnered with the demo provider")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--batch", batch, "customers per transaction")->check(CLI::Range(1, 10000000));
  cli.add_flag("--force", force, "replace the file if it exists");

  CLI11_PARSE(cli, argc, argv);

  if (std::filesystem::exists(path)) {
    if (!force) {
      std::fprintf(stderr, "csphub_bench_seed: %s exists (--force replaces it)\n", path.c_str());
      return 1;
    }
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  }
  const auto& demo = app::Demo();
  const std::string provider = demo.partners[0].tenant_id;
  const TimePoint epoch = bench::BenchEpoch();

  // 1. Schema (the product's migrations) and the demo data set, through the services.
  {
    app::Config config;
    config.database = path;
    config.db_readers = 0;
    auto application = app::Application::Create(config);
    if (!application.ok()) Die("open " + path, application.status());
    Check(app::SeedDemo(**application), "demo data");
  }

  // 2. Resellers and customers through the repositories, on one bulk-load connection.
  auto opened = sq::Connection::Open(path, /*read_only=*/false);
  if (!opened.ok()) Die("open " + path, opened.status());
  sq::Connection& conn = **opened;
  Check(conn.Exec("PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                  "PRAGMA cache_size=-4000000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF; "
                  "PRAGMA threads=2;"),
        "bulk-load pragmas");
  sq::SqliteRepositories repos(conn);

  const auto t0 = std::chrono::steady_clock::now();
  Check(conn.Exec("BEGIN"), "begin");
  for (int r = 0; r < resellers; ++r) {
    const domain::Partner p = bench::BenchReseller(r);
    Check(repos.Partners().Insert(p), "reseller " + p.tenant_id);
    Check(repos.Partnerships().Insert({provider, p.tenant_id, epoch}), "partnership");
  }

  // The indexes ordered by company name (name_key) are dropped now and built again at the end
  // (timed): one sort per index instead of millions of inserts at random places (names are
  // random with respect to IDs, as they are in real life; every other index is filled in ID
  // order, see below). The indexes filled in ID order are rebuilt too: keeping them during the
  // load measured slower (200k customers: 4.2 s of rows + 1.8 s of indexes, against 2.6 + 2.3).
  // Their SQL is read from the schema itself, so it is the migrations' and stays in sync with them.
  std::vector<std::string> indexes;
  {
    auto st = conn.Prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        "tbl_name IN ('customers', 'tenant_domains', "
        "'customer_relationships', 'delegated_admin_grants')");
    std::vector<std::string> names;
    while (st.Step()) {
      names.push_back(st.Text(0));
      indexes.push_back(st.Text(1));
    }
    Check(st.status(), "list indexes");
    for (const auto& n : names) Check(conn.Exec("DROP INDEX \"" + n + "\""), "drop " + n);
  }

  // Customers come in ID order (bench_data.hpp): the primary keys of customers,
  // customer_relationships, delegated_admin_grants and (domains are made from IDs)
  // tenant_domains and the customers' unique domain index are appends, not inserts at random
  // places.
  std::int64_t done = 0;
  bench::ForEachBenchCustomer(
      customers, resellers, provider,
      [&](const domain::Customer& c, const std::string& reseller_id) {
        // What CustomerService::Create writes for a provider creating a customer for a reseller.
        // The relationships through the bulk loader: the repository's rows without its reads
        // (SqlCustomerRepository::BulkInsertRelationship), which were ~40% of the statements.
        Check(repos.Customers().Insert(c), "customer " + c.id);
        Check(sq::SqliteCustomerRepository::BulkInsertRelationship(
                  conn, {provider, c.id, reseller_id, "", c.created_at}, c),
              "provider relationship");
        Check(repos.Customers().GrantDelegatedAdmin(provider, c.id, c.created_at), "provider DAP");
        Check(sq::SqliteCustomerRepository::BulkInsertRelationship(
                  conn, {reseller_id, c.id, "", provider, c.created_at}, c),
              "reseller relationship");
        Check(repos.Customers().GrantDelegatedAdmin(reseller_id, c.id, c.created_at),
              "reseller DAP");
        if (++done % batch == 0) {
          Check(conn.Exec("COMMIT"), "commit");
          Check(conn.Exec("BEGIN"), "begin");
        }
      });
  const double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& sql : indexes) Check(conn.Exec(sql), sql);
  Check(conn.Exec("COMMIT"), "commit");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Check(conn.Exec("PRAGMA journal_mode=WAL;"), "back to WAL");
  // Rows: tenant_domains, customers, 2 relationships, 2 delegated admin grants per customer.
  std::printf(
      "seed customers=%lld resellers=%d seconds=%.2f load_s=%.2f index_s=%.2f "
      "customers_per_s=%.0f rows_per_s=%.0f\n",
      static_cast<long long>(customers), resellers, seconds, load_seconds, seconds - load_seconds,
      static_cast<double>(customers) / seconds, 6.0 * static_cast<double>(customers) / seconds);
  return 0;
}
