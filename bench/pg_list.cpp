// csphub_bench_pg_list: the raw libpq rate of the customer list's keyset query, the ceiling
// csphub's GET /v1/customers on PostgreSQL is held against (bench/pg_customers.sh).
//
//   csphub_bench_pg_list --database URL --partner P [--field reseller --value R]
//       [--size 100] [--skip-pages N] [--seconds 10] [--explain]
//
// It runs the very SQL PgCustomerRepository::List runs (PgCustomerRepository::ListSql), prepared
// once by name on a session opened as the server opens its pool's, binding what the repository
// binds, LIMIT size+1 as CustomerService::List asks, and reading every column of every row
// (PQgetvalue, as the repository does, but without building any object). No transaction around
// it: one round trip per page, the least a client can do.
//
// --skip-pages N starts at page N+1, walking the list N pages first and taking each page's last
// row as the cursor, as a continuation token does. --explain prints the plan and fails (exit 3)
// if it scans a table, sorts, or does not start the index range at the cursor.
//
// Output, one line: queries_per_s=X rows=N first_id=ID seconds=S queries=Q
#include <CLI/CLI.hpp>

#include <optional>

#include "common/fold_case.hpp"
#include "list_options.hpp"
#include "pg_raw.hpp"
#include "storage/postgres/repositories.hpp"

namespace {

using csphub::domain::CustomerFilterField;
namespace pg = csphub::storage::postgres;

// The list query's columns, as the repository reads them.
using Col = csphub::storage::CustomerListColumn;
constexpr const char* kAfterEveryChar = "\xf4\x8f\xbf\xbf";  // U+10FFFF, as the repository

struct Cursor {
  std::string key, name_key, customer_id;
};

// The parameters PgCustomerRepository::List binds.
std::vector<std::string> ListParams(CustomerFilterField field, const std::string& partner,
                                    const std::string& value, int limit,
                                    const std::optional<Cursor>& after) {
  const bool by_partner = field == CustomerFilterField::kIndirectReseller ||
                          field == CustomerFilterField::kIndirectCloudSolutionProvider;
  const std::string low = value.empty() && by_partner ? std::string("\x01") : value;
  Cursor from{low, "", ""};
  if (after && after->key >= low) from = *after;
  return {partner,      from.key, from.customer_id, std::to_string(limit), value + kAfterEveryChar,
          from.name_key};
}

std::string Get(const PGresult* r, int row, int col) {
  return std::string(PQgetvalue(r, row, col), static_cast<std::size_t>(PQgetlength(r, row, col)));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Raw libpq rate of the customer list's keyset query"};
  csphub::bench::ListOptions o;
  csphub::bench::AddListOptions(cli, o, "postgresql:// URL");
  CLI11_PARSE(cli, argc, argv);

  const CustomerFilterField field = o.field();
  const std::string &url = o.database, &partner = o.partner, &field_name = o.field_name,
                    &value = o.value;
  const int size = o.size, skip_pages = o.skip_pages;
  const char* sql = pg::PgCustomerRepository::ListSql(field);
  auto conn = csphub::bench::OpenRaw(url);
  PGconn* c = conn->raw();
  const int limit = size + 1;  // CustomerService::List asks one more row than the page

  const auto params_of = static_cast<std::size_t>(csphub::bench::PrepareRaw(c, "list", sql));
  std::optional<Cursor> after;
  for (int page = 0; page < skip_pages; ++page) {
    auto page_params = ListParams(field, partner, value, limit, after);
    page_params.resize(params_of);  // the name order has no ?6
    auto r = csphub::bench::ExecRaw(c, "list", page_params);
    if (PQntuples(r.get()) <= size) {
      std::fprintf(stderr, "the list has only %d pages\n", page + 1);
      return 1;
    }
    const int last = size - 1;
    Cursor cur{"", csphub::FoldCase(Get(r.get(), last, Col::kCompanyName)),
               Get(r.get(), last, Col::kId)};
    switch (field) {
      case CustomerFilterField::kDomain:
        cur.key = Get(r.get(), last, Col::kDomain);
        break;
      case CustomerFilterField::kIndirectReseller:
        cur.key = Get(r.get(), last, Col::kIndirectReseller);
        break;
      case CustomerFilterField::kIndirectCloudSolutionProvider:
        cur.key = Get(r.get(), last, Col::kIndirectProvider);
        break;
      default:
        cur.key = cur.name_key;
    }
    after = cur;
  }
  auto params = ListParams(field, partner, value, limit, after);
  params.resize(params_of);

  if (o.explain) {
    int n = 0;
    const std::string text = "EXPLAIN " + pg::ToPostgresPlaceholders(sql, &n);
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    pg::PgResult r(PQexecParams(c, text.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
      std::fprintf(stderr, "explain: %s", PQerrorMessage(c));
      return 1;
    }
    bool bad = false, from_cursor = false;
    std::printf("query plan (%s):\n", field_name.c_str());
    for (int row = 0; row < PQntuples(r.get()); ++row) {
      const std::string line = Get(r.get(), row, 0);
      std::printf("  %s\n", line.c_str());
      if (line.find("Seq Scan") != std::string::npos || line.find("Sort") != std::string::npos) {
        bad = true;
      }
      // "Index Cond: ((partner_tenant_id = $1) AND (ROW(...) > ROW($2, ...)) ...": the range
      // starts at the cursor (a row value), not at the prefix.
      if (line.find("Index Cond") != std::string::npos && line.find("ROW(") != std::string::npos) {
        from_cursor = true;
      }
    }
    if (bad || !from_cursor) {
      std::fprintf(stderr, "the plan %s: the list's cost would grow with the data or the page\n",
                   bad ? "scans or sorts" : "does not start the index range at the cursor");
      return 3;
    }
  }

  std::uint64_t sink = 0;
  int rows = 0;
  auto first = csphub::bench::ExecRaw(c, "list", params);
  const std::string first_id = PQntuples(first.get()) > 0 ? Get(first.get(), 0, Col::kId) : "";
  const auto [queries, elapsed] = csphub::bench::RunFor(o.seconds, [&] {
    auto r = csphub::bench::ExecRaw(c, "list", params);
    rows = PQntuples(r.get());
    sink += csphub::bench::ReadAll(r.get());
  });
  std::printf("queries_per_s=%.1f rows=%d first_id=%s seconds=%.2f queries=%lld sink=%llu\n",
              static_cast<double>(queries) / elapsed, rows, first_id.c_str(), elapsed, queries,
              static_cast<unsigned long long>(sink % 10));
  return 0;
}
