#pragma once
// The csphub binary as a child process, for tests that need a real `csphub` process: a restart
// after kill -9, a second server node, a CLI command.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace csphub::testing {

// A loopback port that was free a moment ago (0 on failure).
std::uint16_t FreePort();
// Spawns CSPHUB_BINARY with args and weak argon2 settings (tests hash many passwords); stdout
// goes to out_path (or /dev/null), stderr is appended to err_path. Returns the pid, -1 on failure.
pid_t Spawn(const std::vector<std::string>& args, const std::string& out_path,
            const std::string& err_path);
// Waits for pid with a deadline; returns the wait status or -1 on timeout.
int WaitFor(pid_t pid, std::chrono::milliseconds limit);
std::string ReadFile(const std::string& path);
// Spawns `csphub serve --database DATABASE --listen 127.0.0.1:PORT` and waits up to 10 s for
// /healthz. Returns the pid, or -1 with `error` saying why (its stderr included).
pid_t StartServe(const std::string& database, std::uint16_t port, const std::string& err_path,
                 std::string* error);

}  // namespace csphub::testing
