// csphub users import: a bulk import job (the /v1/userimports service) from the server's shell.
// The file is read in blocks and spooled in parts, so its size does not matter; the job runs
// on the in-process worker with a progress bar, and the temporary passwords go to a file only
// the invoking user can read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "cli/cli.hpp"
#include "common/csv.hpp"

namespace csphub::cli {
namespace {

constexpr std::size_t kPartBytes = 512 * 1024;  // memory per part, whatever the file's size

struct ImportOptions {
  CommonOptions common;
  std::string partner;
  std::string customer;
  std::string file;
  std::string usage_location;
  std::string passwords_file;
  bool dry_run = false;
};

void ShowProgress(const domain::UserImportJob& job, bool tty) {
  const std::int64_t total = std::max<std::int64_t>(job.total_rows, 1);
  const int pct = static_cast<int>(job.processed_rows * 100 / total);
  if (tty) {
    const int width = 40;
    const int filled = pct * width / 100;
    std::fprintf(stderr, "\r[%s%s] %3d%%  %lld/%lld rows", std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), pct,
                 static_cast<long long>(job.processed_rows),
                 static_cast<long long>(job.total_rows));
  } else {
    std::fprintf(stderr, "progress: %lld/%lld rows (%d%%)\n",
                 static_cast<long long>(job.processed_rows), static_cast<long long>(job.total_rows),
                 pct);
  }
  std::fflush(stderr);
}

// Writes the passwords, once, to a new file readable by its owner only (0600, never replacing
// an existing file).
void WritePasswords(app::Application& a, const domain::CallContext& ctx,
                    const domain::UserImportJob& job, const std::string& path) {
  auto& jobs = a.services().import_jobs;
  if (!OrFail(jobs.ClaimPasswords(ctx, job.id))) return;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) Fail("cannot create " + path + " (it must not exist yet)");
  ::fchmod(fd, 0600);  // whatever the umask
  std::string out = "userPrincipalName,temporaryPassword\r\n";
  std::int64_t after = 0;
  for (;;) {
    auto page = OrFail(jobs.Results(ctx, job.id, after, 1000, true));
    for (const auto& r : page) {
      if (!r.temporary_password.empty()) AppendCsvRow(out, {r.row.email, r.temporary_password});
    }
    if (::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size())) {
      Fail("cannot write " + path);
    }
    out.clear();
    if (page.size() < 1000) break;
    after = page.back().row.row;
  }
  ::fsync(fd);
  ::close(fd);
  (void)jobs.ErasePasswords(job.id);
}

void RunImport(const ImportOptions& o) {
  auto a = OpenApplication(o.common);
  const auto ctx = PartnerAdminContext(o.partner);
  auto& jobs = a->services().import_jobs;
  std::ifstream in(o.file, std::ios::binary);
  if (!in) Fail("cannot read " + o.file);
  const std::string passwords =
      o.passwords_file.empty() ? o.file + ".passwords.csv" : o.passwords_file;
  if (!o.dry_run && ::access(passwords.c_str(), F_OK) == 0) {
    Fail(passwords + " exists; move it away or name another with --passwords-file");
  }
  // Parts end after a complete record: a line break outside quotes ("" toggles twice).
  std::string buffer;
  bool quoted = false;
  std::size_t scanned = 0, last_end = 0;
  std::optional<domain::UserImportJob> job;
  std::vector<char> block(kPartBytes);
  for (bool eof = false; !eof;) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    eof = !in;
    buffer.append(block.data(), static_cast<std::size_t>(in.gcount()));
    for (; scanned < buffer.size(); ++scanned) {
      if (buffer[scanned] == '"') quoted = !quoted;
      if (!quoted && buffer[scanned] == '\n') last_end = scanned + 1;
    }
    const std::size_t cut = eof ? buffer.size() : last_end;
    if (cut == 0 && !eof) continue;  // no complete record yet: read more
    const std::string_view part(buffer.data(), cut);
    if (!job) {
      domain::StartImportRequest req{o.customer, o.usage_location, o.dry_run, false};
      job = OrFail(jobs.Start(ctx, req, part));
    } else {
      job = OrFail(jobs.AppendRows(ctx, job->id, part, false));
    }
    buffer.erase(0, cut);
    scanned -= cut;
    last_end = 0;
  }
  job = OrFail(jobs.AppendRows(ctx, job->id, "", true));
  std::fprintf(stderr, "job %s: %lld rows\n", job->id.c_str(),
               static_cast<long long>(job->total_rows));
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  a->import_worker().Start();
  // Polls often (the summary comes as soon as the job ends); plain lines every 2 s at most.
  auto last_line = std::chrono::steady_clock::now() - std::chrono::seconds(2);
  while (job->state != domain::ImportJobState::kCompleted) {
    if (tty || std::chrono::steady_clock::now() - last_line >= std::chrono::seconds(2)) {
      ShowProgress(*job, tty);
      last_line = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    job = OrFail(jobs.Get(ctx, job->id));
  }
  a->import_worker().Stop();
  ShowProgress(*job, tty);
  if (tty) std::fprintf(stderr, "\n");
  if (!o.dry_run) WritePasswords(*a, ctx, *job, passwords);
  // Failed rows, so that they can be fixed and sent again.
  std::int64_t after = 0;
  int shown = 0;
  for (bool more = true; more && shown < 20;) {
    auto page = OrFail(jobs.Results(ctx, job->id, after, 1000, false));
    for (const auto& r : page) {
      if (r.row.status == domain::ImportRowStatus::kFailed && shown++ < 20) {
        std::fprintf(stderr, "row %lld: %s\n", static_cast<long long>(r.row.row),
                     r.row.message.c_str());
      }
    }
    more = page.size() == 1000;
    if (!page.empty()) after = page.back().row.row;
  }
  const long long created = o.dry_run ? 0 : job->created_rows;
  const long long skipped = o.dry_run ? job->created_rows : 0;
  std::printf("created %lld, failed %lld, skipped %lld%s\n", created,
              static_cast<long long>(job->failed_rows), skipped,
              o.dry_run ? " (dry run: the valid rows were skipped)" : "");
  if (created > 0) std::printf("temporary passwords: %s (mode 0600)\n", passwords.c_str());
}

}  // namespace

void AddUserImportCommands(CLI::App& root) {
  CLI::App* users = root.add_subcommand("users", "A customer's users");
  users->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = users->add_subcommand("import", "Create users from a CSV file (bulk job)");
  AddCommonOptions(*cmd, o->common);
  cmd->add_option("--partner", o->partner, "Acting partner's tenant ID")->required();
  cmd->add_option("--customer", o->customer,
                  "Customer tenant ID for rows without a Customer ID column");
  cmd->add_option("file", o->file,
                  "CSV: First name, Last name, Display name, Email[, Customer ID, Usage "
                  "location]")
      ->required();
  cmd->add_option("--usage-location", o->usage_location, "Usage location for every row (US)");
  cmd->add_option("--passwords-file", o->passwords_file,
                  "Where the temporary passwords go (default FILE.passwords.csv, mode 0600)");
  cmd->add_flag("--dry-run", o->dry_run, "Validate every row, create nothing");
  cmd->callback([o] { RunImport(*o); });
}

}  // namespace csphub::cli
