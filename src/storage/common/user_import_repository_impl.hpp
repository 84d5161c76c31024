#pragma once
// Shared by both backends: instantiated by storage/sqlite/user_import_repository.cpp and
// storage/postgres/user_import_repository.cpp (see storage/common/repositories.hpp).
// Bulk user import jobs and their rows (migration V009).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsertJob =
    "INSERT INTO user_import_jobs(id, partner_tenant_id, subject_id, user_principal_name, "
    "application_id, default_customer_id, usage_location, dry_run, state, columns, total_rows, "
    "processed_rows, created_rows, failed_rows, passwords_taken, created_at, updated_at, "
    "completed_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kGetJob =
    "SELECT id, partner_tenant_id, subject_id, user_principal_name, application_id, "
    "default_customer_id, usage_location, dry_run, state, columns, total_rows, processed_rows, "
    "created_rows, failed_rows, passwords_taken, created_at, updated_at, completed_at "
    "FROM user_import_jobs WHERE id=?";
constexpr const char* kUpdateJob =
    "UPDATE user_import_jobs SET state=?2, total_rows=?3, processed_rows=?4, created_rows=?5, "
    "failed_rows=?6, passwords_taken=?7, updated_at=?8, completed_at=?9, columns=?10 WHERE id=?1";
constexpr const char* kUnfinished =
    "SELECT id FROM user_import_jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id";
constexpr const char* kInsertRow =
    "INSERT INTO user_import_rows(job_id, row_number, customer_id, first_name, last_name, "
    "display_name, email, upn_key, usage_location, status, message, user_id, sealed_password) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
#define CSPHUB_ROW_COLUMNS                                                                        \
  "SELECT job_id, row_number, customer_id, first_name, last_name, display_name, email, upn_key, " \
  "usage_location, status, message, user_id, sealed_password FROM user_import_rows "
constexpr const char* kPending = CSPHUB_ROW_COLUMNS
    "WHERE job_id=?1 AND row_number>?2 AND status='pending' ORDER BY row_number "
    "LIMIT ?3";
constexpr const char* kRows =
    CSPHUB_ROW_COLUMNS "WHERE job_id=?1 AND row_number>?2 ORDER BY row_number LIMIT ?3";
#undef CSPHUB_ROW_COLUMNS
constexpr const char* kMarkRow =
    "UPDATE user_import_rows SET status=?3, message=?4, user_id=?5, sealed_password=?6 "
    "WHERE job_id=?1 AND row_number=?2";
constexpr const char* kFirstWith =
    "SELECT row_number FROM user_import_rows WHERE job_id=? AND upn_key=? "
    "ORDER BY row_number LIMIT 1";
constexpr const char* kErase =
    "UPDATE user_import_rows SET sealed_password=NULL WHERE job_id=? AND sealed_password IS NOT "
    "NULL";

template <typename Statement>
void BindOptionalText(Statement& s, int index, const std::string& text) {
  if (text.empty()) {
    s.BindNull(index);
  } else {
    s.Bind(index, text);
  }
}

template <typename Statement>
domain::UserImportRow ReadRow(const Statement& s) {
  domain::UserImportRow r;
  r.job_id = s.Text(0);
  r.row = s.Int(1);
  r.customer_id = s.Text(2);
  r.first_name = s.Text(3);
  r.last_name = s.Text(4);
  r.display_name = s.Text(5);
  r.email = s.Text(6);
  r.upn_key = s.Text(7);
  r.usage_location = s.Text(8);
  r.status = domain::ImportRowStatusFrom(s.Text(9));
  r.message = s.Text(10);
  if (!s.IsNull(11)) r.user_id = s.Text(11);
  if (!s.IsNull(12)) r.sealed_password = s.Text(12);
  return r;
}

}  // namespace

template <typename B>
Status SqlUserImportJobRepository<B>::Insert(const domain::UserImportJob& j) {
  Statement s = c_.Prepare(kInsertJob);
  s.Bind(1, j.id).Bind(2, j.partner_tenant_id).Bind(3, j.subject_id).Bind(4, j.user_principal_name);
  s.Bind(5, j.application_id).Bind(6, j.default_customer_id).Bind(7, j.usage_location);
  s.Bind(8, j.dry_run).Bind(9, domain::ToString(j.state)).Bind(10, j.columns);
  s.Bind(11, j.total_rows).Bind(12, j.processed_rows).Bind(13, j.created_rows);
  s.Bind(14, j.failed_rows).Bind(15, j.passwords_taken).Bind(16, ToUnixMillis(j.created_at));
  s.Bind(17, ToUnixMillis(j.updated_at));
  s.BindOptional(18, j.completed_at ? std::optional<std::int64_t>(ToUnixMillis(*j.completed_at))
                                    : std::nullopt);
  return s.Run();
}

template <typename B>
Result<domain::UserImportJob> SqlUserImportJobRepository<B>::Get(const std::string& id) {
  Statement s = c_.Prepare(kGetJob);
  s.Bind(1, id);
  if (!s.Step()) {
    RETURN_IF_ERROR(s.status());
    return NotFound("No such import job.");
  }
  domain::UserImportJob j;
  j.id = s.Text(0);
  j.partner_tenant_id = s.Text(1);
  j.subject_id = s.Text(2);
  j.user_principal_name = s.Text(3);
  j.application_id = s.Text(4);
  j.default_customer_id = s.Text(5);
  j.usage_location = s.Text(6);
  j.dry_run = s.Bool(7);
  j.state = domain::ImportJobStateFrom(s.Text(8)).value_or(domain::ImportJobState::kCompleted);
  j.columns = s.Text(9);
  j.total_rows = s.Int(10);
  j.processed_rows = s.Int(11);
  j.created_rows = s.Int(12);
  j.failed_rows = s.Int(13);
  j.passwords_taken = s.Bool(14);
  j.created_at = FromUnixMillis(s.Int(15));
  j.updated_at = FromUnixMillis(s.Int(16));
  if (!s.IsNull(17)) j.completed_at = FromUnixMillis(s.Int(17));
  return j;
}

template <typename B>
Status SqlUserImportJobRepository<B>::Update(const domain::UserImportJob& j) {
  Statement s = c_.Prepare(kUpdateJob);
  s.Bind(1, j.id).Bind(2, domain::ToString(j.state)).Bind(3, j.total_rows);
  s.Bind(4, j.processed_rows).Bind(5, j.created_rows).Bind(6, j.failed_rows);
  s.Bind(7, j.passwords_taken).Bind(8, ToUnixMillis(j.updated_at));
  s.BindOptional(9, j.completed_at ? std::optional<std::int64_t>(ToUnixMillis(*j.completed_at))
                                   : std::nullopt);
  s.Bind(10, j.columns);
  return s.Run();
}

template <typename B>
Result<std::vector<std::string>> SqlUserImportJobRepository<B>::Unfinished() {
  Statement s = c_.Prepare(kUnfinished);
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlUserImportJobRepository<B>::InsertRow(const domain::UserImportRow& r) {
  Statement s = c_.Prepare(kInsertRow);
  s.Bind(1, r.job_id).Bind(2, r.row).Bind(3, r.customer_id).Bind(4, r.first_name);
  s.Bind(5, r.last_name).Bind(6, r.display_name).Bind(7, r.email).Bind(8, r.upn_key);
  s.Bind(9, r.usage_location).Bind(10, domain::ToString(r.status)).Bind(11, r.message);
  BindOptionalText(s, 12, r.user_id);
  BindOptionalText(s, 13, r.sealed_password);
  return s.Run();
}

namespace {

// A page of a job's rows after `after_row`: kPending or kRows.
template <typename Connection>
Result<std::vector<domain::UserImportRow>> ReadRows(Connection& c, const char* sql,
                                                    const std::string& job_id,
                                                    std::int64_t after_row, int limit) {
  auto s = c.Prepare(sql);
  s.Bind(1, job_id).Bind(2, after_row).Bind(3, limit);
  std::vector<domain::UserImportRow> out;
  while (s.Step()) out.push_back(ReadRow(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace

template <typename B>
Result<std::vector<domain::UserImportRow>> SqlUserImportJobRepository<B>::PendingRows(
    const std::string& job_id, std::int64_t after_row, int limit) {
  return ReadRows(c_, kPending, job_id, after_row, limit);
}

template <typename B>
Result<std::vector<domain::UserImportRow>> SqlUserImportJobRepository<B>::Rows(
    const std::string& job_id, std::int64_t after_row, int limit) {
  return ReadRows(c_, kRows, job_id, after_row, limit);
}

template <typename B>
Status SqlUserImportJobRepository<B>::MarkRow(const domain::UserImportRow& r) {
  Statement s = c_.Prepare(kMarkRow);
  s.Bind(1, r.job_id).Bind(2, r.row).Bind(3, domain::ToString(r.status)).Bind(4, r.message);
  BindOptionalText(s, 5, r.user_id);
  BindOptionalText(s, 6, r.sealed_password);
  return s.Run();
}

template <typename B>
Result<std::optional<std::int64_t>> SqlUserImportJobRepository<B>::FirstRowWith(
    const std::string& job_id, const std::string& upn_key) {
  Statement s = c_.Prepare(kFirstWith);
  s.Bind(1, job_id).Bind(2, upn_key);
  std::optional<std::int64_t> out;
  if (s.Step()) out = s.Int(0);
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlUserImportJobRepository<B>::ErasePasswords(const std::string& job_id) {
  Statement s = c_.Prepare(kErase);
  s.Bind(1, job_id);
  return s.Run();
}

}  // namespace csphub::storage
