// csphub_bench_sqlite_list: the raw SQLite rate of the customer list's keyset query, the
// ceiling csphub's GET /v1/customers is held against (bench/customers_list.sh).
//
//   csphub_bench_sqlite_list --database F --partner P [--field reseller --value R]
//       [--size 100] [--skip-pages N] [--seconds 10] [--explain]
//
// It runs the very SQL SqliteCustomerRepository::List runs (ListSql), on a connection
// opened as the server opens its readers (Connection::Open, read-only), with one prepared
// statement, binding what the repository binds, LIMIT size+1 as CustomerService::List asks, and
// reading every column of every row (sqlite3_column_text, as the repository does; the columns
// are storage::CustomerListColumn, the repository's own), but without building any object. One
// thread; pin it with taskset.
//
// --skip-pages N starts at page N+1: it walks the list N pages first, taking each page's last
// row as the cursor, as a continuation token does. --explain prints EXPLAIN QUERY PLAN and fails
// (exit 3) if the plan scans a table or sorts (either would make the cost grow with the data).
//
// Output, one line: queries_per_s=X rows=N first_id=ID seconds=S queries=Q
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "common/fold_case.hpp"
#include "list_options.hpp"
#include "storage/sqlite/repositories.hpp"

namespace {

using csphub::domain::CustomerFilterField;
namespace sq = csphub::storage::sqlite;

// The list query's columns, as the repository reads them (all text).
using Col = csphub::storage::CustomerListColumn;

struct Cursor {
  std::string key, name_key, customer_id;
};

std::string ColumnText(sqlite3_stmt* s, int col) {
  const auto* p = sqlite3_column_text(s, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(s, col)))
           : std::string();
}

class ListQuery {
 public:
  ListQuery(sqlite3* db, const char* sql, CustomerFilterField field, std::string partner,
            std::string value, int limit)
      : db_(db),
        field_(field),
        partner_(std::move(partner)),
        value_(std::move(value)),
        limit_(limit) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
      std::exit(1);
    }
  }
  ~ListQuery() { sqlite3_finalize(stmt_); }

  // Binds as SqliteCustomerRepository::List does.
  void Bind(const std::optional<Cursor>& after) {
    sqlite3_reset(stmt_);
    const bool by_partner = field_ == CustomerFilterField::kIndirectReseller ||
                            field_ == CustomerFilterField::kIndirectCloudSolutionProvider;
    const std::string low = value_.empty() && by_partner ? std::string("\x01") : value_;
    Cursor from{low, "", ""};
    if (after && after->key >= low) from = *after;
    Text(1, partner_);
    Text(2, from.key);
    Text(3, from.customer_id);
    sqlite3_bind_int64(stmt_, 4, limit_);
    Text(5, value_ + sq::Backend::kAfterEveryChar);
    Text(6, from.name_key);
  }
  sqlite3_stmt* stmt() { return stmt_; }
  void Fail(int rc) {
    std::fprintf(stderr, "step: %s (%d)\n", sqlite3_errmsg(db_), rc);
    std::exit(1);
  }

 private:
  void Text(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  CustomerFilterField field_;
  std::string partner_, value_;
  int limit_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Raw SQLite rate of the customer list's keyset query"};
  csphub::bench::ListOptions o;
  csphub::bench::AddListOptions(cli, o, "SQLite file");
  std::string pragmas;
  cli.add_option("--pragma", pragmas, "SQL run after opening (experiments: PRAGMA mmap_size=...)");
  CLI11_PARSE(cli, argc, argv);

  const CustomerFilterField field = o.field();
  const std::string &path = o.database, &partner = o.partner, &field_name = o.field_name,
                    &value = o.value;
  const int size = o.size, skip_pages = o.skip_pages;
  const double seconds = o.seconds;
  const bool explain = o.explain;
  const char* sql = sq::SqliteCustomerRepository::ListSql(field);

  auto conn = sq::Connection::Open(path, /*read_only=*/true);
  if (!conn.ok()) {
    std::fprintf(stderr, "%s\n", conn.status().description().c_str());
    return 1;
  }
  sqlite3* db = (*conn)->raw();
  if (!pragmas.empty() && !(*conn)->Exec(pragmas).ok()) {
    std::fprintf(stderr, "cannot run %s\n", pragmas.c_str());
    return 1;
  }
  const int limit = size + 1;  // CustomerService::List asks one more row than the page

  if (explain) {
    const std::string text = std::string("EXPLAIN QUERY PLAN ") + sql;
    ListQuery plan(db, text.c_str(), field, partner, value, limit);
    plan.Bind(std::nullopt);
    bool bad = false, from_cursor = false;
    std::printf("query plan (%s):\n", field_name.c_str());
    while (sqlite3_step(plan.stmt()) == SQLITE_ROW) {
      const std::string detail = ColumnText(plan.stmt(), 3);
      std::printf("  %s\n", detail.c_str());
      if (detail.rfind("SCAN", 0) == 0 || detail.find("TEMP B-TREE") != std::string::npos) {
        bad = true;
      }
      // "SEARCH r USING INDEX ... (partner_tenant_id=? AND (a,b,c)>(?,?,?) AND a<?)": the
      // range starts at the cursor (a row value), not at the prefix.
      if (detail.rfind("SEARCH r ", 0) == 0 && detail.find(")>(") != std::string::npos) {
        from_cursor = true;
      }
    }
    if (bad || !from_cursor) {
      std::fprintf(stderr,
                   "the plan %s: the list's cost would grow with the data or the page number\n",
                   bad ? "scans or sorts" : "does not start the index range at the cursor");
      return 3;
    }
  }

  ListQuery q(db, sql, field, partner, value, limit);
  std::optional<Cursor> after;
  for (int page = 0; page < skip_pages; ++page) {
    q.Bind(after);
    int n = 0;
    int rc;
    Cursor last;
    while ((rc = sqlite3_step(q.stmt())) == SQLITE_ROW) {
      if (++n > size) continue;  // the extra row only says that a next page exists
      sqlite3_stmt* s = q.stmt();
      const std::string name_key = csphub::FoldCase(ColumnText(s, Col::kCompanyName));
      last.customer_id = ColumnText(s, Col::kId);
      last.name_key = name_key;
      switch (field) {
        case CustomerFilterField::kDomain:
          last.key = ColumnText(s, Col::kDomain);
          break;
        case CustomerFilterField::kIndirectReseller:
          last.key = ColumnText(s, Col::kIndirectReseller);
          break;
        case CustomerFilterField::kIndirectCloudSolutionProvider:
          last.key = ColumnText(s, Col::kIndirectProvider);
          break;
        default:
          last.key = name_key;
      }
    }
    if (rc != SQLITE_DONE) q.Fail(rc);
    if (n <= size) {
      std::fprintf(stderr, "the list has only %d pages\n", page + 1);
      return 1;
    }
    after = last;
  }

  // Measure: the same page again and again, every column of every row read.
  std::uint64_t sink = 0, queries = 0;
  int rows = 0;
  std::string first_id;
  const auto t0 = std::chrono::steady_clock::now();
  const auto until = t0 + std::chrono::duration<double>(seconds);
  auto now = t0;
  do {
    q.Bind(after);
    sqlite3_stmt* s = q.stmt();
    int rc;
    rows = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      ++rows;
      for (int col = 0; col < Col::kCount; ++col) {
        const unsigned char* p = sqlite3_column_text(s, col);
        sink += static_cast<std::uint64_t>(sqlite3_column_bytes(s, col)) + (p ? p[0] : 0);
      }
    }
    if (rc != SQLITE_DONE) q.Fail(rc);
    if (queries == 0) {
      sqlite3_reset(s);
      q.Bind(after);
      if (sqlite3_step(s) == SQLITE_ROW) first_id = ColumnText(s, Col::kId);
      sqlite3_reset(s);
    }
    ++queries;
    if ((queries & 7) == 0) now = std::chrono::steady_clock::now();
  } while (now < until);
  const double elapsed = std::chrono::duration<double>(now - t0).count();
  std::printf("queries_per_s=%.1f rows=%d first_id=%s seconds=%.2f queries=%llu sink=%llu\n",
              static_cast<double>(queries) / elapsed, rows, first_id.c_str(), elapsed,
              static_cast<unsigned long long>(queries), static_cast<unsigned long long>(sink % 10));
  return 0;
}
