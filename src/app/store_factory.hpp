#pragma once
// The one place that turns the `database` setting into a store: a value starting with
// postgresql:// or postgres:// selects PostgreSQL (storage/postgres), anything else is a SQLite
// file path (storage/sqlite, the default).
#include <memory>
#include <string>

#include "app/config.hpp"
#include "domain/store.hpp"

namespace csphub::app {

bool IsPostgresUrl(const std::string& database);
// `database` fit for a log line: a URL's password (user:PASSWORD@ or password=) is masked.
std::string RedactedDatabase(const std::string& database);

// Opens and migrates the configured database. FailedPrecondition when its schema is newer than
// this binary; Unavailable when it cannot be reached.
Result<std::unique_ptr<domain::Store>> OpenStore(const Config& config);

// `csphub migrate`: brings the database to this binary's schema and returns the version, without
// opening a pool (or SQLite's readers).
Result<int> MigrateDatabase(const std::string& database);

}  // namespace csphub::app
