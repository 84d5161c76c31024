#pragma once
// The fixture the orders and subscriptions API tests share: a test server whose demo customers
// [0] (the provider's, for the partnered reseller), [2] (the provider's own) and [3] (the
// direct partner's) have a confirmed customer agreement, and helpers to order and patch.
#include <gtest/gtest.h>

#include <string>

#include "support/customer_requests.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {

// Offers of the demo catalog (catalog/demo-catalog.json).
inline const std::string kBusinessBasic = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4001";  // 1..300
inline const std::string kE3 = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004";             // 1..10000
inline const std::string kPhoneSystem = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4005";    // E3 add-on
inline const std::string kAzurePlan = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4009";      // no term
inline const std::string kBasicCatalogItem = "CFQ7TTC0HB01:0001:DZH318Z0HB1A";
// Demo customers by index (app::Demo().customers).
constexpr std::size_t kResold = 0;                   // the provider's, for the reseller (Contoso)
constexpr std::size_t kResoldWithSubscriptions = 1;  // the demo's Wingtip Toys: 2 bought
constexpr std::size_t kProvidersOwn = 2;             // the provider's own
constexpr std::size_t kDirectsOwn = 3;               // the direct-bill partner's

inline const std::string& CustomerId(std::size_t i) { return app::Demo().customers[i].tenant_id; }

// One order line as JSON; `extra` adds members (",\"termDuration\":\"P1Y\"").
inline std::string Line(const std::string& offer, int quantity, const std::string& extra = "") {
  return R"({"offerId":")" + offer + R"(","quantity":)" + std::to_string(quantity) + extra + "}";
}

inline std::string OrderBody(const std::vector<std::string>& lines) {
  std::string body = R"({"lineItems":[)";
  for (std::size_t i = 0; i < lines.size(); ++i) body += (i ? "," : "") + lines[i];
  return body + "]}";
}

class CommerceApiBase : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto [token, customer] :
         {std::pair{&provider_, kResold}, {&provider_, kProvidersOwn}, {&direct_, kDirectsOwn}}) {
      auto res = server_.Post(*token, "/v1/customers/" + CustomerId(customer) + "/agreements",
                              R"({"primaryContact":{"firstName":"Megan","lastName":"Bowen",)"
                              R"("email":"megan@customer.example"},"dateAgreed":"2024-01-15"})");
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 201) << res->body;
    }
  }

  static std::string Orders(std::size_t customer) {
    return "/v1/customers/" + CustomerId(customer) + "/orders";
  }
  static std::string Subscriptions(std::size_t customer) {
    return "/v1/customers/" + CustomerId(customer) + "/subscriptions";
  }
  static std::string Subscription(std::size_t customer, const std::string& id) {
    return Subscriptions(customer) + "/" + id;
  }

  // A new customer of the caller's, without an agreement; returns its ID.
  std::string NewCustomer(const std::string& token, const std::string& domain) {
    CustomerFields f;
    f.domain = domain;
    f.company_name = domain + " Ltd";
    auto res = server_.Post(token, "/v1/customers", CustomerJson(f));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }

  // Places an order that must succeed; returns its body.
  std::string Order(const std::string& token, std::size_t customer,
                    const std::vector<std::string>& lines) {
    auto res = server_.Post(token, Orders(customer), OrderBody(lines));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return res->body;
  }
  // Orders one line and returns the new subscription's ID.
  std::string Buy(const std::string& token, std::size_t customer, const std::string& offer,
                  int quantity, const std::string& extra = "") {
    return JsonField(Order(token, customer, {Line(offer, quantity, extra)}),
                     "/lineItems/0/subscriptionId");
  }
  // The order request's error: status and code ("" when it succeeded).
  std::pair<int, std::string> OrderError(const std::string& token, std::size_t customer,
                                         const std::vector<std::string>& lines) {
    auto res = server_.Post(token, Orders(customer), OrderBody(lines));
    if (!res) return {0, ""};
    if (res->status == 201) return {201, ""};
    return {res->status,
            JsonField(res->body, "/code") + " " + JsonField(res->body, "/description")};
  }
  // PATCH with the subscription's current etag.
  httplib::Result PatchSub(const std::string& token, std::size_t customer, const std::string& id,
                           const std::string& body) {
    auto cur = server_.Get(token, Subscription(customer, id));
    const std::string etag =
        cur && cur->status == 200 ? JsonField(cur->body, "/attributes/etag") : "0";
    return server_.Patch(token, Subscription(customer, id), body, {{"If-Match", etag}});
  }
  int SubscriptionCount(const std::string& token, std::size_t customer,
                        const std::string& query = "") {
    auto res = server_.Get(token, Subscriptions(customer) + query);
    return res && res->status == 200 ? std::stoi(JsonField(res->body, "/totalCount")) : -1;
  }

  // Moves the server's clock; the tokens, which would have expired, are fetched again.
  void Advance(std::chrono::hours by) {
    server_.Advance(by);
    provider_ = server_.UserToken(kProvider, kAdminAgent);
    reseller_ = server_.UserToken(kReseller, kAdminAgent);
    other_ = server_.UserToken(kOtherReseller, kGlobalAdmin);
    direct_ = server_.UserToken(kDirect, kGlobalAdmin);
  }

  TestServer server_;
  std::string provider_ = server_.UserToken(kProvider, kAdminAgent);
  std::string reseller_ = server_.UserToken(kReseller, kAdminAgent);
  std::string other_ = server_.UserToken(kOtherReseller, kGlobalAdmin);
  std::string direct_ = server_.UserToken(kDirect, kGlobalAdmin);
};

}  // namespace csphub::testing
