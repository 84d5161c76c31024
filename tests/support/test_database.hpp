#pragma once
// Which backend the storage and API suites run on. By default each test gets a fresh SQLite
// file. With CSPHUB_TEST_POSTGRES=postgresql://user@host:port/db set (scripts/with-postgres.sh
// sets it), or CSPHUB_TEST_POSTGRES_FILE naming a file holding such a URL (what ctest sets),
// each test gets a fresh PostgreSQL database instead, created on that server under a unique
// name and dropped when the test ends. ctest registers every storage and API test twice, once
// per backend (labels storage/api and storage-pg/api-pg; tests/CMakeLists.txt).
#include <optional>
#include <string>
#include <vector>

namespace csphub::testing {

// The server to create test databases on, when the suites run on PostgreSQL.
std::optional<std::string> TestPostgresUrl();
inline bool OnPostgres() { return TestPostgresUrl().has_value(); }

// A database for one test: a SQLite file in `dir`, or a new PostgreSQL database.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& dir);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The `database` setting that selects it (a path or a postgresql:// URL).
  const std::string& url() const { return url_; }
  // Runs one SQL statement on it (PostgreSQL only; for tests that tamper with the schema).
  void ExecPostgres(const std::string& sql) const;

 private:
  std::string name_;  // PostgreSQL database name; empty on SQLite
  std::string url_;
};

// The first column of every row `sql` returns, as text, read straight from `database` (a SQLite
// path or a postgresql:// URL) behind the store's back.
std::vector<std::string> QueryColumn(const std::string& database, const std::string& sql);

// Ends every other session on `database` (a postgresql:// URL), as a server restart or an idle
// reaper would, and waits until they are gone (up to 5 s each): for tests of what the store
// does with the dead sessions left in its pool.
void KillOtherPostgresSessions(const std::string& database);

}  // namespace csphub::testing
