// csphub_bench_pg_seed: writes the benchmark data set (bench_data.hpp, the same rows as
// csphub_bench_seed writes into SQLite) into an empty PostgreSQL database that
// `csphub serve --database postgresql://…` serves as is.
//
//   build/bin/csphub_bench_pg_seed --database postgresql://… --customers 100000 --resellers 100
//
// 1. The schema (the product's PostgreSQL migrations) and the demo data set, through the
//    services (tokens and passwords work), as csphub_bench_seed does.
// 2. The resellers and their partnerships through the product's PgRepositories.
// 3. The customers with COPY: per customer the rows CustomerService::Create writes for a
//    provider creating a customer for a reseller (tenant_domains, customers,
//    customer_relationships and delegated_admin_grants for the provider and for the reseller),
//    the relationship's name_key and domain as PgCustomerRepository::InsertRelationship derives
//    them. One statement per row would cost a loopback round trip each (~6 rows per customer,
//    stack-bench: 11k rows/s); COPY streams them (64k rows/s into indexed tables).
// 4. VACUUM ANALYZE, so that the planner has statistics and the visibility map is set, as it
//    would be on a database autovacuum has seen.
//
// Prints one line for scripts (bench/pg_customers.sh):
//   seed customers=N resellers=R seconds=S customers_per_s=X rows_per_s=Y
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "bench_data.hpp"
#include "common/fold_case.hpp"
#include "storage/postgres/repositories.hpp"

namespace {

using namespace csphub;
namespace pg = csphub::storage::postgres;
using bench::Check;

// The COPY text format's escapes; bench data has none of these characters, but a row must not
// silently shift columns if it ever does.
void Field(std::string& out, std::string_view v) {
  for (char ch : v) {
    if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') out += '\\';
    out += ch == '\t' ? 't' : ch == '\n' ? 'n' : ch == '\r' ? 'r' : ch;
  }
}

template <typename... Values>
void Row(std::string& out, const Values&... values) {
  bool first = true;
  auto one = [&](const auto& v) {
    if (!first) out += '\t';
    first = false;
    if constexpr (std::is_integral_v<std::decay_t<decltype(v)>>) {
      out += std::to_string(v);
    } else {
      Field(out, v);
    }
  };
  (one(values), ...);
  out += '\n';
}

// One table's batch of rows, in COPY's text format.
struct CopyBuffer {
  const char* copy;  // COPY table(columns) FROM STDIN
  std::string rows;
};

void Flush(pg::Connection& conn, CopyBuffer& b) {
  if (b.rows.empty()) return;
  PGconn* raw = conn.raw();
  pg::PgResult started(PQexec(raw, b.copy));
  if (PQresultStatus(started.get()) != PGRES_COPY_IN)
    Check(conn.Error(started.get(), b.copy), "COPY");
  if (PQputCopyData(raw, b.rows.data(), static_cast<int>(b.rows.size())) != 1 ||
      PQputCopyEnd(raw, nullptr) != 1) {
    Check(conn.Error(nullptr, b.copy), "COPY data");
  }
  pg::PgResult done(PQgetResult(raw));
  if (PQresultStatus(done.get()) != PGRES_COMMAND_OK) Check(conn.Error(done.get(), b.copy), "COPY");
  while (pg::PgResult(PQgetResult(raw))) {
  }
  b.rows.clear();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Writes the csphub benchmark data set into an empty PostgreSQL database"};
  std::string url;
  std::int64_t customers = 100000;
  int resellers = 100;
  int batch = 20000;
  cli.add_option("--database", url, "postgresql:// URL of an empty database")->required();
  cli.add_option("--customers", customers, "customers to create")->check(CLI::Range(0, 100000000));
  cli.add_option("--resellers", resellers, "resellers partnered with the demo provider")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--batch", batch, "customers per COPY")->check(CLI::Range(1, 10000000));
  CLI11_PARSE(cli, argc, argv);

  const auto& demo = app::Demo();
  const std::string provider = demo.partners[0].tenant_id;
  {
    app::Config config;
    config.database = url;
    config.db_connections = 1;
    auto application = app::Application::Create(config);
    if (!application.ok()) bench::Die("open " + url, application.status());
    Check(app::SeedDemo(**application), "demo data");
  }

  auto opened = pg::Connection::Open(url);
  if (!opened.ok()) bench::Die("open " + url, opened.status());
  pg::Connection& conn = **opened;
  pg::PgRepositories repos(conn);
  const auto t0 = std::chrono::steady_clock::now();
  // Durability is not needed while loading: a failed load is started again from scratch.
  Check(conn.Exec("SET synchronous_commit TO off; BEGIN"), "begin");
  for (int r = 0; r < resellers; ++r) {
    const domain::Partner p = bench::BenchReseller(r);
    Check(repos.Partners().Insert(p), "reseller " + p.tenant_id);
    Check(repos.Partnerships().Insert({provider, p.tenant_id, bench::BenchEpoch()}), "partnership");
  }

  // In foreign-key order: domains before customers before their relationships and grants.
  CopyBuffer tables[] = {
      {"COPY tenant_domains(domain, tenant_id, kind) FROM STDIN", {}},
      {"COPY customers(id, commerce_id, domain, organization_registration_number, company_name, "
       "billing_first_name, billing_last_name, billing_email, culture, language, country, region, "
       "city, state, address_line1, address_line2, postal_code, address_first_name, "
       "address_middle_name, address_last_name, phone_number, billing_etag, created_by, "
       "created_at, updated_at) FROM STDIN",
       {}},
      {"COPY customer_relationships(partner_tenant_id, customer_id, name_key, domain, "
       "indirect_reseller_id, indirect_provider_id, created_at) FROM STDIN",
       {}},
      {"COPY delegated_admin_grants(partner_tenant_id, customer_id, granted_at) FROM STDIN", {}},
  };
  auto& [domains, customer_rows, relationships, grants] = tables;
  std::int64_t done = 0;
  bench::ForEachBenchCustomer(
      customers, resellers, provider, [&](const domain::Customer& c, const std::string& reseller) {
        const auto& b = c.billing;
        const auto& a = b.default_address;
        const std::int64_t at = ToUnixMillis(c.created_at);
        const std::string name_key = FoldCase(b.company_name);
        Row(domains.rows, c.domain, c.id, std::string_view("customer"));
        Row(customer_rows.rows, c.id, c.commerce_id, c.domain, c.organization_registration_number,
            b.company_name, b.first_name, b.last_name, b.email, b.culture, b.language, a.country,
            a.region, a.city, a.state, a.address_line1, a.address_line2, a.postal_code,
            a.first_name, a.middle_name, a.last_name, a.phone_number, c.billing_etag, c.created_by,
            at, ToUnixMillis(c.updated_at));
        Row(relationships.rows, provider, c.id, name_key, c.domain, reseller, std::string_view(),
            at);
        Row(relationships.rows, reseller, c.id, name_key, c.domain, std::string_view(), provider,
            at);
        Row(grants.rows, provider, c.id, at);
        Row(grants.rows, reseller, c.id, at);
        if (++done % batch == 0) {
          for (auto& t : tables) Flush(conn, t);
        }
      });
  for (auto& t : tables) Flush(conn, t);
  Check(conn.Exec("COMMIT"), "commit");
  Check(conn.Exec("VACUUM ANALYZE"), "vacuum analyze");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "seed customers=%lld resellers=%d seconds=%.2f customers_per_s=%.0f rows_per_s=%.0f\n",
      static_cast<long long>(customers), resellers, seconds,
      static_cast<double>(customers) / seconds, 6.0 * static_cast<double>(customers) / seconds);
  return 0;
}
