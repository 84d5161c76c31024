#include "storage/postgres/migrations.hpp"

#include <string>

namespace csphub::storage::postgres {
namespace {

// Any constant works as long as nothing else in the database uses it: "csphub" in ASCII.
constexpr const char* kLock = "SELECT pg_advisory_xact_lock(109293409464930)";
constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations(version integer PRIMARY KEY, name text NOT "
    "NULL, applied_at timestamptz NOT NULL DEFAULT now())";
constexpr const char* kMaxVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr const char* kRecordVersion = "INSERT INTO schema_migrations(version, name) VALUES(?, ?)";

Result<int> CurrentVersion(Connection& conn) {
  RETURN_IF_ERROR(conn.Exec(kCreateMigrationsTable));
  Statement s = conn.Prepare(kMaxVersion);
  if (!s.Step()) return s.status().ok() ? Internal("no schema version row") : s.status();
  return static_cast<int>(s.Int(0));
}

// One step under the lock: applies the first migration past the database's version, if any.
// Returns the version afterwards.
Result<int> Step(Connection& conn, int known) {
  RETURN_IF_ERROR(conn.Exec(kLock));
  // Read the version inside the lock: another node may have just migrated.
  ASSIGN_OR_RETURN(const int version, CurrentVersion(conn));
  if (version > known) {
    return FailedPrecondition("The database schema is version " + std::to_string(version) +
                                  ", newer than this csphub knows (" + std::to_string(known) +
                                  "). Upgrade csphub before using this database.",
                              pc::kInvalidArgument);
  }
  for (const Migration& m : AllMigrations()) {
    if (m.version <= version) continue;
    Status st = conn.Exec(std::string(m.sql));
    if (st.ok()) {
      Statement rec = conn.Prepare(kRecordVersion);
      rec.Bind(1, m.version).Bind(2, m.name);
      st = rec.Run();
    }
    if (!st.ok()) return st.WithDetail("migration V" + std::to_string(m.version));
    return m.version;
  }
  return version;
}

}  // namespace

Result<int> Migrate(Connection& conn) {
  const auto& all = AllMigrations();
  const int known = all.empty() ? 0 : all.back().version;
  while (true) {
    RETURN_IF_ERROR(conn.Exec("BEGIN ISOLATION LEVEL READ COMMITTED"));
    auto before = Step(conn, known);
    if (!before.ok()) {
      (void)conn.Exec("ROLLBACK");
      return before.status();
    }
    RETURN_IF_ERROR(conn.Exec("COMMIT"));
    if (*before >= known) return *before;
  }
}

}  // namespace csphub::storage::postgres
