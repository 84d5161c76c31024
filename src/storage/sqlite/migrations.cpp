#include "storage/sqlite/migrations.hpp"

#include <string>

namespace csphub::storage::sqlite {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))";
constexpr const char* kMaxVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr const char* kRecordVersion = "INSERT INTO schema_migrations(version, name) VALUES(?, ?)";

}  // namespace

Result<int> SchemaVersion(Connection& conn) {
  RETURN_IF_ERROR(conn.Exec(kCreateMigrationsTable));
  Statement s = conn.Prepare(kMaxVersion);
  if (!s.Step()) return s.status().ok() ? Internal("no schema version row") : s.status();
  return static_cast<int>(s.Int(0));
}

Result<int> Migrate(Connection& conn) {
  const auto& all = AllMigrations();
  const int known = all.empty() ? 0 : all.back().version;
  int version = 0;
  for (const Migration& m : all) {
    RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    // Read the version inside the write lock: another process may have just migrated.
    auto current = SchemaVersion(conn);
    if (!current.ok()) {
      (void)conn.Exec("ROLLBACK");
      return current.status();
    }
    version = *current;
    if (version > known) {
      (void)conn.Exec("ROLLBACK");
      return FailedPrecondition("The database schema is version " + std::to_string(version) +
                                    ", newer than this csphub knows (" + std::to_string(known) +
                                    "). Upgrade csphub before using this database.",
                                pc::kInvalidArgument);
    }
    if (m.version <= version) {
      RETURN_IF_ERROR(conn.Exec("COMMIT"));
      continue;
    }
    Status st = conn.Exec(std::string(m.sql));
    if (st.ok()) {
      Statement rec = conn.Prepare(kRecordVersion);
      rec.Bind(1, m.version).Bind(2, m.name);
      st = rec.Run();
    }
    if (!st.ok()) {
      (void)conn.Exec("ROLLBACK");
      return st.WithDetail("migration V" + std::to_string(m.version));
    }
    RETURN_IF_ERROR(conn.Exec("COMMIT"));
    version = m.version;
  }
  if (all.empty()) {
    ASSIGN_OR_RETURN(version, SchemaVersion(conn));
  }
  return version;
}

}  // namespace csphub::storage::sqlite
