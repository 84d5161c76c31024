#pragma once
// `csphub` subcommands. Each one enters at the service layer with its own call context, so
// admin commands obey the same rules as HTTP calls.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "app/application.hpp"
#include "app/config.hpp"
#include "domain/call_context.hpp"

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

// The application on the configured database (no server started); exits on error.
std::unique_ptr<app::Application> OpenApplication(const CommonOptions& opts);
// The CLI acts for a partner as its Global admin: it runs on the server with the database in
// hand, and the activity log records it as the CLI.
domain::CallContext PartnerAdminContext(const std::string& tenant_id);

// The value, or exit with the error's description.
template <typename T>
T OrFail(Result<T> r) {
  if (!r.ok()) Fail(r.status().description());
  return std::move(r).value();
}

void AddServeCommand(CLI::App& root);
void AddAdminCommands(CLI::App& root);
void AddCustomerCommands(CLI::App& root);
void AddCatalogCommands(CLI::App& root);
void AddCommerceCommands(CLI::App& root);

int Run(int argc, char** argv);

}  // namespace csphub::cli
