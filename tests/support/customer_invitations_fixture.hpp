#pragma once
// What the customer-invitation API tests share: paths, link parsing, request bodies, and a
// fixture that signs in partners and customer admins.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/customer_requests.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {

inline constexpr const char* kLinkPath = "/v1/customers/relationshiprequests";
inline constexpr const char* kPreviewPath = "/v1/customertenant/invitations/preview";
inline constexpr const char* kAcceptPath = "/v1/customertenant/invitations/accept";
inline constexpr const char* kDeclinePath = "/v1/customertenant/invitations/decline";
inline constexpr const char* kPartnersPath = "/v1/customertenant/partners";
inline constexpr const char* kSignUpPath = "/v1/invitations/signup";
inline constexpr const char* kNewPassword = "Customer!Pass-2026";

// The query of an invitation link ("invType=…&partnerId=…"), read from its fragment.
inline std::string LinkQuery(const std::string& url) {
  const auto at = url.find("#/customer-invitations?");
  return at == std::string::npos ? ""
                                 : url.substr(at + std::string("#/customer-invitations?").size());
}

// The link's fields as the JSON members of accept / decline / signup (values as strings).
inline std::string LinkFields(const std::string& url) {
  std::string members;
  std::string query = LinkQuery(url);
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    const auto eq = pair.find('=');
    if (!members.empty()) members += ",";
    members += "\"" + pair.substr(0, eq) + "\":\"" + pair.substr(eq + 1) + "\"";
    start = end + 1;
  }
  return members;
}

inline std::string InvitationBody(const std::string& url) { return "{" + LinkFields(url) + "}"; }

// A signup body: the link's fields, a POST /v1/customers body, and the admin's password.
inline std::string SignUpBody(const std::string& url, const CustomerFields& company,
                              const std::string& password) {
  std::string customer = CustomerJson(company);  // {"companyProfile":…,"billingProfile":…}
  return "{" + LinkFields(url) + ",\"password\":\"" + password + "\"," + customer.substr(1);
}

// How many `operation` records the caller's activity log holds (-1 when it cannot be read).
inline int CountAuditRecords(TestServer& server, const std::string& token,
                             const std::string& operation) {
  auto res = server.Get(token, "/v1/auditrecords?size=1000");
  if (!res || res->status != 200) return -1;
  int n = 0;
  const std::string needle = "\"operationType\":\"" + operation + "\"";
  for (auto at = res->body.find(needle); at != std::string::npos;
       at = res->body.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

struct NewCustomer {
  std::string id;
  std::string admin;     // admin@<domain>
  std::string password;  // temporary
};

// Each test file derives its own fixture from this one (gtest wants one class per suite name).
class CustomerInvitationsApiBase : public ::testing::Test {
 protected:
  // A partner's invitation link; empty (and the test failed) unless 200.
  std::string Link(const std::string& token, const std::string& query = "") {
    auto res = server_.Get(token, std::string(kLinkPath) + query);
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 200) << res->body;
    return JsonField(res->body, "/url");
  }

  NewCustomer Create(const std::string& token, CustomerFields f) {
    auto res = server_.Post(token, "/v1/customers", CustomerJson(f));
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 201) << res->body;
    return {JsonField(res->body, "/id"), JsonField(res->body, "/userCredentials/userName"),
            JsonField(res->body, "/userCredentials/password")};
  }

  // A customer made by the direct partner, whose admin has replaced the temporary password.
  std::string AdminToken(const NewCustomer& c) {
    const std::string temporary = server_.CustomerToken(c.id, c.admin, c.password);
    EXPECT_FALSE(temporary.empty());
    auto changed = server_.Post(
        temporary, "/v1/me/password",
        R"({"currentPassword":")" + c.password + R"(","newPassword":")" + kNewPassword + R"("})");
    EXPECT_TRUE(changed);
    if (changed) {
      EXPECT_EQ(changed->status, 204) << changed->body;
    }
    return server_.CustomerToken(c.id, c.admin, kNewPassword);
  }

  CustomerFields Company(const std::string& domain, const std::string& name) {
    CustomerFields f;
    f.domain = domain;
    f.company_name = name;
    return f;
  }

  std::string Accept(const std::string& token, const std::string& url, int expected = 200) {
    auto res = server_.Post(token, kAcceptPath, InvitationBody(url));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, expected) << res->body;
    return res->body;
  }

  int StatusOf(const httplib::Result& res) { return res ? res->status : -1; }

  int AuditCount(const std::string& token, const std::string& operation) {
    return CountAuditRecords(server_, token, operation);
  }

  std::string ListFilter(const std::string& field, const std::string& value) {
    const std::string filter = R"({"Field":")" + field + R"(","Value":")" + value + R"("})";
    return "/v1/customers?filter=" + httplib::detail::encode_query_param(filter);
  }

  TestServer server_;
  std::string direct_ = server_.UserToken(kDirect, kGlobalAdmin);
  std::string provider_ = server_.UserToken(kProvider, kGlobalAdmin);
  std::string reseller_ = server_.UserToken(kReseller, kAdminAgent);
  std::string public_url_ = server_.app().config().public_url;
};

}  // namespace csphub::testing
