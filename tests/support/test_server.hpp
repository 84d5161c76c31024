#pragma once
// A real csphub server for API tests: the production Application on 127.0.0.1, port 0, with a
// fresh database (a SQLite file in a temp directory, or PostgreSQL: support/test_database.hpp)
// and the demo data set seeded. Requests go over real sockets with cpp-httplib.
#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "support/test_database.hpp"

namespace csphub::testing {

// Indexes into app::Demo().partners.
enum DemoPartner { kProvider = 0, kReseller = 1, kOtherReseller = 2, kDirect = 3 };
// Indexes into a demo partner's users.
enum DemoRole { kGlobalAdmin = 0, kAdminAgent = 1, kSalesAgent = 2, kHelpdeskAgent = 3 };

// The demo data set's partner `p`.
inline const app::DemoPartner& DemoOf(DemoPartner p) { return app::Demo().partners[p]; }

std::string TempDir();

class TestServer {
 public:
  explicit TestServer(const std::function<void(app::Config&)>& tweak = {});
  ~TestServer();

  std::uint16_t port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  app::Application& app() { return *app_; }
  // The server's clock is a ManualClock starting at the real time: tests move it forward.
  void Advance(std::chrono::seconds by) { clock_->Advance(by); }
  httplib::Client Client() const;

  // Password-grant token of a demo user; empty on failure.
  std::string UserToken(DemoPartner partner, DemoRole role);
  std::string Token(const std::string& tenant, const std::string& username,
                    const std::string& password);
  std::string AppToken(DemoPartner partner);
  // A customer user's token through the public portal client; empty on failure.
  std::string CustomerToken(const std::string& tenant, const std::string& username,
                            const std::string& password);
  std::string OperatorToken();

  // Authenticated requests.
  httplib::Result Get(const std::string& token, const std::string& path,
                      httplib::Headers headers = {});
  httplib::Result Post(const std::string& token, const std::string& path, const std::string& body,
                       httplib::Headers headers = {});
  httplib::Result Patch(const std::string& token, const std::string& path, const std::string& body,
                        httplib::Headers headers = {});
  httplib::Result Put(const std::string& token, const std::string& path, const std::string& body,
                      httplib::Headers headers = {});
  httplib::Result Delete(const std::string& token, const std::string& path);
  httplib::Result Head(const std::string& token, const std::string& path);

 private:
  std::string dir_;
  TestDatabase db_{dir_};
  ManualClock* clock_ = nullptr;  // owned by app_
  std::unique_ptr<app::Application> app_;
  std::uint16_t port_ = 0;
};

// Parses a JSON response body (nlohmann, fine for tests).
std::string JsonField(const std::string& body, const std::string& pointer);

}  // namespace csphub::testing
