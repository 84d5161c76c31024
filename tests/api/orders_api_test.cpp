// POST/GET /v1/customers/{id}/orders over real sockets: what an order creates, every line-item
// rule and its error code, the reseller of record, all-or-nothing, visibility and replay.
#include <gtest/gtest.h>

#include "support/commerce_fixture.hpp"

namespace csphub::testing {
namespace {

class OrdersApiTest : public CommerceApiBase {
 protected:
  // The order fails with `status` and `code`, naming `field`, and creates nothing.
  void ExpectRefused(const std::vector<std::string>& lines, int status, const std::string& code,
                     const std::string& field = "", std::size_t customer = kProvidersOwn) {
    const int before = SubscriptionCount(provider_, customer);
    auto [got, error] = OrderError(provider_, customer, lines);
    EXPECT_EQ(got, status) << error;
    EXPECT_EQ(error.substr(0, error.find(' ')), code) << error;
    if (!field.empty()) {
      EXPECT_NE(error.find(field), std::string::npos) << error;
    }
    EXPECT_EQ(SubscriptionCount(provider_, customer), before);
  }
};

TEST_F(OrdersApiTest, ProviderOrdersForAResellersCustomerWithTheResellerOnRecord) {
  auto res =
      server_.Post(provider_, Orders(kResold),
                   OrderBody({Line(kBusinessBasic, 25,
                                   R"(,"partnerIdOnRecord":"2000002","friendlyName":"Sales team")"),
                              Line(kE3, 10, R"(,"termDuration":"P1Y","billingCycle":"annual")")}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string order_id = JsonField(res->body, "/id");
  EXPECT_EQ(res->get_header_value("Location"),
            "/v1/customers/" + CustomerId(kResold) + "/orders/" + order_id);
  EXPECT_EQ(JsonField(res->body, "/referenceCustomerId"), CustomerId(kResold));
  EXPECT_EQ(JsonField(res->body, "/status"), "completed");
  EXPECT_EQ(JsonField(res->body, "/currencyCode"), "USD");
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "Order");
  EXPECT_EQ(JsonField(res->body, "/lineItems/0/lineItemNumber"), "0");
  EXPECT_EQ(JsonField(res->body, "/lineItems/0/partnerIdOnRecord"), "2000002");
  EXPECT_EQ(JsonField(res->body, "/lineItems/0/termDuration"), "P1M");  // the first monthly term
  EXPECT_EQ(JsonField(res->body, "/lineItems/1/termDuration"), "P1Y");
  EXPECT_EQ(JsonField(res->body, "/lineItems/1/billingCycle"), "annual");
  const std::string basic = JsonField(res->body, "/lineItems/0/subscriptionId");
  const std::string e3 = JsonField(res->body, "/lineItems/1/subscriptionId");
  ASSERT_EQ(basic.size(), 36u);

  auto sub = server_.Get(provider_, Subscription(kResold, basic));
  ASSERT_TRUE(sub);
  ASSERT_EQ(sub->status, 200) << sub->body;
  EXPECT_EQ(JsonField(sub->body, "/offerId"), kBusinessBasic);
  EXPECT_EQ(JsonField(sub->body, "/offerName"), "Office Business Basic");
  EXPECT_EQ(JsonField(sub->body, "/friendlyName"), "Sales team");
  EXPECT_EQ(JsonField(sub->body, "/quantity"), "25");
  EXPECT_EQ(JsonField(sub->body, "/status"), "active");
  EXPECT_EQ(JsonField(sub->body, "/partnerId"), "2000002");
  EXPECT_EQ(JsonField(sub->body, "/orderId"), order_id);
  EXPECT_EQ(JsonField(sub->body, "/attributes/etag"), "1");
  auto e3_sub = server_.Get(provider_, Subscription(kResold, e3));
  ASSERT_TRUE(e3_sub);
  EXPECT_EQ(JsonField(e3_sub->body, "/friendlyName"), "Office Enterprise E3");  // the offer's
  EXPECT_EQ(JsonField(e3_sub->body, "/partnerId"), "");

  auto got = server_.Get(provider_, Orders(kResold) + "/" + order_id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(JsonField(got->body, "/lineItems/1/subscriptionId"), e3);
  auto list = server_.Get(provider_, Orders(kResold));
  ASSERT_TRUE(list);
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "1");

  // The reseller of record sees its line of the order and its subscription, not the other.
  auto seen = server_.Get(reseller_, Orders(kResold) + "/" + order_id);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->status, 200) << seen->body;
  EXPECT_EQ(JsonField(seen->body, "/lineItems/0/subscriptionId"), basic);
  EXPECT_EQ(JsonField(seen->body, "/lineItems/1/subscriptionId"), "");
  EXPECT_EQ(SubscriptionCount(reseller_, kResold), 1);
  auto hidden = server_.Get(reseller_, Subscription(kResold, e3));
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->status, 404);
  EXPECT_EQ(JsonField(hidden->body, "/code"), "20003");

  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"create_order\""), std::string::npos);
}

TEST_F(OrdersApiTest, DirectPartnerOrdersCatalogItemsAndOffersWithoutATerm) {
  auto body = Order(
      direct_, kDirectsOwn,
      {R"({"catalogItemId":")" + kBasicCatalogItem + R"(","quantity":3})", Line(kAzurePlan, 1)});
  EXPECT_EQ(JsonField(body, "/lineItems/0/offerId"), kBasicCatalogItem);
  EXPECT_EQ(JsonField(body, "/lineItems/1/termDuration"), "");
  EXPECT_EQ(JsonField(body, "/lineItems/1/billingCycle"), "monthly");
  auto sub = server_.Get(direct_,
                         Subscription(kDirectsOwn, JsonField(body, "/lineItems/1/subscriptionId")));
  ASSERT_TRUE(sub);
  EXPECT_EQ(JsonField(sub->body, "/billingType"), "usage");
  EXPECT_EQ(SubscriptionCount(direct_, kDirectsOwn), 2);
}

TEST_F(OrdersApiTest, LineItemsAreValidatedAndABadOneRefusesTheWholeOrder) {
  ExpectRefused({}, 400, "800002", "lineItems");
  ExpectRefused({R"({"quantity":1})"}, 400, "800002", "lineItems[0].offerId");
  ExpectRefused({Line("no-such-offer", 1)}, 400, "800002", "lineItems[0].offerId");
  ExpectRefused({R"({"offerId":")" + kE3 + R"("})"}, 400, "800002", "lineItems[0].quantity");
  ExpectRefused({Line(kE3, 0)}, 400, "2002", "lineItems[0].quantity");
  ExpectRefused({Line(kBusinessBasic, 301)}, 400, "2002", "between 1 and 300");
  ExpectRefused({R"({"offerId":")" + kE3 + R"(","quantity":"5"})"}, 400, "800002",
                "lineItems[0].quantity");
  ExpectRefused({Line(kBusinessBasic, 1, R"(,"termDuration":"P3Y")")}, 400, "800002",
                "lineItems[0].termDuration");
  ExpectRefused({Line(kBusinessBasic, 1, R"(,"billingCycle":"weekly")")}, 400, "800002",
                "lineItems[0].billingCycle");
  ExpectRefused({Line(kAzurePlan, 1, R"(,"termDuration":"P1Y")")}, 400, "800002",
                "lineItems[0].termDuration");
  ExpectRefused({Line(kE3, 1, R"(,"lineItemNumber":1)"), Line(kE3, 1, R"(,"lineItemNumber":1)")},
                400, "800002", "lineItems[1].lineItemNumber");
  ExpectRefused({Line(kE3, 1, R"(,"friendlyName":")" + std::string(129, 'x') + "\"")}, 400,
                "800002", "lineItems[0].friendlyName");
  ExpectRefused({Line(kE3, 1, R"(,"parentSubscriptionId":"00000000-0000-4000-8000-000000000000")")},
                400, "800002", "lineItems[0].parentSubscriptionId");
  ExpectRefused({Line(kPhoneSystem, 1)}, 400, "800002", "lineItems[0].parentSubscriptionId");
  // Four good lines and a bad fifth: nothing at all is created.
  ExpectRefused({Line(kE3, 1), Line(kE3, 2), Line(kBusinessBasic, 3), Line(kAzurePlan, 1),
                 Line(kBusinessBasic, 1000)},
                400, "2002", "lineItems[4].quantity");
  auto orders = server_.Get(provider_, Orders(kProvidersOwn));
  ASSERT_TRUE(orders);
  EXPECT_EQ(JsonField(orders->body, "/totalCount"), "0");
  auto bad_json = server_.Post(provider_, Orders(kProvidersOwn), R"({"lineItems":)");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
}

TEST_F(OrdersApiTest, PartnerOnRecordMustBeAResellerInPartnershipWithTheProvider) {
  const auto on_record = [](const std::string& mpn) {
    return Line(kE3, 1, R"(,"partnerIdOnRecord":")" + mpn + "\"");
  };
  ExpectRefused({on_record("abc")}, 400, "800002", "lineItems[0].partnerIdOnRecord", kResold);
  ExpectRefused({on_record("9999999")}, 404, "800015", "lineItems[0].partnerIdOnRecord", kResold);
  ExpectRefused({on_record("1000001")}, 404, "2072", "", kResold);    // the provider's own
  ExpectRefused({on_record("3000003")}, 400, "800016", "", kResold);  // not partnered
  // A direct partner has no indirect resellers at all.
  auto [status, error] = OrderError(direct_, kDirectsOwn, {on_record("2000002")});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(error.substr(0, 6), "800016");
}

TEST_F(OrdersApiTest, WhoMayOrder) {
  // An indirect reseller's provider orders for it.
  auto [status, error] = OrderError(reseller_, kResold, {Line(kE3, 1)});
  EXPECT_EQ(status, 403);
  EXPECT_EQ(error.substr(0, 6), "700204");
  // No confirmed customer agreement: 13605.
  const std::string fresh = NewCustomer(provider_, "noagreement");
  auto res =
      server_.Post(provider_, "/v1/customers/" + fresh + "/orders", OrderBody({Line(kE3, 1)}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(JsonField(res->body, "/code"), "13605");
  // An unrelated partner learns nothing; one that removed its relationship gets 20002.
  std::tie(status, error) = OrderError(direct_, kProvidersOwn, {Line(kE3, 1)});
  EXPECT_EQ(status, 404);
  const std::string gone = NewCustomer(direct_, "removedrel");
  auto removed =
      server_.Patch(direct_, "/v1/customers/" + gone, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  res = server_.Post(direct_, "/v1/customers/" + gone + "/orders", OrderBody({Line(kE3, 1)}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(JsonField(res->body, "/code"), "20002");
  // Every selling role may order, Helpdesk agent included (reference §3.2).
  const std::string helpdesk = server_.UserToken(kProvider, kHelpdeskAgent);
  EXPECT_EQ(OrderError(helpdesk, kProvidersOwn, {Line(kE3, 1)}).first, 201);
  EXPECT_EQ(OrderError(server_.AppToken(kProvider), kProvidersOwn, {Line(kE3, 1)}).first, 201);
  // Orders of one partner are not another's.
  EXPECT_EQ(server_.Get(reseller_, Orders(kProvidersOwn))->status, 404);
}

TEST_F(OrdersApiTest, AddOnsNeedAnActiveBaseSubscription) {
  const std::string base = Buy(provider_, kProvidersOwn, kE3, 5, R"(,"termDuration":"P1Y")");
  const std::string addon =
      Buy(provider_, kProvidersOwn, kPhoneSystem, 5, R"(,"parentSubscriptionId":")" + base + "\"");
  auto sub = server_.Get(provider_, Subscription(kProvidersOwn, addon));
  ASSERT_TRUE(sub);
  EXPECT_EQ(JsonField(sub->body, "/parentSubscriptionId"), base);
  auto base_sub = server_.Get(provider_, Subscription(kProvidersOwn, base));
  EXPECT_EQ(JsonField(sub->body, "/commitmentEndDate"),
            JsonField(base_sub->body, "/commitmentEndDate"));
  // An add-on's base must be of a prerequisite offer.
  const std::string basic = Buy(provider_, kProvidersOwn, kBusinessBasic, 1);
  auto [status, error] =
      OrderError(provider_, kProvidersOwn,
                 {Line(kPhoneSystem, 1, R"(,"parentSubscriptionId":")" + basic + "\"")});
  EXPECT_EQ(status, 400) << error;
  // Not to a suspended base: 27009.
  auto suspended = PatchSub(provider_, kProvidersOwn, base, R"({"status":"suspended"})");
  ASSERT_TRUE(suspended);
  ASSERT_EQ(suspended->status, 200) << suspended->body;
  std::tie(status, error) =
      OrderError(provider_, kProvidersOwn,
                 {Line(kPhoneSystem, 1, R"(,"parentSubscriptionId":")" + base + "\"")});
  EXPECT_EQ(status, 409);
  EXPECT_EQ(error.substr(0, 5), "27009");
}

TEST_F(OrdersApiTest, ARetryWithTheSameRequestIdPlacesTheOrderOnce) {
  const httplib::Headers id{{"MS-RequestId", "3f0e2f4c-1d1e-4c55-9f51-5a0f1b2c3d4e"}};
  auto first = server_.Post(provider_, Orders(kProvidersOwn), OrderBody({Line(kE3, 7)}), id);
  auto second = server_.Post(provider_, Orders(kProvidersOwn), OrderBody({Line(kE3, 7)}), id);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(JsonField(first->body, "/id"), JsonField(second->body, "/id"));
  EXPECT_EQ(second->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(SubscriptionCount(provider_, kProvidersOwn), 1);
}

// Orders see each catalog import at once, though the order path remembers its catalog lookups
// (domain/catalog/orderable_cache.hpp): per import, a forced re-import of the same version at
// the same instant of the test's clock included.
TEST_F(OrdersApiTest, OrdersFollowEachCatalogImport) {
  Order(provider_, kProvidersOwn, {Line(kE3, 7)});  // remembered from the demo catalog
  const auto import = [&](const std::string& maximum, const std::string& query) {
    const std::string catalog =
        R"({"version":"2026.05","countries":[{"code":"US","currency":"USD","currencySymbol":"$"}],)"
        R"("offers":[{"id":"OFFER-1","name":"Only Offer","minimumQuantity":1,"maximumQuantity":)" +
        maximum +
        R"(,"billing":"license","supportedBillingCycles":["monthly"],"termDurations":["P1M"],)"
        R"("unitType":"Licenses","countries":["US"]}]})";
    auto res = server_.Put(server_.OperatorToken(), "/admin/v1/catalog" + query, catalog);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
  };
  ASSERT_NO_FATAL_FAILURE(import("5", ""));
  ExpectRefused({Line(kE3, 7)}, 400, "800002", "lineItems[0].offerId");
  ExpectRefused({Line("OFFER-1", 6)}, 400, "2002", "between 1 and 5");
  ASSERT_NO_FATAL_FAILURE(import("10", "?force=true"));
  Order(provider_, kProvidersOwn, {Line("OFFER-1", 6)});
}

}  // namespace
}  // namespace csphub::testing
