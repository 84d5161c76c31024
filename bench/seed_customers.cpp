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

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "storage/sqlite/repositories.hpp"

namespace {

using namespace csphub;
namespace sq = csphub::storage::sqlite;

[[noreturn]] void Die(const std::string& what, const Status& st) {
  std::fprintf(stderr, "csphub_bench_seed: %s: %s %s\n", what.c_str(), st.description().c_str(),
               st.detail().c_str());
  std::exit(1);
}

void Check(const Status& st, const std::string& what) {
  if (!st.ok()) Die(what, st);
}

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A version-4 GUID, lower case, from two 64-bit values.
std::string Guid(std::uint64_t hi, std::uint64_t lo) {
  hi = (hi & ~0xF000ULL) | 0x4000ULL;                         // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string ResellerId(int r) {
  char buf[37];
  std::snprintf(buf, sizeof buf, "5e110000-0000-4000-8000-%012d", r + 1);
  return buf;
}

constexpr const char* kAdjectives[] = {"Blue",  "Bright", "Coastal", "Golden", "Northern",
                                       "Prime", "Rapid",  "Silver",  "Summit", "United"};
constexpr const char* kNouns[] = {"Bakery",  "Builders", "Clinic",    "Dental", "Foods",
                                  "Freight", "Labs",     "Logistics", "Media",  "Outfitters"};
constexpr const char* kCities[] = {"Seattle", "Austin", "Denver", "Boston", "Chicago"};

struct Plan {
  std::uint64_t index;  // i: the customer's number; decides its reseller
  std::string id;
};

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
  const TimePoint epoch = FromUnixMillis(1767225600000);  // 2026-01-01T00:00:00Z

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
    char name[64], domain[64], mpn[16];
    std::snprintf(name, sizeof name, "Bench Reseller %03d", r + 1);
    std::snprintf(domain, sizeof domain, "benchreseller%03d.onmicrosoft.com", r + 1);
    std::snprintf(mpn, sizeof mpn, "9%06d", r + 1);
    domain::Partner p;
    p.tenant_id = ResellerId(r);
    p.name = name;
    p.country = "US";
    p.programs.Add(domain::Program::kIndirectReseller);
    p.mpn_id = mpn;
    p.domain = domain;
    p.created_at = epoch;
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

  // Customer i's ID is a hash of i (random-looking, as real GUIDs are, and the same every run);
  // inserting in ID order makes the primary keys of customers, customer_relationships,
  // delegated_admin_grants and (domains are made from IDs) tenant_domains and the customers'
  // unique domain index appends instead of inserts at random places.
  std::vector<Plan> plan;
  plan.reserve(static_cast<std::size_t>(customers));
  for (std::int64_t i = 0; i < customers; ++i) {
    const auto u = static_cast<std::uint64_t>(i);
    plan.push_back({u, Guid(SplitMix64(2 * u + 0xC5), SplitMix64(2 * u + 0xC6))});
  }
  std::sort(plan.begin(), plan.end(), [](const Plan& a, const Plan& b) { return a.id < b.id; });

  domain::Customer c;
  c.organization_registration_number = "";
  c.billing.culture = "en-US";
  c.billing.language = "en";
  c.billing.default_address.country = "US";
  c.billing.default_address.state = "WA";
  c.billing.default_address.address_line1 = "1 Microsoft Way";
  c.billing.default_address.postal_code = "98052";
  c.billing.default_address.phone_number = "4255550100";
  c.billing_etag = 1;
  c.created_by = provider;
  std::int64_t done = 0;
  for (const Plan& p : plan) {
    const std::uint64_t h = SplitMix64(p.index ^ 0xA11CE);
    const int reseller = static_cast<int>(p.index % static_cast<std::uint64_t>(resellers));
    char company[96], email[96];
    std::snprintf(company, sizeof company, "%s %s %llu", kAdjectives[h % 10], kNouns[(h / 10) % 10],
                  static_cast<unsigned long long>(p.index + 1));
    // "c" + the first 26 hex digits of the ID: unique, and in ID order (see above).
    std::string d = "c";
    for (char ch : p.id) {
      if (ch != '-' && d.size() < 27) d += ch;
    }
    d += ".onmicrosoft.com";
    std::snprintf(email, sizeof email, "owner@%s", d.c_str());
    c.id = p.id;
    c.commerce_id = Guid(SplitMix64(2 * p.index + 0xD7), SplitMix64(2 * p.index + 0xD8));
    c.domain = d;
    c.billing.company_name = company;
    c.billing.first_name = c.billing.default_address.first_name = "Pat";
    c.billing.last_name = c.billing.default_address.last_name = "Owner";
    c.billing.email = email;
    c.billing.default_address.city = kCities[(h / 1000) % 5];
    c.created_at = c.updated_at = epoch + std::chrono::milliseconds(p.index);
    const std::string reseller_id = ResellerId(reseller);
    // What CustomerService::Create writes for a provider creating a customer for a reseller.
    // The relationships through the bulk loader: the repository's rows without its reads
    // (BulkInsertRelationship), which were ~40% of the statements.
    Check(repos.Customers().Insert(c), "customer " + c.id);
    Check(sq::SqliteCustomerRepository::BulkInsertRelationship(
              conn, {provider, c.id, reseller_id, "", c.created_at}, c),
          "provider relationship");
    Check(repos.Customers().GrantDelegatedAdmin(provider, c.id, c.created_at), "provider DAP");
    Check(sq::SqliteCustomerRepository::BulkInsertRelationship(
              conn, {reseller_id, c.id, "", provider, c.created_at}, c),
          "reseller relationship");
    Check(repos.Customers().GrantDelegatedAdmin(reseller_id, c.id, c.created_at), "reseller DAP");
    if (++done % batch == 0) {
      Check(conn.Exec("COMMIT"), "commit");
      Check(conn.Exec("BEGIN"), "begin");
    }
  }
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
