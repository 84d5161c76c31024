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
// The schema comes from the product's migrations, and every row from the storage layer's own
// SQL: the resellers through SqliteRepositories, the customers through the repository's bulk
// loader (SqlCustomerRepository::BulkInsert…: the repository's INSERTs with their VALUES tuple
// repeated, a hundred rows to a statement, without InsertRelationship's reads;
// tests/storage/customer_bulk_test.cpp checks the rows are the repository's). How it is fast:
//  - a second thread generates the customers (bench_data.hpp) while this one writes them;
//  - rows in primary-key order, so the tables' b-trees grow at their ends (see LoadCustomers);
//  - durability is not needed while loading (the file is regenerated on failure): journal_mode=OFF,
//    synchronous=OFF, foreign keys off, a few large transactions; the file is switched back to
//    WAL at the end, as the server expects;
//  - a page cache of 64 MB, not one that holds the database (see kLoadCacheSize);
//  - the customer tables' indexes are dropped first and built at the end from the schema's own
//    SQL, one sort each, with the sorter tuned for it (BuildIndexes).
//
// Prints one line for scripts (bench/customers_list.sh turns it into a RESULT line):
//   seed customers=N resellers=R seconds=S load_s=L index_s=I customers_per_s=X rows_per_s=Y
// seconds covers the resellers, the customers and the index builds; not the demo data set
// (its 16 users' argon2id hashes take a few seconds of their own).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
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
using Repo = sq::SqliteCustomerRepository;

// Customers handed from the generating thread to the writing one, and relationships
// CustomerService::Create writes for them, each with its delegated admin grant.
struct Batch {
  std::vector<domain::Customer> customers;
  bool insert_customers = true;  // false: written by an earlier batch, here for relationships
  std::vector<Repo::BulkRelationship> relationships;  // point into `customers`
};
constexpr std::size_t kBatchCustomers = 1000;

// The page cache while loading. Every row is an append (LoadCustomers), so the load only comes
// back to the right edges of the b-trees: a page once left is written out (at a commit, or when
// the cache needs room) and never read again. A cache that held the whole database (4 GB, as
// before) made SQLite malloc a fresh page for each of the ~1.1 GB of tables, every one a page
// fault the kernel zeroes, and on this VM a fault is a hypervisor exit: perf showed
// `pvm_irq_enable` and `clear_page_erms` under SQLite's page allocations. 1M customers, load
// phase CPU (user + sys, getrusage): 17.8 s (sys 5.9) -> 8.6 s (sys 1.2); 16 MB and 256 MB
// measured the same as 64 MB.
constexpr const char* kLoadCacheSize = "PRAGMA cache_size=-65536;";  // KB

// At most kAhead batches between the two threads, so that generating does not run away with
// the memory.
class BatchQueue {
 public:
  static constexpr std::size_t kAhead = 4;

  void Push(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < kAhead; });
    queue_.push_back(std::move(batch));
    changed_.notify_all();
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  // The next batch; none once closed and drained.
  std::optional<Batch> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return batch;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool closed_ = false;
};

// Generates the customers in `order`, in batches, each with one relationship per customer:
// relationship(customer, its reseller's tenant ID).
template <typename Relationship>
void GenerateBatches(std::int64_t customers, int resellers, const std::string& provider,
                     bench::BenchOrder order, bool insert_customers, Relationship relationship,
                     BatchQueue& queue) {
  Batch batch;
  auto flush = [&] {
    queue.Push(std::move(batch));
    batch = Batch();
  };
  bench::ForEachBenchCustomer(
      customers, resellers, provider,
      [&](const domain::Customer& c, const std::string& reseller) {
        if (batch.customers.empty()) {
          batch.customers.reserve(kBatchCustomers);  // never reallocated: pointed into
          batch.insert_customers = insert_customers;
        }
        batch.customers.push_back(c);
        batch.relationships.push_back({relationship(c, reseller), &batch.customers.back()});
        if (batch.customers.size() == kBatchCustomers) flush();
      },
      order);
  if (!batch.customers.empty()) flush();
}

// What CustomerService::Create writes for each customer, through the repository's bulk loader,
// `per_transaction` customers to a transaction (the caller's is open), in primary-key order, so
// that the tables' b-trees grow at their ends, where SQLite appends without searching from the
// root. Two passes, on a second thread (a fifth of the work):
//  1. the customers in ID order (bench_data.hpp): their domain claims, the customers, the
//     provider's relationships and grants (the primary keys of customers, tenant_domains (the
//     domains are made from IDs) and the customers' unique domain index grow at one place each,
//     as do the provider's relationships and grants);
//  2. the customers again, reseller by reseller: the resellers' relationships and grants, in the
//     order of those tables' primary key, (partner, customer). Reseller IDs sort after every
//     other partner's, so these rows are appends to the end of the two tables. Interleaved with
//     pass 1 they went to 100 places, each insert a search from the root.
void LoadCustomers(sq::Connection& conn, std::int64_t customers, int resellers,
                   const std::string& provider, std::int64_t per_transaction) {
  BatchQueue queue;
  std::thread generator([&] {
    GenerateBatches(
        customers, resellers, provider, bench::BenchOrder::kById, true,
        [&](const domain::Customer& c, const std::string& reseller) {
          return domain::CustomerRelationship{provider, c.id, reseller, "", c.created_at};
        },
        queue);
    GenerateBatches(
        customers, resellers, provider, bench::BenchOrder::kByReseller, false,
        [&](const domain::Customer& c, const std::string& reseller) {
          return domain::CustomerRelationship{reseller, c.id, "", provider, c.created_at};
        },
        queue);
    queue.Close();
  });
  std::int64_t done = 0;  // customers and relationships written, for the transactions
  while (std::optional<Batch> batch = queue.Pop()) {
    if (batch->insert_customers) Check(Repo::BulkInsert(conn, batch->customers), "customers");
    Check(Repo::BulkInsertRelationships(conn, batch->relationships), "relationships");
    Check(Repo::BulkGrantDelegatedAdmin(conn, batch->relationships), "delegated admin grants");
    const auto before = done;
    done += static_cast<std::int64_t>(batch->customers.size());
    if (done / per_transaction != before / per_transaction) {
      Check(conn.Exec("COMMIT"), "commit");
      Check(conn.Exec("BEGIN"), "begin");
    }
  }
  generator.join();
}

// Drops the customer tables' indexes and returns the SQL that creates them again, read from the
// schema itself, so it is the migrations' and stays in sync with them. Building an index at the
// end is one sort; keeping it meant an insert at a random place per row for the indexes ordered
// by name (names are random with respect to IDs, as they are in real life) and, with the
// resellers' pass (LoadCustomers), for those by customer. The one left, by domain, is rebuilt
// too: kept, its appends cost about what its build does (1M customers: ~2 s either way). Measured
// again with the 64 MB load cache (kLoadCacheSize), two interleaved pairs at load 3-4: kept, the
// load phase took 16.7 and 12.4 s of CPU against 12.3 and 9.9 dropped, the index builds 21.6 and
// 19.7 against 20.8 and 19.4; dropped it stays.
std::vector<std::string> DropIndexes(sq::Connection& conn) {
  std::vector<std::string> names, sql;
  auto st = conn.Prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
      "tbl_name IN ('customers', 'tenant_domains', "
      "'customer_relationships', 'delegated_admin_grants')");
  while (st.Step()) {
    names.push_back(st.Text(0));
    sql.push_back(st.Text(1));
  }
  Check(st.status(), "list indexes");
  for (const auto& n : names) Check(conn.Exec("DROP INDEX \"" + n + "\""), "drop " + n);
  return sql;
}

// Builds the indexes DropIndexes() dropped. CREATE INDEX passes every entry through SQLite's
// sorter. With temp_store=MEMORY the sorter keeps all entries in one list of separately
// allocated records and merge-sorts it on this thread: at 1M customers, 2M entries of ~120
// bytes per index, in random order for the indexes by name, one cache miss per step. With
// temp_store=FILE it sorts runs as large as the page cache (at most 512 MB) in a worker thread
// and merges them from temporary files: with a 1 MB cache the runs are sorted in the CPU's
// cache while this thread reads the next. Index builds at 1M customers: 24-25 s -> 15.6-16.5 s.
// The load's pages, dirty in the cache, are written out as the smaller cache needs room (with
// journal_mode=OFF, straight into the file): they would have been at the commit.
// Also tried (1M customers, the sqlite3 shell building the six indexes on a copy of the loaded
// file, `perf stat -e raw_syscalls:sys_enter`): perf shows this phase in system calls (the
// sorter reads and writes its temporary files 4 KB at a time), memcmp and memmove. 20 MB runs
// (one merge level) and mmap_size=2 GB for the table scans cut the calls from 3.40M to 2.08M,
// but neither CPU nor wall time moved beyond the shared machine's noise (generator: 30.8 and
// 28.3 s against 28.8 and 31.5 s); 4 and 64 MB runs neither.
// threads=2 (two sorter workers, so runs are sorted on both cores while this thread reads and
// merges): on an idle machine, five interleaved pairs at 1M customers, index builds 10.5-14.3 s
// (median 11.0) against 11.3-14.7 s (median 12.3) with one worker; the whole run 49-55k
// customers/s (median 52.0k) against 43-52k (median 48.4k).
void BuildIndexes(sq::Connection& conn, const std::vector<std::string>& indexes) {
  Check(conn.Exec("PRAGMA cache_size=-1000; PRAGMA temp_store=FILE; PRAGMA threads=2;"),
        "index build pragmas");
  for (const auto& sql : indexes) Check(conn.Exec(sql), sql);
  Check(conn.Exec("COMMIT"), "commit");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Writes a csphub benchmark database: demo data, resellers and customers"};
  std::string path;
  std::int64_t customers = 1000000;
  int resellers = 100;
  std::int64_t batch = 50000;
  bool force = false;
  cli.add_option("--database", path, "SQLite file to create")->required();
  cli.add_option("--customers", customers, "customers to create")->check(CLI::Range(0, 100000000));
  cli.add_option("--resellers", resellers, "resellers partnered with the demo provider")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--batch", batch, "customers per transaction, in each of the load's two passes")
      ->check(CLI::Range(1, 100000000));
  cli.add_flag("--force", force, "replace the file if it exists");

  CLI11_PARSE(cli, argc, argv);

  // The index builds' temporary files (BuildIndexes) in memory where there is a tmpfs for them:
  // each index's entries are written and read back once or twice (1M customers: ~5 GB in all).
  // Set before SQLite creates its first temporary file.
  if (std::getenv("SQLITE_TMPDIR") == nullptr && std::filesystem::is_directory("/dev/shm")) {
    setenv("SQLITE_TMPDIR", "/dev/shm", 0);
  }
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
  Check(conn.Exec(std::string("PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; "
                              "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; ") +
                  kLoadCacheSize),
        "bulk-load pragmas");
  sq::SqliteRepositories repos(conn);

  const auto t0 = std::chrono::steady_clock::now();
  Check(conn.Exec("BEGIN"), "begin");
  for (int r = 0; r < resellers; ++r) {
    const domain::Partner p = bench::BenchReseller(r);
    Check(repos.Partners().Insert(p), "reseller " + p.tenant_id);
    Check(repos.Partnerships().Insert({provider, p.tenant_id, epoch}), "partnership");
  }
  const std::vector<std::string> indexes = DropIndexes(conn);
  LoadCustomers(conn, customers, resellers, provider, batch);
  const double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BuildIndexes(conn, indexes);
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
