#pragma once
// Runs the csphub binary as a real process, for the CLI tests.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "support/server_process.hpp"

namespace csphub::testing {

struct CliResult {
  int exit_code = -1;
  std::string output;  // standard output, and standard error too when asked for
};

// `csphub ARGS` through the shell (quote arguments accordingly).
inline CliResult RunCli(const std::string& args, bool with_stderr = true) {
  const std::string command =
      CsphubBinary() + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CliResult r;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) r.output.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace csphub::testing
