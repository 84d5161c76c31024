#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace csphub::testing {
namespace {

// `url` with its database (the path after host[:port]) replaced by `db`.
std::string WithDatabase(const std::string& url, const std::string& db) {
  const std::size_t scheme = url.find("://");
  const std::size_t path = url.find_first_of("/?", scheme == std::string::npos ? 0 : scheme + 3);
  const std::string base = path == std::string::npos ? url : url.substr(0, path);
  const std::size_t query = url.find('?', scheme + 3);
  return base + "/" + db + (query == std::string::npos ? "" : url.substr(query));
}

void Exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(c);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
}

}  // namespace

std::optional<std::string> TestPostgresUrl() {
  const char* url = std::getenv("CSPHUB_TEST_POSTGRES");
  if (url != nullptr && *url != '\0') return std::string(url);
  // ctest's PostgreSQL copies: the cluster its fixture started wrote its URL there.
  const char* file = std::getenv("CSPHUB_TEST_POSTGRES_FILE");
  if (file == nullptr || *file == '\0') return std::nullopt;
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line) || line.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL URL in ") + file +
                             " (did the postgres_cluster_start test run?)");
  }
  return line;
}

TestDatabase::TestDatabase(const std::string& dir) {
  auto server = TestPostgresUrl();
  if (!server) {
    url_ = dir + "/csphub.sqlite";
    return;
  }
  // Unique across the processes ctest runs at once and across tests in one process.
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  name_ = "csphub_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(now % 1000000007);
  Exec(*server, "CREATE DATABASE " + name_);
  url_ = WithDatabase(*server, name_);
}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;
  try {
    // FORCE: a test that failed half-way may have left a server's pool connected.
    Exec(*TestPostgresUrl(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A leftover database in a throwaway cluster does no harm.
  }
}

std::vector<std::string> QueryColumn(const std::string& database, const std::string& sql) {
  std::vector<std::string> out;
  std::string error;
  if (database.rfind("postgres", 0) == 0) {
    PGconn* c = PQconnectdb(database.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) error = PQresultErrorMessage(r);
    for (int i = 0; error.empty() && i < PQntuples(r); ++i) out.emplace_back(PQgetvalue(r, i, 0));
    PQclear(r);
    PQfinish(c);
  } else {
    sqlite3* db = nullptr;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
    }
    while (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(s, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
  return out;
}

void TestDatabase::ExecPostgres(const std::string& sql) const { Exec(url_, sql); }

void KillOtherPostgresSessions(const std::string& database) {
  QueryColumn(database,
              "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = "
              "current_database() AND pid <> pg_backend_pid()");
}

}  // namespace csphub::testing
