#pragma once
// `csphub` subcommands. Each one enters at the service layer with its own call context, so
// admin commands obey the same rules as HTTP calls.
#include <CLI/CLI.hpp>

#include <string>

#include "app/config.hpp"

namespace csphub::cli {

// Options every command that opens the database shares.
struct CommonOptions {
  std::string config_file;
  std::string database;
  std::string output = "text";  // text | json
};

void AddCommonOptions(CLI::App& cmd, CommonOptions& opts);
// File, then environment, then the flags given; validated. Exits with a message on error.
app::Config ResolveConfig(const CommonOptions& opts);
bool Json(const CommonOptions& opts);
[[noreturn]] void Fail(const std::string& message);

void AddServeCommand(CLI::App& root);
void AddAdminCommands(CLI::App& root);

int Run(int argc, char** argv);

}  // namespace csphub::cli
