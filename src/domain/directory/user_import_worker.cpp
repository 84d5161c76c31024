#include "domain/directory/user_import_worker.hpp"

#include <future>
#include <map>
#include <memory>
#include <set>

#include "common/ids.hpp"
#include "domain/directory/customer_user_access.hpp"
#include "domain/directory/customer_user_rules.hpp"
#include "domain/directory/parallel_hash.hpp"
#include "domain/directory/user_csv_import.hpp"
#include "domain/directory/user_import_job_service.hpp"

namespace csphub::domain {
namespace {

// The worker acts for whoever started the job: its partner (delegated admin is checked again
// for every batch, so a revocation stops the rest of the rows) and its name in the activity log.
CallContext JobCaller(const UserImportJob& job) {
  CallContext ctx;
  ctx.kind = job.user_principal_name.empty() ? PrincipalKind::kApp : PrincipalKind::kPartnerUser;
  ctx.tenant_id = job.partner_tenant_id;
  ctx.subject_id = job.subject_id;
  ctx.user_principal_name = job.user_principal_name;
  ctx.application_id = job.application_id;
  ctx.request_id = job.id;
  ctx.correlation_id = job.id;
  return ctx;
}

// A row's checks against the customer and the tenant's users; empty when it can be created.
struct Candidate {
  UserImportRow* row;
  PortalRow fields;
  std::string usage_location;
};

}  // namespace

// A batch read and checked on a snapshot, its passwords being hashed (on other threads) while
// the batch before it commits. Held by unique_ptr: candidates point into `rows`.
struct UserImportWorker::Batch {
  std::string job_id;
  std::int64_t after = 0;  // the batch is the job's pending rows after this row
  UserImportJob job;
  std::vector<UserImportRow> rows;
  std::vector<Candidate> candidates;
  std::vector<std::string> passwords;
  // Declared last, so destroyed first: its destructor waits for the hashing, which reads
  // `passwords`.
  std::future<Result<std::vector<std::string>>> hashes;
};

void UserImportWorker::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  work_ = true;
  thread_ = std::thread([this] { Loop(); });
}

void UserImportWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void UserImportWorker::Notify() {
  {
    std::lock_guard lock(mu_);
    work_ = true;
  }
  cv_.notify_all();
}

bool UserImportWorker::Stopping() {
  std::lock_guard lock(mu_);
  return stop_;
}

void UserImportWorker::Loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || work_; });
      if (stop_) return;
      work_ = false;
    }
    Status st = RunPending();
    if (!st.ok()) {
      if (on_error) on_error("user import: " + st.description() + " " + st.detail());
      std::unique_lock lock(mu_);
      // Retry after a pause (the store may be busy or briefly unavailable).
      cv_.wait_for(lock, std::chrono::seconds(1), [&] { return stop_; });
      work_ = true;
    }
  }
}

Status UserImportWorker::RunPending() {
  std::vector<std::string> jobs;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(jobs, repos.UserImports().Unfinished());
    return Status::Ok();
  }));
  for (const std::string& id : jobs) {
    // Rows before a batch's `after` are all marked: each batch marks every row it read. A new
    // run starts at 0 and passes over the marked rows once.
    if (Stopping()) return Status::Ok();
    ASSIGN_OR_RETURN(std::unique_ptr<Batch> batch, ReadBatch(id, 0));
    while (!batch->rows.empty()) {
      if (Stopping()) return Status::Ok();  // `batch` waits for its hashing, then is dropped
      // The next batch is read and its hashing started before this one commits, so argon2id
      // keeps the cores busy while the writer works (the rows after this batch are not
      // touched by its commit; what may change meanwhile is checked again in the writer).
      ASSIGN_OR_RETURN(std::unique_ptr<Batch> next, ReadBatch(id, batch->rows.back().row));
      RETURN_IF_ERROR(CommitBatch(*batch));
      batch = std::move(next);
    }
    RETURN_IF_ERROR(Complete(id));
  }
  return Status::Ok();
}

Status UserImportWorker::Complete(const std::string& job_id) {
  const TimePoint now = deps_.clock.Now();
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(UserImportJob j, repos.UserImports().Get(job_id));
    if (j.state == ImportJobState::kCompleted) return Status::Ok();
    j.state = ImportJobState::kCompleted;
    j.completed_at = j.updated_at = now;
    return repos.UserImports().Update(j);
  });
}

Result<std::unique_ptr<UserImportWorker::Batch>> UserImportWorker::ReadBatch(
    const std::string& job_id, std::int64_t after) {
  auto batch = std::make_unique<Batch>();
  batch->job_id = job_id;
  batch->after = after;
  UserImportJob& job = batch->job;
  std::vector<UserImportRow>& rows = batch->rows;
  std::vector<Candidate>& candidates = batch->candidates;
  const CallContext* ctx = nullptr;
  CallContext caller;
  // 1. The batch and its checks, on a snapshot. Each customer is opened once per batch.
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(job, repos.UserImports().Get(job_id));
    ASSIGN_OR_RETURN(rows, repos.UserImports().PendingRows(job_id, after, batch_rows_));
    caller = JobCaller(job);
    ctx = &caller;
    std::map<std::string, Result<Customer>> customers;
    for (UserImportRow& r : rows) {
      auto it = customers.find(r.customer_id);
      if (it == customers.end()) {
        it = customers.emplace(r.customer_id, OpenCustomerDirectory(repos, *ctx, r.customer_id))
                 .first;
      }
      auto fail = [&](std::string message) {
        r.status = ImportRowStatus::kFailed;
        r.message = std::move(message);
      };
      if (r.customer_id.empty()) {
        fail("Customer ID is required.");
        continue;
      }
      if (!it->second.ok()) {
        fail(it->second.status().description());
        continue;
      }
      PortalRow fields{r.first_name, r.last_name, r.display_name, "", ""};
      fields = CheckImportFields(std::move(fields), r.email, "", *it->second);
      if (!fields.problem.empty()) {
        fail(fields.problem);
        continue;
      }
      auto location =
          ValidUsageLocation(r.usage_location.empty() ? job.usage_location : r.usage_location,
                             false, "Usage location");
      if (!location.ok()) {
        fail(location.status().description());
        continue;
      }
      ASSIGN_OR_RETURN(auto first, repos.UserImports().FirstRowWith(job.id, r.upn_key));
      if (first && *first < r.row) {
        fail("Email is repeated in the file (row " + std::to_string(*first) + " has it).");
        continue;
      }
      auto existing = repos.CustomerUsers().GetByPrincipalName(fields.user_principal_name);
      if (existing.ok()) {
        fail("A user with this email already exists.");
        continue;
      }
      if (existing.status().code() != StatusCode::kNotFound) return existing.status();
      candidates.push_back({&r, std::move(fields), std::move(*location)});
    }
    return Status::Ok();
  }));
  // 2. argon2id for the new users, outside any transaction, one hash per core, on threads of
  // its own: CommitBatch collects the hashes.
  if (!job.dry_run && !candidates.empty()) {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      batch->passwords.push_back(deps_.secrets.NewTemporaryPassword());
    }
    batch->hashes = std::async(std::launch::async, [this, passwords = &batch->passwords] {
      return HashAll(deps_.hasher, *passwords);
    });
  }
  return batch;
}

Status UserImportWorker::CommitBatch(Batch& batch) {
  const std::string& job_id = batch.job_id;
  const std::int64_t after = batch.after;
  std::vector<UserImportRow>& rows = batch.rows;
  std::vector<Candidate>& candidates = batch.candidates;
  const std::vector<std::string>& passwords = batch.passwords;
  std::vector<std::string> hashes;
  if (batch.hashes.valid()) {
    ASSIGN_OR_RETURN(hashes, batch.hashes.get());
  }
  const CallContext caller = JobCaller(batch.job);
  const CallContext* ctx = &caller;
  const TimePoint now = deps_.clock.Now();
  // 3. One transaction: users, audit records, row results and the job's counts together.
  return deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(UserImportJob j, repos.UserImports().Get(job_id));
    // Only rows still pending: another worker on the same store (the CLI beside a server) may
    // have taken this batch since the snapshot; the writer lock makes this check exact.
    ASSIGN_OR_RETURN(const auto still, repos.UserImports().PendingRows(job_id, after, batch_rows_));
    std::set<std::int64_t> pending;
    for (const auto& p : still) pending.insert(p.row);
    std::map<std::string, Result<Customer>> customers;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      Candidate& c = candidates[k];
      UserImportRow& r = *c.row;
      if (pending.count(r.row) == 0) continue;
      auto it = customers.find(r.customer_id);
      if (it == customers.end()) {
        // Delegated admin again, in the writer: it may have been revoked since the snapshot.
        it = customers
                 .emplace(r.customer_id,
                          OpenCustomerDirectoryForWrite(repos, *ctx, r.customer_id, now))
                 .first;
      }
      if (!it->second.ok()) {
        r.status = ImportRowStatus::kFailed;
        r.message = it->second.status().description();
        continue;
      }
      if (j.dry_run) {
        r.status = ImportRowStatus::kValid;
        continue;
      }
      CustomerUser u;
      u.id = deps_.ids.NewGuid();
      u.customer_id = r.customer_id;
      u.user_principal_name = c.fields.user_principal_name;
      u.first_name = c.fields.first_name;
      u.last_name = c.fields.last_name;
      u.display_name = c.fields.display_name;
      u.usage_location = c.usage_location;
      u.password_hash = hashes[k];
      u.must_change_password = true;
      u.created_at = u.updated_at = now;
      // The name may have been taken since the snapshot. Checked here rather than by running
      // the insert in a savepoint to catch its conflict: a savepoint per user cost a third of
      // the batch's writer time (profiled). Under the writer lock (SQLite) the check is exact;
      // on PostgreSQL a concurrent node's insert of the same name fails this transaction (a
      // serialization or unique-key conflict), and the retried batch's snapshot then sees it.
      auto taken = repos.CustomerUsers().GetByPrincipalName(u.user_principal_name);
      if (taken.ok()) {
        r.status = ImportRowStatus::kFailed;
        r.message = "A user with this email already exists.";
        continue;
      }
      if (taken.status().code() != StatusCode::kNotFound) return taken.status();
      RETURN_IF_ERROR(InsertCustomerUser(deps_, repos, *ctx, *it->second, u));
      r.status = ImportRowStatus::kCreated;
      r.user_id = u.id;
      r.sealed_password = sealer_.Seal(ImportPasswordScope(j.id, r.row), passwords[k]);
    }
    for (UserImportRow& r : rows) {
      if (pending.count(r.row) == 0 || r.status == ImportRowStatus::kPending) continue;
      RETURN_IF_ERROR(repos.UserImports().MarkRow(r));
      ++j.processed_rows;
      if (r.status == ImportRowStatus::kFailed) ++j.failed_rows;
      if (r.status == ImportRowStatus::kCreated || r.status == ImportRowStatus::kValid) {
        ++j.created_rows;
      }
    }
    j.state = ImportJobState::kRunning;
    j.updated_at = now;
    return repos.UserImports().Update(j);
  });
}

}  // namespace csphub::domain
