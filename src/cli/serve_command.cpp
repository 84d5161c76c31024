// csphub serve: run the HTTP server until SIGINT or SIGTERM.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <optional>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "app/store_factory.hpp"
#include "cli/cli.hpp"
#include "http/server.hpp"

namespace csphub::cli {
namespace {

struct ServeOptions {
  CommonOptions common;
  std::string listen;
  std::optional<std::string> portal_dir;
  bool demo = false;
  bool allow_remote_demo = false;
};

void PrintDemoBanner(const std::string& url) {
  const auto& demo = app::Demo();
  std::printf("\ncsphub demo is running at %s\n\n", url.c_str());
  std::printf(
      "Operator: client_id=%s client_secret=%s (token: POST %s/operator/oauth2/v2.0/token)\n",
      demo.operator_client_id.c_str(), demo.operator_secret.c_str(), url.c_str());
  for (const auto& p : demo.partners) {
    std::printf("\n%s (%s, MPN %s, tenant %s)\n  app: client_id=%s client_secret=%s\n",
                p.name.c_str(), p.programs[0].c_str(), p.mpn_id.c_str(), p.tenant_id.c_str(),
                p.client_id.c_str(), p.client_secret.c_str());
    for (const auto& u : p.users) {
      std::printf("  %-14s %-45s %s\n", u.role.c_str(), u.user_principal_name.c_str(),
                  u.password.c_str());
    }
  }
  std::printf("\nAll the above as JSON: build/bin/csphub demo-credentials --output json\n\n");
  std::fflush(stdout);
}

void Serve(const ServeOptions& opts) {
  app::Config config = ResolveConfig(opts.common);
  if (!opts.listen.empty()) config.listen = opts.listen;
  if (opts.portal_dir) config.portal_dir = *opts.portal_dir;
  if (opts.demo) config.demo = true;
  if (opts.allow_remote_demo) config.demo_allow_remote = true;
  if (auto level = spdlog::level::from_str(config.log_level); true) spdlog::set_level(level);

  // Signals must be blocked before any thread starts, so that only WaitForStopSignal sees them.
  http::Server::BlockStopSignals();
  auto application = app::Application::Create(config);
  if (!application.ok())
    Fail(application.status().description() + " " + application.status().detail());
  auto& a = **application;
  if (config.demo) {
    Status seeded = app::SeedDemo(a);
    if (!seeded.ok()) Fail("demo data: " + seeded.description() + " " + seeded.detail());
  }
  auto port = a.Start();
  if (!port.ok()) Fail(port.status().description());
  const std::string url = "http://" + config.host() + ":" + std::to_string(*port);
  spdlog::info("{{\"event\":\"listening\",\"url\":\"{}\",\"database\":\"{}\"}}", url,
               app::RedactedDatabase(config.database));
  if (config.demo) PrintDemoBanner(url);
  a.WaitForStopSignal();
  // (No arguments: spdlog prints the text as is, so no brace doubling here.)
  spdlog::info("{\"event\":\"stopped\"}");
}

}  // namespace

void AddServeCommand(CLI::App& root) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = root.add_subcommand("serve", "Run the HTTP API server");
  AddCommonOptions(*cmd, opts->common);
  cmd->add_option("--listen", opts->listen, "HOST:PORT to listen on (port 0: any free port)");
  cmd->add_option("--portal-dir", opts->portal_dir,
                  "Directory of the built portal, served at / (empty: serve the API only)");
  cmd->add_flag("--demo", opts->demo, "Seed the deterministic demo data set");
  cmd->add_flag("--allow-remote-demo", opts->allow_remote_demo,
                "Allow --demo on a non-loopback address");
  cmd->callback([opts] { Serve(*opts); });
}

}  // namespace csphub::cli
