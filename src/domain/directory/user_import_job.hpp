#pragma once
// A bulk user import job (issue 5 "Bulk"; /v1/userimports): up to 100,000 rows, optionally
// across customers. The rows are spooled into the store as they arrive (parts of at most the
// request body limit each), then a background worker processes them in batches; each batch is
// one transaction that creates its users and marks its rows, so after a crash the worker
// resumes at the first unmarked row and no user is ever created twice.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/status.hpp"
#include "domain/call_context.hpp"

namespace csphub::domain {

inline constexpr std::int64_t kMaxImportJobRows = 100000;

enum class ImportJobState { kReceiving, kQueued, kRunning, kCompleted };
std::string_view ToString(ImportJobState s);  // "receiving", "queued", "running", "completed"
std::optional<ImportJobState> ImportJobStateFrom(std::string_view s);

struct UserImportJob {
  std::string id;
  std::string partner_tenant_id;
  // Who started it, for the activity log of the users it creates (the worker acts for them).
  std::string subject_id;
  std::string user_principal_name;
  std::string application_id;
  std::string default_customer_id;  // for rows without a Customer ID column; may be empty
  std::string usage_location;       // for rows without a Usage location cell
  bool dry_run = false;
  ImportJobState state = ImportJobState::kReceiving;
  std::string columns;  // the header's column keys, '|'-separated (user_csv_import.hpp)
  std::int64_t total_rows = 0;
  std::int64_t processed_rows = 0;
  std::int64_t created_rows = 0;
  std::int64_t failed_rows = 0;
  bool passwords_taken = false;  // the first results download after completion took them
  TimePoint created_at;
  TimePoint updated_at;
  std::optional<TimePoint> completed_at;
};

enum class ImportRowStatus { kPending, kCreated, kValid, kFailed };  // kValid: dry run
std::string_view ToString(ImportRowStatus s);
ImportRowStatus ImportRowStatusFrom(std::string_view s);

struct UserImportRow {
  std::string job_id;
  std::int64_t row = 0;  // 1-based data row number in the file
  std::string customer_id;
  std::string first_name;
  std::string last_name;
  std::string display_name;
  std::string email;           // as sent (trimmed)
  std::string upn_key;         // lower case: finds the same email earlier in the file
  std::string usage_location;  // the row's own; empty: the job's
  ImportRowStatus status = ImportRowStatus::kPending;
  std::string message;          // why it failed
  std::string user_id;          // the created user
  std::string sealed_password;  // the temporary password, sealed; erased once downloaded
};

class UserImportJobRepository {
 public:
  virtual ~UserImportJobRepository() = default;
  virtual Status Insert(const UserImportJob& job) = 0;
  virtual Result<UserImportJob> Get(const std::string& id) = 0;
  // state, columns, counts, passwords_taken, updated_at, completed_at.
  virtual Status Update(const UserImportJob& job) = 0;
  // Jobs a worker must (re)start: queued or running.
  virtual Result<std::vector<std::string>> Unfinished() = 0;
  virtual Status InsertRow(const UserImportRow& row) = 0;
  // Pending rows after `after_row` in row order, at most `limit`. The worker passes the last
  // row of its previous batch, so this is one range of the primary key (no status index to
  // maintain on every spooled and every marked row).
  virtual Result<std::vector<UserImportRow>> PendingRows(const std::string& job_id,
                                                         std::int64_t after_row, int limit) = 0;
  // Rows after `after_row`, in row order, at most `limit` (results pages).
  virtual Result<std::vector<UserImportRow>> Rows(const std::string& job_id, std::int64_t after_row,
                                                  int limit) = 0;
  // Marks a processed row: status, message, user_id, sealed_password.
  virtual Status MarkRow(const UserImportRow& row) = 0;
  // The first row of the job with this upn_key, if any.
  virtual Result<std::optional<std::int64_t>> FirstRowWith(const std::string& job_id,
                                                           const std::string& upn_key) = 0;
  // Erases the sealed passwords of the job's rows.
  virtual Status ErasePasswords(const std::string& job_id) = 0;
};

}  // namespace csphub::domain
