#pragma once
// What the transfer API tests share: the commerce fixture with Global admin tokens (only a
// Global admin changes transfers), paths, and giving a partner a relationship with a demo
// customer the way production does it: the partner's invitation link, accepted by the
// customer's admin.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/commerce_fixture.hpp"
#include "support/customer_invitations_fixture.hpp"

namespace csphub::testing {

// Demo customers of the direct-bill partner by index (app::Demo().customers).
constexpr std::size_t kDirectsOther = 4;

class TransfersApiBase : public CommerceApiBase {
 protected:
  static std::string Transfers(std::size_t customer) {
    return "/v1/customers/" + CustomerId(customer) + "/transfers";
  }
  static std::string TransferPath(std::size_t customer, const std::string& id) {
    return Transfers(customer) + "/" + id;
  }

  // `partner` gets a reseller relationship with the demo customer: its link, accepted by the
  // customer's admin.
  void Relate(const std::string& partner_token, std::size_t customer) {
    auto link = server_.Get(partner_token, kLinkPath);
    ASSERT_TRUE(link);
    ASSERT_EQ(link->status, 200) << link->body;
    const auto& c = app::Demo().customers[customer];
    const std::string admin =
        server_.CustomerToken(c.tenant_id, c.admin_user_principal_name, c.admin_password);
    ASSERT_FALSE(admin.empty());
    auto accepted = server_.Post(admin, kAcceptPath, InvitationBody(JsonField(link->body, "/url")));
    ASSERT_TRUE(accepted);
    ASSERT_EQ(accepted->status, 200) << accepted->body;
  }

  // The body of POST …/transfers to `target`, one line per subscription; `extra` is added to
  // each line ({"subscriptionId":"…"<extra>}).
  static std::string TransferBody(const std::string& target, const std::vector<std::string>& subs,
                                  const std::string& extra = "") {
    std::string body = R"({"targetPartnerTenantId":")" + target + R"(","lineItems":[)";
    for (std::size_t i = 0; i < subs.size(); ++i) {
      body += (i ? "," : "") + std::string(R"({"subscriptionId":")") + subs[i] + "\"" + extra + "}";
    }
    return body + "]}";
  }

  httplib::Result Offer(const std::string& token, std::size_t customer, const std::string& target,
                        const std::vector<std::string>& subs, const std::string& extra = "") {
    return server_.Post(token, Transfers(customer), TransferBody(target, subs, extra));
  }
  // Creates a transfer that must succeed; returns its ID.
  std::string Create(const std::string& token, std::size_t customer, const std::string& target,
                     const std::vector<std::string>& subs, const std::string& extra = "") {
    auto res = Offer(token, customer, target, subs, extra);
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }
  httplib::Result Accept(const std::string& token, std::size_t customer, const std::string& id) {
    return server_.Post(token, TransferPath(customer, id) + "/accept", "");
  }
  // The transfer's status as `token` reads it ("<404>" when it cannot).
  std::string StatusAs(const std::string& token, std::size_t customer, const std::string& id) {
    auto res = server_.Get(token, TransferPath(customer, id));
    if (!res) return "<none>";
    if (res->status != 200) return "<" + std::to_string(res->status) + ">";
    return JsonField(res->body, "/status");
  }
  // "status code" of an answer, e.g. "409 700210".
  static std::string Error(const httplib::Result& res) {
    if (!res) return "<no answer>";
    return std::to_string(res->status) + " " + JsonField(res->body, "/code");
  }
  int AuditCount(const std::string& token, const std::string& operation) {
    return CountAuditRecords(server_, token, operation);
  }

  void RefreshTokens() {
    provider_admin_ = server_.UserToken(kProvider, kGlobalAdmin);
    direct_admin_ = server_.UserToken(kDirect, kGlobalAdmin);
    reseller_admin_ = server_.UserToken(kReseller, kGlobalAdmin);
  }

  const std::string& provider_id_ = DemoOf(kProvider).tenant_id;
  const std::string& direct_id_ = DemoOf(kDirect).tenant_id;
  std::string provider_admin_ = server_.UserToken(kProvider, kGlobalAdmin);
  std::string direct_admin_ = server_.UserToken(kDirect, kGlobalAdmin);
  std::string reseller_admin_ = server_.UserToken(kReseller, kGlobalAdmin);
};

}  // namespace csphub::testing
