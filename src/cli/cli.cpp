#include "cli/cli.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>

#include "common/ids.hpp"

namespace csphub::cli {

void AddCommonOptions(CLI::App& cmd, CommonOptions& opts) {
  cmd.add_option("--config", opts.config_file, "JSON config file (see docs/configuration.md)");
  cmd.add_option("--database", opts.database,
                 "SQLite database file, or postgresql://user@host:port/db");
  cmd.add_option("--output", opts.output, "text or json")->check(CLI::IsMember({"text", "json"}));
}

app::Config ResolveConfig(const CommonOptions& opts) {
  app::Config config;
  if (!opts.config_file.empty()) {
    Status st = app::LoadConfigFile(opts.config_file, config);
    if (!st.ok()) Fail(st.description());
  }
  Status st = app::LoadConfigEnv(config);
  if (!st.ok()) Fail(st.description());
  if (!opts.database.empty()) config.database = opts.database;
  return config;
}

std::unique_ptr<app::Application> OpenApplication(const CommonOptions& opts) {
  auto a = app::Application::Create(ResolveConfig(opts));
  if (!a.ok()) Fail(a.status().description() + " " + a.status().detail());
  return std::move(a).value();
}

domain::CallContext PartnerAdminContext(const std::string& tenant_id) {
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kPartnerUser;
  ctx.tenant_id = ToLower(tenant_id);
  ctx.subject_id = "cli";
  ctx.user_principal_name = "operator (cli)";
  ctx.roles = domain::RoleSet{domain::Role::kGlobalAdmin};
  return ctx;
}

bool Json(const CommonOptions& opts) { return opts.output == "json"; }

void Fail(const std::string& message) {
  std::fprintf(stderr, "csphub: %s\n", message.c_str());
  std::exit(2);
}

int Run(int argc, char** argv) {
  CLI::App root{"csphub: a self-hostable partner center for two-tier cloud channel sales"};
  root.require_subcommand(1);
  AddServeCommand(root);
  AddAdminCommands(root);
  AddCustomerCommands(root);
  AddCatalogCommands(root);
  AddCommerceCommands(root);
  AddUserImportCommands(root);
  // Logs go to stderr, so that data printed on stdout stays machine-readable.
  spdlog::set_default_logger(spdlog::stderr_color_mt("csphub"));
  spdlog::set_pattern("%v");
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return root.exit(e);
  }
  return 0;
}

}  // namespace csphub::cli
