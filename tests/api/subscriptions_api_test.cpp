// /v1/customers/{id}/subscriptions over real sockets: reading (filters, visibility, a past
// date, the timeline), every PATCH rule and its code, the reseller of record, the support
// contact, and the relationship that cannot be removed while a subscription is active.
#include <gtest/gtest.h>

#include "support/commerce_fixture.hpp"

namespace csphub::testing {
namespace {

using std::chrono::hours;

class SubscriptionsApiTest : public CommerceApiBase {
 protected:
  void ExpectPatchError(const std::string& token, std::size_t customer, const std::string& id,
                        const std::string& body, int status, const std::string& code) {
    auto res = PatchSub(token, customer, id, body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << body << " -> " << res->body;
    EXPECT_EQ(JsonField(res->body, "/code"), code) << res->body;
  }
  std::string Field(const std::string& token, std::size_t customer, const std::string& id,
                    const std::string& pointer, const std::string& query = "") {
    auto res = server_.Get(token, Subscription(customer, id) + query);
    return res && res->status == 200 ? JsonField(res->body, pointer)
                                     : "<" + std::to_string(res ? res->status : 0) + ">";
  }
};

TEST_F(SubscriptionsApiTest, ListFiltersByOrderAndByResellerOfRecord) {
  const std::string order =
      Order(provider_, kResold, {Line(kE3, 1, R"(,"partnerIdOnRecord":"2000002")"), Line(kE3, 2)});
  Buy(provider_, kResold, kBusinessBasic, 3);
  EXPECT_EQ(SubscriptionCount(provider_, kResold), 3);
  EXPECT_EQ(SubscriptionCount(provider_, kResold, "?order_id=" + JsonField(order, "/id")), 2);
  EXPECT_EQ(SubscriptionCount(provider_, kResold, "?mpn_id=2000002"), 1);
  EXPECT_EQ(SubscriptionCount(reseller_, kResold), 1);
  auto bad = server_.Get(provider_, Subscriptions(kResold) + "?mpn_id=abc");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto unknown = server_.Get(provider_, Subscriptions(kResold) + "?mpn_id=9999999");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(JsonField(unknown->body, "/code"), "800015");
  // An unrelated partner sees nothing, not even that the customer exists.
  auto other = server_.Get(other_, Subscriptions(kResold));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  auto one =
      server_.Get(other_, Subscription(kResold, JsonField(order, "/lineItems/0/subscriptionId")));
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 404);
}

TEST_F(SubscriptionsApiTest, QuantityChangesWithinBoundsUnderOptimisticConcurrency) {
  const std::string id = Buy(provider_, kProvidersOwn, kBusinessBasic, 10);
  auto res = server_.Patch(provider_, Subscription(kProvidersOwn, id), R"({"quantity":12})",
                           {{"If-Match", "1"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/quantity"), "12");
  EXPECT_EQ(JsonField(res->body, "/attributes/etag"), "2");
  EXPECT_EQ(res->get_header_value("ETag"), "\"2\"");
  // The same etag again is stale: 412, nothing changes.
  auto stale = server_.Patch(provider_, Subscription(kProvidersOwn, id), R"({"quantity":13})",
                             {{"If-Match", "1"}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 412);
  auto missing = server_.Patch(provider_, Subscription(kProvidersOwn, id), R"({"quantity":13})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"quantity":301})", 400, "2002");
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"quantity":0})", 400, "2002");
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"quantity":"many"})", 400, "800002");
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"status":"deleted"})", 400, "800002");
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"friendlyName":"  "})", 400, "800002");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/quantity"), "12");
  // The full resource with one field changed, as Partner Center clients send it.
  auto full = server_.Get(provider_, Subscription(kProvidersOwn, id));
  std::string body = full->body;
  body.replace(body.find("\"friendlyName\":\"Office Business Basic\""),
               std::string("\"friendlyName\":\"Office Business Basic\"").size(),
               "\"friendlyName\":\"Front desk\"");
  auto renamed = server_.Patch(provider_, Subscription(kProvidersOwn, id), body);
  ASSERT_TRUE(renamed);
  ASSERT_EQ(renamed->status, 200) << renamed->body;
  EXPECT_EQ(JsonField(renamed->body, "/friendlyName"), "Front desk");
  EXPECT_EQ(JsonField(renamed->body, "/quantity"), "12");
  auto renew = PatchSub(provider_, kProvidersOwn, id, R"({"autoRenewEnabled":false})");
  ASSERT_TRUE(renew);
  EXPECT_EQ(JsonField(renew->body, "/autoRenewEnabled"), "false");
}

TEST_F(SubscriptionsApiTest, SuspendKeepsDataNinetyDaysThenTheSubscriptionIsDeleted) {
  const std::string id = Buy(provider_, kProvidersOwn, kE3, 10);
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"status":"suspended","quantity":5})", 400,
                   "2001");
  auto res = PatchSub(provider_, kProvidersOwn, id, R"({"status":"suspended"})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/status"), "suspended");
  TimePoint suspended, expires;
  ASSERT_TRUE(ParseIso8601(JsonField(res->body, "/suspendedDate"), &suspended));
  ASSERT_TRUE(ParseIso8601(JsonField(res->body, "/suspensionExpiryDate"), &expires));
  EXPECT_EQ(expires - suspended, hours(24 * 90));
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"quantity":5})", 400, "800091");
  // Reactivating (with a quantity change in the same request) works within the 90 days.
  Advance(hours(24 * 89));
  auto back = PatchSub(provider_, kProvidersOwn, id, R"({"status":"active","quantity":5})");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->status, 200) << back->body;
  EXPECT_EQ(JsonField(back->body, "/status"), "active");
  EXPECT_EQ(JsonField(back->body, "/quantity"), "5");
  EXPECT_EQ(JsonField(back->body, "/suspensionExpiryDate"), "");
  // Suspended past 90 days: deleted, and no longer changeable.
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, id, R"({"status":"suspended"})")->status, 200);
  Advance(hours(24 * 90));
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/status"), "deleted");
  ExpectPatchError(provider_, kProvidersOwn, id, R"({"status":"active"})", 400, "2011");
}

TEST_F(SubscriptionsApiTest, SuspendingABaseSuspendsItsAddOns) {
  const std::string base = Buy(provider_, kProvidersOwn, kE3, 5);
  const std::string addon =
      Buy(provider_, kProvidersOwn, kPhoneSystem, 5, R"(,"parentSubscriptionId":")" + base + "\"");
  auto addons = server_.Get(provider_, Subscription(kProvidersOwn, base) + "/addons");
  ASSERT_TRUE(addons);
  EXPECT_EQ(JsonField(addons->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(addons->body, "/items/0/id"), addon);
  EXPECT_EQ(Field(provider_, kProvidersOwn, addon, "/totalCount", "/addons"), "0");
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, base, R"({"status":"suspended"})")->status, 200);
  EXPECT_EQ(Field(provider_, kProvidersOwn, addon, "/status"), "suspended");
  ExpectPatchError(provider_, kProvidersOwn, addon, R"({"status":"active"})", 409, "27009");
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, base, R"({"status":"active"})")->status, 200);
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, addon, R"({"status":"active"})")->status, 200);
}

TEST_F(SubscriptionsApiTest, OnlyTheProviderNamesTheResellerOfRecord) {
  const std::string id = Buy(provider_, kResold, kE3, 1);
  auto res = PatchSub(provider_, kResold, id, R"({"partnerId":"2000002"})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/partnerId"), "2000002");
  // Now the reseller sees it, but only reads it.
  EXPECT_EQ(Field(reseller_, kResold, id, "/partnerId"), "2000002");
  ExpectPatchError(reseller_, kResold, id, R"({"quantity":2})", 403, "700208");
  ExpectPatchError(provider_, kResold, id, R"({"partnerId":"3000003"})", 400, "800016");
  ExpectPatchError(provider_, kResold, id, R"({"partnerId":"9999999"})", 404, "800015");
  // A Helpdesk agent changes subscriptions but may not name the reseller (reference §3.2).
  ExpectPatchError(server_.UserToken(kProvider, kHelpdeskAgent), kResold, id, R"({"partnerId":""})",
                   403, "900150");
  auto cleared = PatchSub(provider_, kResold, id, R"({"partnerId":""})");
  ASSERT_TRUE(cleared);
  EXPECT_EQ(JsonField(cleared->body, "/partnerId"), "");
  EXPECT_EQ(Field(reseller_, kResold, id, "/id"), "<404>");
  // A direct partner has no reseller to name.
  const std::string direct = Buy(direct_, kDirectsOwn, kE3, 1);
  ExpectPatchError(direct_, kDirectsOwn, direct, R"({"partnerId":"2000002"})", 400, "800098");
}

TEST_F(SubscriptionsApiTest, TheTimelineReadsBackAnyPastDate) {
  const std::string id = Buy(provider_, kProvidersOwn, kE3, 10);
  const std::string created = Field(provider_, kProvidersOwn, id, "/creationDate");
  Advance(hours(24));
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, id, R"({"quantity":20})")->status, 200);
  Advance(hours(24));
  ASSERT_EQ(PatchSub(provider_, kProvidersOwn, id, R"({"status":"suspended"})")->status, 200);

  auto events = server_.Get(provider_, Subscription(kProvidersOwn, id) + "/events");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->status, 200) << events->body;
  EXPECT_EQ(JsonField(events->body, "/totalCount"), "3");
  EXPECT_EQ(JsonField(events->body, "/items/0/changes"), "created");
  EXPECT_EQ(JsonField(events->body, "/items/1/changes"), "quantity");
  EXPECT_EQ(JsonField(events->body, "/items/2/changes"), "suspended");
  EXPECT_EQ(JsonField(events->body, "/items/1/subscription/quantity"), "20");
  EXPECT_NE(JsonField(events->body, "/items/1/actor").find('@'), std::string::npos);

  TimePoint t0;
  ASSERT_TRUE(ParseIso8601(created, &t0));
  const auto at = [&](hours h) { return "?asOf=" + FormatIso8601(t0 + h); };
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/quantity", at(hours(1))), "10");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/quantity", at(hours(25))), "20");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/status", at(hours(25))), "active");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/status", at(hours(49))), "suspended");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/id", at(-hours(1))), "<404>");
  EXPECT_EQ(Field(provider_, kProvidersOwn, id, "/id", "?asOf=yesterday"), "<400>");

  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"update_subscription\""), std::string::npos);
}

TEST_F(SubscriptionsApiTest, SupportContactDefaultsToTheProviderAndMayBeAPartneredReseller) {
  const std::string id = Buy(provider_, kResold, kE3, 1, R"(,"partnerIdOnRecord":"2000002")");
  const std::string path = Subscription(kResold, id) + "/supportcontact";
  auto res = server_.Get(provider_, path);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/supportMpnId"), "1000001");
  EXPECT_EQ(JsonField(res->body, "/supportTenantId"), DemoOf(kProvider).tenant_id);
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "SupportContact");

  auto set = server_.Put(provider_, path, R"({"supportMpnId":"2000002"})");
  ASSERT_TRUE(set);
  ASSERT_EQ(set->status, 200) << set->body;
  EXPECT_EQ(JsonField(set->body, "/supportTenantId"), DemoOf(kReseller).tenant_id);
  EXPECT_EQ(JsonField(set->body, "/name"), DemoOf(kReseller).name);
  EXPECT_EQ(JsonField(server_.Get(reseller_, path)->body, "/supportMpnId"), "2000002");

  auto other = server_.Put(provider_, path, R"({"supportMpnId":"3000003"})");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 400);
  EXPECT_EQ(JsonField(other->body, "/code"), "800016");
  auto by_tenant =
      server_.Put(provider_, path, R"({"supportTenantId":")" + DemoOf(kProvider).tenant_id + "\"}");
  ASSERT_TRUE(by_tenant);
  EXPECT_EQ(JsonField(by_tenant->body, "/supportMpnId"), "1000001");
  auto empty = server_.Put(provider_, path, "{}");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto by_reseller = server_.Put(reseller_, path, R"({"supportMpnId":"2000002"})");
  ASSERT_TRUE(by_reseller);
  EXPECT_EQ(by_reseller->status, 403);
  auto by_sales =
      server_.Put(server_.UserToken(kProvider, kSalesAgent), path, R"({"supportMpnId":"2000002"})");
  ASSERT_TRUE(by_sales);
  EXPECT_EQ(by_sales->status, 403);
  EXPECT_EQ(JsonField(by_sales->body, "/code"), "900150");
}

TEST_F(SubscriptionsApiTest, TheRelationshipStaysWhileASubscriptionIsActive) {
  const std::string id = Buy(direct_, kDirectsOwn, kE3, 1);
  const std::string customer = "/v1/customers/" + CustomerId(kDirectsOwn);
  auto refused = server_.Patch(direct_, customer, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 409);
  EXPECT_EQ(JsonField(refused->body, "/code"), "700207");
  EXPECT_EQ(SubscriptionCount(direct_, kDirectsOwn), 1);
  ASSERT_EQ(PatchSub(direct_, kDirectsOwn, id, R"({"status":"suspended"})")->status, 200);
  auto removed = server_.Patch(direct_, customer, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200) << removed->body;
  auto gone = server_.Get(direct_, Subscriptions(kDirectsOwn));
  ASSERT_TRUE(gone);
  EXPECT_EQ(JsonField(gone->body, "/code"), "20002");
}

TEST_F(SubscriptionsApiTest, TheDemoDataHasSubscriptionsToShow) {
  EXPECT_EQ(SubscriptionCount(provider_, kResoldWithSubscriptions), 2);
  // Lines of one order share their creation time, so find the E3 by its reseller of record.
  auto res = server_.Get(provider_, Subscriptions(kResoldWithSubscriptions) + "?mpn_id=2000002");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(res->body, "/items/0/quantity"), "25");
  EXPECT_EQ(JsonField(res->body, "/items/0/termDuration"), "P1Y");
  EXPECT_EQ(SubscriptionCount(reseller_, kResoldWithSubscriptions), 1);
  EXPECT_EQ(SubscriptionCount(direct_, 4), 2);
}

}  // namespace
}  // namespace csphub::testing
