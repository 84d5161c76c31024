#pragma once
// `csphub serve` as a real child process, for the tests that kill it: start it on a free
// loopback port, wait for /healthz, kill -9 it, start it again on the same database.
#include <httplib.h>
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace csphub::testing {

std::uint16_t FreePort();
// The csphub binary of this build: beside the test executable (CMake puts every executable in
// build/bin), so no build path is compiled into the tests and ccache can share their objects
// between clones.
const std::string& CsphubBinary();
// Spawns CsphubBinary() with `args` (fast argon2, warn-level logs); stdout to `out_path`, stderr
// appended to `err_path`. -1 on failure.
pid_t SpawnCsphub(const std::vector<std::string>& args, const std::string& out_path,
                  const std::string& err_path);
std::string ReadFile(const std::string& path);
// Waits for `pid` with a deadline; the wait status, or -1 on timeout.
int WaitFor(pid_t pid, std::chrono::milliseconds limit);

class ServerProcess {
 public:
  // `dir` holds the stderr log; `serve_args` come after "serve --listen 127.0.0.1:PORT".
  ServerProcess(std::string dir, std::vector<std::string> serve_args)
      : dir_(std::move(dir)), args_(std::move(serve_args)) {}
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts and waits for /healthz (10 s); a gtest failure otherwise (use ASSERT_NO_FATAL_FAILURE).
  void Start();
  // SIGKILL, reaped; a gtest failure if it was not running or did not die of the signal.
  void Kill9();
  httplib::Client Client() const;
  pid_t pid() const { return pid_; }
  void Forget() { pid_ = -1; }  // it exited on its own and was reaped
  std::string Log() const { return ReadFile(dir_ + "/stderr.log"); }

 private:
  std::string dir_;
  std::vector<std::string> args_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace csphub::testing
