// csphub_bench_sqlite_user_import: the raw baseline of a bulk user import (bench/user_import.sh).
//
//   csphub_bench_sqlite_user_import --database F --csv FILE [--batch 256]
//       [--argon2-ops 2 --argon2-mem-kib 65536] [--threads 0]
//
// The least work that leaves the same users durably on disk: for every row of FILE (the bench's
// generated CSV: a header, then First name,Last name,Display name,Email, no quoting) a new
// 16-character temporary password hashed with argon2id at the given parameters, on --threads
// threads (0: one per core, as csphub's worker), then one INSERT into a table shaped like
// customer_users (same columns, same unique principal name, same index), --batch rows per
// transaction (csphub's default batch), opened as csphub opens its writer (WAL,
// synchronous=FULL). What csphub does beyond this is the overhead the ratio measures: spooling
// the rows, validating them against the customer and the directory, the audit record per user,
// the per-row results and the sealed passwords.
//
// Output, one line: rows_per_s=X rows=N seconds=S
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "auth/sodium_credentials.hpp"
#include "domain/directory/parallel_hash.hpp"
#include "storage/sqlite/connection.hpp"

namespace sq = csphub::storage::sqlite;

namespace {

struct Row {
  std::string first, last, display, email;
};

bool Fail(const char* what, const csphub::Status& st) {
  std::fprintf(stderr, "%s: %s %s\n", what, st.description().c_str(), st.detail().c_str());
  return false;
}

bool Flush(sq::Connection& c, csphub::auth::Argon2idHasher& hasher,
           csphub::auth::SodiumSecretFactory& secrets, std::vector<Row>& rows, unsigned threads,
           long long& next_id) {
  if (rows.empty()) return true;
  std::vector<std::string> passwords;
  for (std::size_t i = 0; i < rows.size(); ++i) passwords.push_back(secrets.NewTemporaryPassword());
  auto hashes = csphub::domain::HashAll(hasher, passwords, threads);
  if (!hashes.ok()) return Fail("hash", hashes.status());
  static constexpr const char* kBegin = "BEGIN IMMEDIATE";
  static constexpr const char* kInsert =
      "INSERT INTO users(id, customer_id, user_principal_name, display_name, first_name, "
      "last_name, usage_location, password_hash, must_change_password, state, created_at, "
      "updated_at) VALUES(?,?,?,?,?,?,?,?,1,'active',?,?)";
  static constexpr const char* kCommit = "COMMIT";
  if (auto st = c.Prepare(kBegin).Run(); !st.ok()) return Fail("begin", st);
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012lld", next_id++);
    auto s = c.Prepare(kInsert);
    s.Bind(1, std::string_view(id))
        .Bind(2, std::string_view("c1111111-0000-4000-8000-000000000003"));
    s.Bind(3, rows[i].email).Bind(4, rows[i].display).Bind(5, rows[i].first);
    s.Bind(6, rows[i].last).Bind(7, std::string_view("US")).Bind(8, (*hashes)[i]);
    s.Bind(9, now).Bind(10, now);
    if (auto st = s.Run(); !st.ok()) return Fail("insert", st);
  }
  if (auto st = c.Prepare(kCommit).Run(); !st.ok()) return Fail("commit", st);
  rows.clear();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Raw SQLite bulk user insert with argon2id-hashed passwords"};
  std::string path, csv;
  int batch = 256;
  unsigned long long ops = 2;
  std::size_t mem_kib = 64 * 1024;
  unsigned threads = 0;
  cli.add_option("--database", path, "SQLite file (created)")->required();
  cli.add_option("--csv", csv, "The generated CSV")->required();
  cli.add_option("--batch", batch, "Rows per transaction");
  cli.add_option("--argon2-ops", ops, "argon2id opslimit");
  cli.add_option("--argon2-mem-kib", mem_kib, "argon2id memory (KiB)");
  cli.add_option("--threads", threads, "Hashing threads (0: one per core)");
  CLI11_PARSE(cli, argc, argv);
  if (!csphub::auth::InitSodium()) return 1;

  auto conn = sq::Connection::Open(path, /*read_only=*/false);
  if (!conn.ok()) return Fail("open", conn.status()) ? 0 : 1;
  sq::Connection& c = **conn;
  if (auto st = c.Exec(
          "CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, "
          "user_principal_name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, first_name "
          "TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '', usage_location TEXT NOT "
          "NULL DEFAULT '', password_hash TEXT NOT NULL, must_change_password INTEGER NOT NULL, "
          "state TEXT NOT NULL DEFAULT 'active', soft_deleted_at INTEGER, created_at INTEGER NOT "
          "NULL, updated_at INTEGER NOT NULL); CREATE INDEX IF NOT EXISTS users_by_customer ON "
          "users(customer_id, user_principal_name)");
      !st.ok()) {
    return Fail("create", st) ? 0 : 1;
  }
  csphub::auth::Argon2idHasher hasher(ops, mem_kib * 1024);
  csphub::auth::SodiumSecretFactory secrets;
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // the header
  std::vector<Row> rows;
  long long total = 0, next_id = 1;
  const auto start = std::chrono::steady_clock::now();
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    Row r;
    std::size_t a = line.find(','), b = line.find(',', a + 1), d = line.find(',', b + 1);
    r.first = line.substr(0, a);
    r.last = line.substr(a + 1, b - a - 1);
    r.display = line.substr(b + 1, d - b - 1);
    r.email = line.substr(d + 1);
    rows.push_back(std::move(r));
    ++total;
    if (static_cast<int>(rows.size()) == batch &&
        !Flush(c, hasher, secrets, rows, threads, next_id)) {
      return 1;
    }
  }
  if (!Flush(c, hasher, secrets, rows, threads, next_id)) return 1;
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("rows_per_s=%.1f rows=%lld seconds=%.3f\n", total / took, total, took);
  return 0;
}
