#pragma once
// Processes bulk import jobs in the background, one batch at a time. A batch: read its pending
// rows and check them (a read transaction), hash the new users' temporary passwords on every
// core (no transaction: argon2id is the slow part and must not hold the writer; the next
// batch is read and hashed while this one commits), then one write transaction that re-checks,
// creates the users with their audit records, marks the rows with their results and moves the job's
// counts. A crash loses at most the batch in flight, which is still pending when the worker starts
// again, so every row is imported exactly once.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "domain/directory/user_import_job.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

class UserImportWorker {
 public:
  // `batch_rows`: rows per transaction (the unit of progress and of loss on a crash).
  UserImportWorker(ServiceDeps& deps, const SecretSealer& sealer, int batch_rows = 256)
      : deps_(deps), sealer_(sealer), batch_rows_(batch_rows) {}
  ~UserImportWorker() { Stop(); }

  // Starts the thread, which first resumes the jobs a previous run left unfinished.
  void Start();
  // Returns once the batch in flight is committed (or rolled back) and the thread has ended.
  void Stop();
  // A job was queued.
  void Notify();
  // Runs every unfinished job to its end on the calling thread (tests, the CLI).
  Status RunPending();
  // Where a failed batch is reported (the server log); the job is retried after a pause. The
  // text names the job and the error, never a row's content.
  std::function<void(const std::string&)> on_error;

 private:
  struct Batch;
  void Loop();
  // Reads and checks the job's next batch of pending rows after row `after` (empty when none
  // is left) and starts hashing its new users' passwords.
  Result<std::unique_ptr<Batch>> ReadBatch(const std::string& job_id, std::int64_t after);
  // Waits for the batch's hashes, then commits it in one write transaction.
  Status CommitBatch(Batch& batch);
  // Marks the job completed.
  Status Complete(const std::string& job_id);
  bool Stopping();

  ServiceDeps& deps_;
  const SecretSealer& sealer_;
  const int batch_rows_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool work_ = true;  // look for jobs at start
  std::thread thread_;
};

}  // namespace csphub::domain
