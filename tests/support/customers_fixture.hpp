#pragma once
// The fixture the /v1/customers API tests share.
#include <gtest/gtest.h>

#include <string>

#include "support/customer_requests.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {

// A test server with a token per demo partner, and small helpers for /v1/customers. Each test
// file derives its own fixture from it (gtest wants one class per suite name).
class CustomersApiBase : public ::testing::Test {
 protected:
  // Creates a customer; returns its ID (empty on failure, with the test failed).
  std::string Create(const std::string& token, const CustomerFields& f) {
    auto res = server_.Post(token, "/v1/customers", CustomerJson(f));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }
  CustomerFields Named(const std::string& domain, const std::string& name) {
    CustomerFields f;
    f.domain = domain;
    f.company_name = name;
    return f;
  }
  int Count(const std::string& token, const std::string& query = "") {
    auto res = server_.Get(token, "/v1/customers?size=500" + query);
    return res && res->status == 200 ? std::stoi(JsonField(res->body, "/totalCount")) : -1;
  }

  TestServer server_;
  std::string direct_ = server_.UserToken(kDirect, kGlobalAdmin);
  std::string provider_ = server_.UserToken(kProvider, kAdminAgent);
  std::string reseller_ = server_.UserToken(kReseller, kAdminAgent);
  std::string other_ = server_.UserToken(kOtherReseller, kAdminAgent);
};

}  // namespace csphub::testing
