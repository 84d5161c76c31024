#pragma once
// The bulk user import API for integrators (/v1/userimports; issue 5 "Bulk"): a job takes up to
// 100,000 rows in parts (each part one request and one transaction, so the server never holds
// more than a part), then the UserImportWorker processes it in the background. Rows may name
// their customer (a "Customer ID" column) or use the job's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/directory/user_import_job.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

class UserImportWorker;

struct StartImportRequest {
  std::string customer_id;     // rows without a Customer ID cell; may be empty
  std::string usage_location;  // rows without a Usage location cell; may be empty
  bool dry_run = false;        // validate every row, create nothing
  bool complete = true;        // false: more parts follow (AppendRows)
};

// One row of the results, as the API shows it.
struct ImportResultRow {
  UserImportRow row;
  std::string temporary_password;  // only in the first download after completion
};

class UserImportJobService {
 public:
  UserImportJobService(ServiceDeps& deps, const SecretSealer& sealer, UserImportWorker& worker)
      : deps_(deps), sealer_(sealer), worker_(worker) {}

  // A new job from the file's first part (its header and any rows). Errors: 900150 (Global
  // admin only); 404 / 403 700213 on the default customer; 400 700302 for a structure problem
  // (bad header, no customer for the rows, an unterminated record, too many rows).
  Result<UserImportJob> Start(const CallContext& ctx, StartImportRequest req,
                              std::string_view first_part);
  // More rows (no header) of a job still receiving; `complete` queues it for processing.
  Result<UserImportJob> AppendRows(const CallContext& ctx, const std::string& job_id,
                                   std::string_view part, bool complete);
  // 404 unless the caller's partner started it.
  Result<UserImportJob> Get(const CallContext& ctx, const std::string& job_id);
  // Results after `after_row`, at most `limit`. With `reveal_passwords` (the caller's first
  // download of a completed job) the temporary passwords are opened.
  Result<std::vector<ImportResultRow>> Results(const CallContext& ctx, const std::string& job_id,
                                               std::int64_t after_row, int limit,
                                               bool reveal_passwords);
  // True once per completed job that created users: the caller's results show the passwords,
  // and the job records that they were taken. ErasePasswords then deletes them.
  Result<bool> ClaimPasswords(const CallContext& ctx, const std::string& job_id);
  Status ErasePasswords(const std::string& job_id);

 private:
  Status Spool(UserImportJob& job, std::string_view part, bool with_header);

  ServiceDeps& deps_;
  const SecretSealer& sealer_;
  UserImportWorker& worker_;
};

// The sealing scope of a row's temporary password.
std::string ImportPasswordScope(const std::string& job_id, std::int64_t row);

}  // namespace csphub::domain
