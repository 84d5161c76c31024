// Every refusal of POST /v1/customers/{id}/transfers over real sockets, with its status and
// code, and the JSON path it names (issue 4; reference §2.10). A refused transfer creates
// nothing.
#include <gtest/gtest.h>

#include "support/transfers_fixture.hpp"

namespace csphub::testing {
namespace {

class TransferRefusalsApiTest : public TransfersApiBase {
 protected:
  // Expects the create request to fail with "status code", its description naming `path`.
  void ExpectRefused(const std::string& token, std::size_t customer, const std::string& body,
                     const std::string& error, const std::string& path = "") {
    SCOPED_TRACE(body);
    auto res = server_.Post(token, Transfers(customer), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(Error(res), error) << res->body;
    if (!path.empty()) {
      EXPECT_NE(JsonField(res->body, "/description").find(path), std::string::npos) << res->body;
    }
  }
};

TEST_F(TransferRefusalsApiTest, TheBodyIsCheckedFieldByField) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const auto refused = [&](const std::string& body, const std::string& error,
                           const std::string& path) {
    ExpectRefused(provider_admin_, kProvidersOwn, body, error, path);
  };
  refused(R"({"lineItems":[{"subscriptionId":")" + a + R"("}]})", "400 800002",
          "targetPartnerTenantId");
  refused(TransferBody("not-a-guid", {a}), "400 800002", "targetPartnerTenantId");
  refused(TransferBody(provider_id_, {a}), "400 800002", "targetPartnerTenantId");
  refused(TransferBody("00000000-0000-4000-8000-00000000abcd", {a}), "400 800002",
          "targetPartnerTenantId");
  refused(R"({"sourcePartnerTenantId":")" + direct_id_ + R"(",)" +
              TransferBody(direct_id_, {a}).substr(1),
          "400 800002", "sourcePartnerTenantId");
  refused(TransferBody(direct_id_, {}), "400 800002", "lineItems");
  refused(R"({"targetPartnerTenantId":")" + direct_id_ + R"(","lineItems":{}})", "400 800002",
          "lineItems");
  refused(TransferBody(direct_id_, {""}), "400 800002", "lineItems[0].subscriptionId");
  refused(TransferBody(direct_id_, {a, a}), "400 800002", "lineItems[1].subscriptionId");
  std::vector<std::string> many(51, a);
  refused(TransferBody(direct_id_, many), "400 800002", "lineItems");
  // The source given explicitly is fine when it is the caller.
  auto explicit_source = server_.Post(provider_admin_, Transfers(kProvidersOwn),
                                      R"({"sourcePartnerTenantId":")" + provider_id_ + R"(",)" +
                                          TransferBody(direct_id_, {a}).substr(1));
  ASSERT_TRUE(explicit_source);
  EXPECT_EQ(explicit_source->status, 201) << explicit_source->body;
}

TEST_F(TransferRefusalsApiTest, TheTargetMustBeASellingPartnerRelatedToTheCustomer) {
  const std::string a = Buy(provider_admin_, kResold, kE3, 2);
  // Tailspin has no relationship with the customer yet.
  ExpectRefused(provider_admin_, kResold, TransferBody(direct_id_, {a}), "403 20002",
                "targetPartnerTenantId");
  // Contoso has one, but an indirect reseller sells nothing itself.
  ExpectRefused(provider_admin_, kResold, TransferBody(DemoOf(kReseller).tenant_id, {a}),
                "400 700204", "targetPartnerTenantId");
  // A relationship the target removed does not count.
  Relate(direct_admin_, kResold);
  auto removed = server_.Patch(direct_admin_, "/v1/customers/" + CustomerId(kResold),
                               R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  ExpectRefused(provider_admin_, kResold, TransferBody(direct_id_, {a}), "403 20002",
                "targetPartnerTenantId");
  auto list = server_.Get(provider_admin_, Transfers(kResold));
  ASSERT_TRUE(list);
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "0");
}

TEST_F(TransferRefusalsApiTest, OnlyTheSellingPartnerOffersItsActiveSubscriptions) {
  const std::string a = Buy(provider_admin_, kResold, kE3, 2, R"(,"partnerIdOnRecord":"2000002")");
  const std::string b = Buy(provider_admin_, kResold, kE3, 3);
  Relate(direct_admin_, kResold);
  // An indirect reseller, even the reseller of record, cannot transfer.
  ExpectRefused(reseller_admin_, kResold, TransferBody(direct_id_, {a}), "403 700204");
  // A partner without the customer: 404, whatever the body.
  ExpectRefused(server_.UserToken(kOtherReseller, kGlobalAdmin), kResold,
                TransferBody(direct_id_, {a}), "404 1000");
  // Another partner's subscription, or none at all, is unknown.
  const std::string theirs = Buy(direct_admin_, kDirectsOwn, kE3, 1);
  ExpectRefused(provider_admin_, kResold, TransferBody(direct_id_, {a, theirs}), "404 20003",
                "lineItems[1].subscriptionId");
  ExpectRefused(provider_admin_, kResold,
                TransferBody(direct_id_, {"00000000-0000-4000-8000-0000000000ff"}), "404 20003",
                "lineItems[0].subscriptionId");
  // A suspended subscription stays where it is.
  ASSERT_EQ(PatchSub(provider_admin_, kResold, b, R"({"status":"suspended"})")->status, 200);
  ExpectRefused(provider_admin_, kResold, TransferBody(direct_id_, {a, b}), "409 700210",
                "lineItems[1].subscriptionId");
  // One Active transfer per subscription.
  const std::string first = Create(provider_admin_, kResold, direct_id_, {a});
  auto second = server_.Post(provider_admin_, Transfers(kResold), TransferBody(direct_id_, {a}));
  ASSERT_TRUE(second);
  EXPECT_EQ(Error(second), "409 700209");
  EXPECT_NE(second->body.find(first), std::string::npos) << second->body;
  // Only a Global admin transfers.
  ExpectRefused(provider_, kResold, TransferBody(direct_id_, {b}), "403 900150");
  auto list = server_.Get(provider_admin_, Transfers(kResold));
  ASSERT_TRUE(list);
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "1");
  EXPECT_EQ(AuditCount(provider_admin_, "create_transfer"), 1);
}

TEST_F(TransferRefusalsApiTest, TheResellerOfRecordMustBeTheTargetsReseller) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const auto refused = [&](const std::string& mpn, const std::string& error) {
    ExpectRefused(provider_admin_, kProvidersOwn,
                  TransferBody(direct_id_, {a}, R"(,"partnerIdOnRecord":")" + mpn + "\""), error,
                  "lineItems[0].partnerIdOnRecord");
  };
  refused("2000002", "400 800016");  // the source's reseller, not the target's
  refused("9999999", "404 800015");
  refused("4000004", "404 2072");  // the target's own
  refused("abc", "400 800002");
}

TEST_F(TransferRefusalsApiTest, AnAddOnTravelsWithItsBase) {
  const std::string base = Buy(provider_admin_, kProvidersOwn, kE3, 5);
  const std::string addon = Buy(provider_admin_, kProvidersOwn, kPhoneSystem, 5,
                                R"(,"parentSubscriptionId":")" + base + "\"");
  ASSERT_FALSE(addon.empty());
  Relate(direct_admin_, kProvidersOwn);
  ExpectRefused(provider_admin_, kProvidersOwn, TransferBody(direct_id_, {addon}), "400 800002",
                "lineItems[0].subscriptionId");
  ExpectRefused(provider_admin_, kProvidersOwn, TransferBody(direct_id_, {base}), "400 800002",
                "lineItems[0].subscriptionId");
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {base, addon});
  // An add-on bought after the offer would be left behind: accepting refuses it.
  const std::string late = Buy(provider_admin_, kProvidersOwn, kPhoneSystem, 1,
                               R"(,"parentSubscriptionId":")" + base + "\"");
  auto refused = Accept(direct_admin_, kProvidersOwn, id);
  EXPECT_EQ(Error(refused), "409 700210");
  EXPECT_NE(refused->body.find(late), std::string::npos) << refused->body;
  ASSERT_EQ(PatchSub(provider_admin_, kProvidersOwn, late, R"({"status":"suspended"})")->status,
            200);
  // Suspended is not deleted: it still has to come along, so the offer is withdrawn and redone.
  EXPECT_EQ(Error(Accept(direct_admin_, kProvidersOwn, id)), "409 700210");
  EXPECT_EQ(SubscriptionCount(direct_admin_, kProvidersOwn), 0);
}

}  // namespace
}  // namespace csphub::testing
