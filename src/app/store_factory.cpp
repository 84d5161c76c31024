#include "app/store_factory.hpp"

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace csphub::app {

bool IsPostgresUrl(const std::string& database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

std::string RedactedDatabase(const std::string& database) {
  if (!IsPostgresUrl(database)) return database;
  std::string out = database;
  const std::size_t start = out.find("://") + 3;
  const std::size_t at = out.find('@', start);
  const std::size_t colon = out.find(':', start);
  if (at != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  for (std::size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p + 1)) {
    const std::size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
  }
  return out;
}

Result<std::unique_ptr<domain::Store>> OpenStore(const Config& config) {
  if (IsPostgresUrl(config.database)) {
    ASSIGN_OR_RETURN(auto store,
                     storage::postgres::PgStore::Open(config.database, config.db_connections));
    return std::unique_ptr<domain::Store>(std::move(store));
  }
  ASSIGN_OR_RETURN(auto store,
                   storage::sqlite::SqliteStore::Open(config.database, config.db_readers));
  return std::unique_ptr<domain::Store>(std::move(store));
}

Result<int> MigrateDatabase(const std::string& database) {
  if (IsPostgresUrl(database)) {
    ASSIGN_OR_RETURN(auto conn, storage::postgres::Connection::Open(database));
    return storage::postgres::Migrate(*conn);
  }
  ASSIGN_OR_RETURN(auto conn, storage::sqlite::Connection::Open(database, /*read_only=*/false));
  return storage::sqlite::Migrate(*conn);
}

}  // namespace csphub::app
