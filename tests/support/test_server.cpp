#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <cstdlib>
#include <filesystem>

namespace csphub::testing {

std::string TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "csphub-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  if (made == nullptr) throw std::runtime_error("mkdtemp failed");
  return made;
}

TestServer::TestServer(const std::function<void(app::Config&)>& tweak) : dir_(TempDir()) {
  app::Config config;
  config.listen = "127.0.0.1:0";
  config.database = db_.url();
  config.threads = 4;
  config.db_readers = 2;
  config.log_level = "warn";
  // The weakest argon2id settings libsodium allows: tests hash many passwords.
  config.argon2_ops_limit = 1;
  config.argon2_mem_limit_kib = 8;
  config.portal_dir.clear();  // the API alone; the portal tests point it at files of their own
  if (tweak) tweak(config);
  auto clock = std::make_unique<ManualClock>(std::chrono::system_clock::now());
  clock_ = clock.get();
  auto a = app::Application::Create(config, std::move(clock));
  if (!a.ok()) throw std::runtime_error("Application::Create: " + a.status().description());
  app_ = std::move(a).value();
  Status seeded = app::SeedDemo(*app_);
  if (!seeded.ok()) throw std::runtime_error("SeedDemo: " + seeded.description() + seeded.detail());
  auto port = app_->Start();
  if (!port.ok()) throw std::runtime_error("Start: " + port.status().description());
  port_ = *port;
}

TestServer::~TestServer() {
  app_->Stop();
  app_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

httplib::Client TestServer::Client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_keep_alive(true);
  c.set_read_timeout(30, 0);
  return c;
}

std::string TestServer::Token(const std::string& tenant, const std::string& username,
                              const std::string& password) {
  const auto& demo = app::Demo();
  const app::DemoPartner* owner = &demo.partners[0];
  for (const auto& p : demo.partners) {
    if (p.tenant_id == tenant || p.domain == tenant) owner = &p;
  }
  httplib::Params form{{"grant_type", "password"},
                       {"client_id", owner->client_id},
                       {"client_secret", owner->client_secret},
                       {"username", username},
                       {"password", password},
                       {"scope", "https://api.partnercenter.microsoft.com/.default"}};
  auto res = Client().Post("/" + tenant + "/oauth2/v2.0/token", form);
  if (!res || res->status != 200) return "";
  return JsonField(res->body, "/access_token");
}

std::string TestServer::UserToken(DemoPartner partner, DemoRole role) {
  const auto& p = app::Demo().partners[partner];
  return Token(p.tenant_id, p.users[role].user_principal_name, p.users[role].password);
}

std::string TestServer::AppToken(DemoPartner partner) {
  const auto& p = app::Demo().partners[partner];
  httplib::Params form{{"grant_type", "client_credentials"},
                       {"client_id", p.client_id},
                       {"client_secret", p.client_secret}};
  auto res = Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", form);
  return res && res->status == 200 ? JsonField(res->body, "/access_token") : "";
}

std::string TestServer::CustomerToken(const std::string& tenant, const std::string& username,
                                      const std::string& password) {
  httplib::Params form{{"grant_type", "password"},
                       {"client_id", "csphub-portal"},
                       {"username", username},
                       {"password", password}};
  auto res = Client().Post("/" + tenant + "/oauth2/v2.0/token", form);
  return res && res->status == 200 ? JsonField(res->body, "/access_token") : "";
}

std::string TestServer::OperatorToken() {
  const auto& d = app::Demo();
  httplib::Params form{{"grant_type", "client_credentials"},
                       {"client_id", d.operator_client_id},
                       {"client_secret", d.operator_secret}};
  auto res = Client().Post("/operator/oauth2/v2.0/token", form);
  return res && res->status == 200 ? JsonField(res->body, "/access_token") : "";
}

namespace {
httplib::Headers WithAuth(const std::string& token, httplib::Headers headers) {
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return headers;
}
}  // namespace

httplib::Result TestServer::Get(const std::string& token, const std::string& path,
                                httplib::Headers headers) {
  return Client().Get(path, WithAuth(token, std::move(headers)));
}
httplib::Result TestServer::Post(const std::string& token, const std::string& path,
                                 const std::string& body, httplib::Headers headers) {
  return Client().Post(path, WithAuth(token, std::move(headers)), body, "application/json");
}
httplib::Result TestServer::Patch(const std::string& token, const std::string& path,
                                  const std::string& body, httplib::Headers headers) {
  return Client().Patch(path, WithAuth(token, std::move(headers)), body, "application/json");
}
httplib::Result TestServer::Put(const std::string& token, const std::string& path,
                                const std::string& body, httplib::Headers headers) {
  return Client().Put(path, WithAuth(token, std::move(headers)), body, "application/json");
}
httplib::Result TestServer::Delete(const std::string& token, const std::string& path) {
  return Client().Delete(path, WithAuth(token, {}));
}
httplib::Result TestServer::Head(const std::string& token, const std::string& path) {
  return Client().Head(path, WithAuth(token, {}));
}

std::string JsonField(const std::string& body, const std::string& pointer) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  if (d.HasParseError()) return "";
  const rapidjson::Value* v = rapidjson::Pointer(pointer.c_str()).Get(d);
  if (v == nullptr) return "";
  if (v->IsString()) return v->GetString();
  if (v->IsBool()) return v->GetBool() ? "true" : "false";
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  return "";
}

}  // namespace csphub::testing
