#include "domain/directory/user_import_job_service.hpp"

#include "common/csv.hpp"
#include "common/ids.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/directory/customer_user_rules.hpp"
#include "domain/directory/user_csv_import.hpp"
#include "domain/directory/user_import_worker.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// The longest record of a bulk file: generous for five names and an email.
constexpr std::size_t kMaxRecordBytes = 8 * 1024;

Result<UserImportJob> OwnJob(Repositories& repos, const CallContext& ctx, const std::string& id) {
  auto job = repos.UserImports().Get(ToLower(id));
  if (!job.ok() || job->partner_tenant_id != ctx.tenant_id) {
    if (job.ok() || job.status().code() == StatusCode::kNotFound) {
      return NotFound("No such import job.");
    }
    return job.status();
  }
  return job;
}

}  // namespace

std::string ImportPasswordScope(const std::string& job_id, std::int64_t row) {
  return "user-import-row|" + job_id + "|" + std::to_string(row);
}

// Parses `part` and inserts its rows; the caller's transaction makes the part all or nothing.
Status UserImportJobService::Spool(UserImportJob& job, std::string_view part, bool with_header) {
  ImportColumns columns;
  bool have_header = false;
  if (!with_header) {
    ASSIGN_OR_RETURN(columns, ReadImportHeader(SplitHeader(job.columns), true));
    have_header = true;
  }
  std::vector<UserImportRow> rows;
  CsvReader reader(kMaxRecordBytes);
  auto on_record = [&](CsvRecord& r) -> Status {
    if (!have_header) {
      ASSIGN_OR_RETURN(columns, ReadImportHeader(std::move(r.cells), true));
      have_header = true;
      job.columns = JoinHeader(columns);
      if (columns.customer_id < 0 && job.default_customer_id.empty()) {
        return ImportFileRefused(
            "no customer for the rows (a Customer ID column, or the customerId parameter).");
      }
      return Status::Ok();
    }
    if (job.total_rows + static_cast<std::int64_t>(rows.size()) >= kMaxImportJobRows) {
      return ImportFileRefused("more than " + std::to_string(kMaxImportJobRows) + " rows.");
    }
    UserImportRow row;
    row.job_id = job.id;
    row.row = job.total_rows + static_cast<std::int64_t>(rows.size()) + 1;
    if (r.cells.size() > columns.header.size()) {
      row.status = ImportRowStatus::kFailed;
      row.message = "The row has more cells than the header (extraneous data).";
    }
    r.cells.resize(columns.header.size());
    row.customer_id = ToLower(ImportCell(r, columns.customer_id));
    if (row.customer_id.empty()) row.customer_id = job.default_customer_id;
    row.first_name = ImportCell(r, columns.first_name);
    row.last_name = ImportCell(r, columns.last_name);
    row.display_name = ImportCell(r, columns.display_name);
    row.email = ImportCell(r, columns.email);
    row.upn_key = ToLower(row.email);
    row.usage_location = ImportCell(r, columns.usage_location);
    if (row.status == ImportRowStatus::kPending && !ImportCell(r, columns.status).empty()) {
      row.status = ImportRowStatus::kFailed;
      row.message = "Status update must be empty.";
    }
    rows.push_back(std::move(row));
    return Status::Ok();
  };
  Status st = reader.Feed(part, on_record);
  if (st.ok()) st = reader.Finish(on_record);
  if (!st.ok()) {
    if (st.pc_code() == pc::kUserImportFileInvalid) return st;
    return ImportFileRefused(st.description());
  }
  if (!have_header) return ImportFileRefused("it is empty (expected a header line).");
  return deps_.store.Write([&](Repositories& repos) -> Status {
    for (const UserImportRow& row : rows) {
      RETURN_IF_ERROR(repos.UserImports().InsertRow(row));
      if (row.status == ImportRowStatus::kFailed) {
        ++job.failed_rows;
        ++job.processed_rows;
      }
    }
    job.total_rows += static_cast<std::int64_t>(rows.size());
    return Status::Ok();
  });
}

Result<UserImportJob> UserImportJobService::Start(const CallContext& ctx, StartImportRequest req,
                                                  std::string_view first_part) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  UserImportJob job;
  ASSIGN_OR_RETURN(job.usage_location, ValidUsageLocation(req.usage_location, true));
  job.default_customer_id = ToLower(Trim(req.customer_id));
  if (!job.default_customer_id.empty()) {
    RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) {
      return OpenCustomerDirectory(repos, ctx, job.default_customer_id).status();
    }));
  }
  const TimePoint now = deps_.clock.Now();
  job.id = deps_.ids.NewGuid();
  job.partner_tenant_id = ctx.tenant_id;
  job.subject_id = ctx.subject_id;
  job.user_principal_name = ctx.user_principal_name;
  job.application_id = ctx.application_id;
  job.dry_run = req.dry_run;
  job.state = req.complete ? ImportJobState::kQueued : ImportJobState::kReceiving;
  job.created_at = job.updated_at = now;
  // The job row and the first part's rows in one transaction: a refused part leaves no job.
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    UserImportJob empty = job;
    RETURN_IF_ERROR(repos.UserImports().Insert(empty));
    RETURN_IF_ERROR(Spool(job, first_part, true));
    return repos.UserImports().Update(job);
  }));
  if (job.state == ImportJobState::kQueued) worker_.Notify();
  return job;
}

Result<UserImportJob> UserImportJobService::AppendRows(const CallContext& ctx,
                                                       const std::string& job_id,
                                                       std::string_view part, bool complete) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  UserImportJob job;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(job, OwnJob(repos, ctx, job_id));
    if (job.state != ImportJobState::kReceiving) {
      return FailedPrecondition("The job is not receiving rows any more (it is " +
                                    std::string(ToString(job.state)) + ").",
                                pc::kUserImportFileInvalid);
    }
    RETURN_IF_ERROR(Spool(job, part, false));
    if (complete) job.state = ImportJobState::kQueued;
    job.updated_at = deps_.clock.Now();
    return repos.UserImports().Update(job);
  }));
  if (job.state == ImportJobState::kQueued) worker_.Notify();
  return job;
}

Result<UserImportJob> UserImportJobService::Get(const CallContext& ctx, const std::string& job_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  UserImportJob job;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(job, OwnJob(repos, ctx, job_id));
    return Status::Ok();
  }));
  return job;
}

Result<std::vector<ImportResultRow>> UserImportJobService::Results(const CallContext& ctx,
                                                                   const std::string& job_id,
                                                                   std::int64_t after_row,
                                                                   int limit,
                                                                   bool reveal_passwords) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  std::vector<ImportResultRow> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const UserImportJob job, OwnJob(repos, ctx, job_id));
    ASSIGN_OR_RETURN(auto rows, repos.UserImports().Rows(job.id, after_row, limit));
    for (auto& r : rows) {
      ImportResultRow item;
      if (reveal_passwords && !r.sealed_password.empty()) {
        item.temporary_password =
            sealer_.Open(ImportPasswordScope(job.id, r.row), r.sealed_password).value_or("");
      }
      r.sealed_password.clear();
      item.row = std::move(r);
      out.push_back(std::move(item));
    }
    return Status::Ok();
  }));
  return out;
}

Result<bool> UserImportJobService::ClaimPasswords(const CallContext& ctx,
                                                  const std::string& job_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kBulkUploadCustomerUsers));
  bool claimed = false;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(UserImportJob job, OwnJob(repos, ctx, job_id));
    if (job.state != ImportJobState::kCompleted || job.dry_run || job.passwords_taken ||
        job.created_rows == 0) {
      return Status::Ok();
    }
    job.passwords_taken = claimed = true;
    job.updated_at = deps_.clock.Now();
    return repos.UserImports().Update(job);
  }));
  return claimed;
}

Status UserImportJobService::ErasePasswords(const std::string& job_id) {
  return deps_.store.Write(
      [&](Repositories& repos) { return repos.UserImports().ErasePasswords(ToLower(job_id)); });
}

}  // namespace csphub::domain
