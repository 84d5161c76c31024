#pragma once
// The fixture the customer-user and license API tests share: a test server, the demo partners'
// tokens, and helpers for /v1/customers/{id}/users. The demo's Litware (customer [2]) is the
// provider's own customer, with delegated admin for the provider only.
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace csphub::testing {

inline const std::string& DemoCustomerId(std::size_t i) {
  return app::Demo().customers[i].tenant_id;
}
constexpr std::size_t kLitware = 2;  // provider's own, domain litware.onmicrosoft.com

// A user body; `extra` adds members (",\"usageLocation\":\"US\"").
inline std::string UserJson(const std::string& upn, const std::string& extra = "") {
  return R"({"userPrincipalName":")" + upn + R"(","displayName":"User )" + upn +
         R"(","firstName":"Ann","lastName":"Lee")" + extra + "}";
}

class DirectoryApiBase : public ::testing::Test {
 protected:
  static std::string Users(std::size_t customer = kLitware) {
    return "/v1/customers/" + DemoCustomerId(customer) + "/users";
  }
  // Creates a user that must exist afterwards; returns its ID.
  std::string CreateUser(const std::string& local,
                         const std::string& extra = R"(,"usageLocation":"US")",
                         std::size_t customer = kLitware) {
    auto res = server_.Post(provider_, Users(customer), UserJson(Upn(local, customer), extra));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }
  static std::string Upn(const std::string& local, std::size_t customer = kLitware) {
    return local + "@" + app::Demo().customers[customer].domain;
  }
  // The error's "status code" ("201 " when it succeeded).
  static std::string Outcome(const httplib::Result& res) {
    if (!res) return "no answer";
    return std::to_string(res->status) + " " + JsonField(res->body, "/code");
  }
  int Count(const std::string& path) {
    auto res = server_.Get(provider_, path);
    return res && res->status == 200 ? std::stoi(JsonField(res->body, "/totalCount")) : -1;
  }

  TestServer server_;
  std::string provider_ = server_.UserToken(kProvider, kAdminAgent);
  std::string reseller_ = server_.UserToken(kReseller, kAdminAgent);
  std::string other_ = server_.UserToken(kOtherReseller, kGlobalAdmin);
};

}  // namespace csphub::testing
