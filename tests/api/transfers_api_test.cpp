// Subscription transfers over real sockets (issue 4; reference §2.10): the whole life of a
// transfer (create by the source, accept by the target, reject, withdraw, expire), all or
// nothing on accept, who sees what afterwards, the timeline, and both partners' activity logs.
// The refusals and their codes are in transfer_refusals_api_test.cpp.
#include <gtest/gtest.h>

#include "support/transfers_fixture.hpp"

namespace csphub::testing {
namespace {

using std::chrono::hours;

class TransfersApiTest : public TransfersApiBase {};

TEST_F(TransfersApiTest, TheProviderMovesTwoSubscriptionsToTheDirectPartner) {
  const std::string e3 = Buy(provider_admin_, kProvidersOwn, kE3, 5);
  const std::string basic = Buy(provider_admin_, kProvidersOwn, kBusinessBasic, 3);
  Relate(direct_admin_, kProvidersOwn);

  auto created = Offer(provider_admin_, kProvidersOwn, direct_id_, {e3, basic});
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string id = JsonField(created->body, "/id");
  EXPECT_EQ(created->get_header_value("Location"), TransferPath(kProvidersOwn, id));
  EXPECT_EQ(JsonField(created->body, "/status"), "Active");
  EXPECT_EQ(JsonField(created->body, "/customerTenantId"), CustomerId(kProvidersOwn));
  EXPECT_EQ(JsonField(created->body, "/sourcePartnerTenantId"), provider_id_);
  EXPECT_EQ(JsonField(created->body, "/sourcePartnerName"), "Northwind Distribution");
  EXPECT_EQ(JsonField(created->body, "/targetPartnerTenantId"), direct_id_);
  EXPECT_EQ(JsonField(created->body, "/targetPartnerName"), "Tailspin Direct");
  EXPECT_EQ(JsonField(created->body, "/lineItems/0/subscriptionId"), e3);
  EXPECT_EQ(JsonField(created->body, "/lineItems/0/quantity"), "5");
  EXPECT_EQ(JsonField(created->body, "/lineItems/0/offerId"), kE3);
  EXPECT_EQ(JsonField(created->body, "/lineItems/1/id"), "1");
  EXPECT_NE(created->body.find("\"orders\":[]"), std::string::npos);
  EXPECT_NE(created->body.find("\"transferErrors\":[]"), std::string::npos);
  EXPECT_EQ(JsonField(created->body, "/attributes/objectType"), "TransferEntity");
  EXPECT_EQ(JsonField(created->body, "/attributes/etag"), "1");
  TimePoint made, expires;
  ASSERT_TRUE(ParseIso8601(JsonField(created->body, "/createdTime"), &made));
  ASSERT_TRUE(ParseIso8601(JsonField(created->body, "/expirationTime"), &expires));
  EXPECT_EQ(std::chrono::duration_cast<hours>(expires - made), hours(24 * 30));

  // Both sides list and read it.
  for (const std::string* token : {&provider_admin_, &direct_admin_}) {
    auto list = server_.Get(*token, Transfers(kProvidersOwn));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200) << list->body;
    EXPECT_EQ(JsonField(list->body, "/totalCount"), "1");
    EXPECT_EQ(JsonField(list->body, "/items/0/id"), id);
    EXPECT_EQ(StatusAs(*token, kProvidersOwn, id), "Active");
  }

  auto accepted = Accept(direct_admin_, kProvidersOwn, id);
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(JsonField(accepted->body, "/status"), "Complete");
  EXPECT_EQ(JsonField(accepted->body, "/attributes/etag"), "2");
  EXPECT_NE(accepted->body.find("\"transferErrors\":[]"), std::string::npos);
  const std::string order = JsonField(accepted->body, "/orders/0/id");
  EXPECT_FALSE(order.empty());
  EXPECT_EQ(JsonField(accepted->body, "/orders/0/transactionType"), "SystemPurchase");
  EXPECT_EQ(JsonField(accepted->body, "/orders/0/status"), "completed");
  EXPECT_EQ(JsonField(accepted->body, "/orders/0/lineItems/1/subscriptionId"), basic);
  EXPECT_EQ(JsonField(accepted->body, "/orders/0/lineItems/1/quantity"), "3");
  EXPECT_EQ(StatusAs(provider_admin_, kProvidersOwn, id), "Complete");

  // The target sells them now, under its order; the source no longer sees them.
  EXPECT_EQ(SubscriptionCount(direct_admin_, kProvidersOwn), 2);
  EXPECT_EQ(SubscriptionCount(direct_admin_, kProvidersOwn, "?order_id=" + order), 2);
  EXPECT_EQ(SubscriptionCount(provider_admin_, kProvidersOwn), 0);
  auto gone = server_.Get(provider_admin_, Subscription(kProvidersOwn, e3));
  ASSERT_TRUE(gone);
  EXPECT_EQ(Error(gone), "404 20003");
  auto order_read = server_.Get(direct_admin_, Orders(kProvidersOwn) + "/" + order);
  ASSERT_TRUE(order_read);
  EXPECT_EQ(order_read->status, 200) << order_read->body;
  auto support = server_.Get(direct_admin_, Subscription(kProvidersOwn, e3) + "/supportcontact");
  ASSERT_TRUE(support);
  EXPECT_EQ(JsonField(support->body, "/supportMpnId"), "4000004");
  auto events = server_.Get(direct_admin_, Subscription(kProvidersOwn, e3) + "/events");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->status, 200) << events->body;
  EXPECT_EQ(JsonField(events->body, "/totalCount"), "2");
  EXPECT_EQ(JsonField(events->body, "/items/1/changes"), "transferred");
  EXPECT_EQ(JsonField(events->body, "/items/1/actor"),
            DemoOf(kDirect).users[0].user_principal_name);
  EXPECT_NE(JsonField(events->body, "/items/0/subscription/orderId"), order);
  EXPECT_EQ(JsonField(events->body, "/items/1/subscription/orderId"), order);
  EXPECT_EQ(JsonField(events->body, "/items/1/subscription/attributes/etag"), "2");
  // The target changes it like any subscription it sold (etag 2 after the transfer).
  auto patched = server_.Patch(direct_admin_, Subscription(kProvidersOwn, e3), R"({"quantity":7})",
                               {{"If-Match", "2"}});
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->status, 200) << patched->body;

  // Both logs hold each step, with the customer named.
  for (const std::string* token : {&provider_admin_, &direct_admin_}) {
    EXPECT_EQ(AuditCount(*token, "create_transfer"), 1);
    EXPECT_EQ(AuditCount(*token, "accept_transfer"), 1);
    auto log = server_.Get(*token, "/v1/auditrecords?size=1000");
    ASSERT_TRUE(log);
    EXPECT_NE(log->body.find("\"customerName\":\"Litware Inc\""), std::string::npos);
  }
  // Done is done.
  EXPECT_EQ(Error(Accept(direct_admin_, kProvidersOwn, id)), "409 700211");
  // Nothing active is left with the source, so it may now end its relationship; the target
  // may not (it sells them now).
  EXPECT_EQ(Error(server_.Patch(direct_admin_, "/v1/customers/" + CustomerId(kProvidersOwn),
                                R"({"relationshipToPartner":"none"})")),
            "409 700207");
  auto removed = server_.Patch(provider_admin_, "/v1/customers/" + CustomerId(kProvidersOwn),
                               R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200) << removed->body;
}

TEST_F(TransfersApiTest, AcceptIsAllOrNothing) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  const std::string b = Buy(provider_admin_, kProvidersOwn, kE3, 4);
  Relate(direct_admin_, kProvidersOwn);
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {a, b});
  // The source suspends the second one after offering it: nothing may move.
  auto suspended = PatchSub(provider_admin_, kProvidersOwn, b, R"({"status":"suspended"})");
  ASSERT_TRUE(suspended);
  ASSERT_EQ(suspended->status, 200) << suspended->body;
  auto refused = Accept(direct_admin_, kProvidersOwn, id);
  EXPECT_EQ(Error(refused), "409 700210");
  EXPECT_NE(refused->body.find(b), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("lineItems[1].subscriptionId"), std::string::npos);
  EXPECT_EQ(SubscriptionCount(direct_admin_, kProvidersOwn), 0);
  EXPECT_EQ(SubscriptionCount(provider_admin_, kProvidersOwn), 2);
  auto events = server_.Get(provider_admin_, Subscription(kProvidersOwn, a) + "/events");
  ASSERT_TRUE(events);
  EXPECT_EQ(JsonField(events->body, "/totalCount"), "1");
  EXPECT_EQ(StatusAs(direct_admin_, kProvidersOwn, id), "Active");
  EXPECT_EQ(AuditCount(direct_admin_, "accept_transfer"), 0);

  // Reactivated, the same transfer goes through.
  ASSERT_TRUE(PatchSub(provider_admin_, kProvidersOwn, b, R"({"status":"active"})"));
  auto accepted = Accept(direct_admin_, kProvidersOwn, id);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(SubscriptionCount(direct_admin_, kProvidersOwn), 2);
}

TEST_F(TransfersApiTest, TheTargetRejectsAndTheSourceMayOfferAgain) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  const std::string path = TransferPath(kProvidersOwn, id);
  EXPECT_EQ(Error(server_.Patch(direct_admin_, path, R"({"status":"accept"})")), "400 800002");
  EXPECT_EQ(Error(server_.Patch(direct_admin_, path, "{}")), "400 800002");
  // Only the target rejects.
  EXPECT_EQ(Error(server_.Patch(provider_admin_, path, R"({"status":"reject"})")), "403 700212");
  auto rejected = server_.Patch(direct_admin_, path, R"({"Status":"Reject"})");
  ASSERT_TRUE(rejected);
  ASSERT_EQ(rejected->status, 200) << rejected->body;
  EXPECT_EQ(JsonField(rejected->body, "/status"), "Rejected");
  EXPECT_EQ(StatusAs(provider_admin_, kProvidersOwn, id), "Rejected");
  EXPECT_EQ(Error(Accept(direct_admin_, kProvidersOwn, id)), "409 700211");
  EXPECT_EQ(Error(server_.Patch(direct_admin_, path, R"({"status":"reject"})")), "409 700211");
  EXPECT_EQ(SubscriptionCount(provider_admin_, kProvidersOwn), 1);
  for (const std::string* token : {&provider_admin_, &direct_admin_}) {
    EXPECT_EQ(AuditCount(*token, "reject_transfer"), 1);
  }
  // The subscription is free again.
  const std::string again = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  EXPECT_NE(again, id);
}

TEST_F(TransfersApiTest, TheSourceWithdraws) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  const std::string path = TransferPath(kProvidersOwn, id);
  EXPECT_EQ(Error(server_.Delete(direct_admin_, path)), "403 700212");
  auto withdrawn = server_.Delete(provider_admin_, path);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, 204) << withdrawn->body;
  EXPECT_EQ(StatusAs(direct_admin_, kProvidersOwn, id), "Withdrawn");
  EXPECT_EQ(Error(server_.Delete(provider_admin_, path)), "409 700211");
  EXPECT_EQ(Error(Accept(direct_admin_, kProvidersOwn, id)), "409 700211");
  for (const std::string* token : {&provider_admin_, &direct_admin_}) {
    EXPECT_EQ(AuditCount(*token, "withdraw_transfer"), 1);
  }
  Create(provider_admin_, kProvidersOwn, direct_id_, {a});
}

TEST_F(TransfersApiTest, AnUnacceptedTransferExpiresAfterThirtyDays) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  Advance(hours(24 * 30 + 1));
  RefreshTokens();
  EXPECT_EQ(StatusAs(direct_admin_, kProvidersOwn, id), "Expired");
  EXPECT_EQ(Error(Accept(direct_admin_, kProvidersOwn, id)), "409 700211");
  // The expired transfer no longer holds the subscription.
  const std::string again = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  EXPECT_EQ(StatusAs(provider_admin_, kProvidersOwn, id), "Expired");
  EXPECT_EQ(StatusAs(provider_admin_, kProvidersOwn, again), "Active");
}

TEST_F(TransfersApiTest, TheResellerOfRecordIsSetFromTheLineOrCleared) {
  // The provider's subscription on record for Contoso goes to the direct partner: no reseller.
  const std::string resold =
      Buy(provider_admin_, kResold, kE3, 2, R"(,"partnerIdOnRecord":"2000002")");
  EXPECT_EQ(SubscriptionCount(reseller_, kResold), 1);
  Relate(direct_admin_, kResold);
  const std::string out = Create(provider_admin_, kResold, direct_id_, {resold});
  ASSERT_EQ(Accept(direct_admin_, kResold, out)->status, 200);
  auto cleared = server_.Get(direct_admin_, Subscription(kResold, resold));
  ASSERT_TRUE(cleared);
  EXPECT_EQ(JsonField(cleared->body, "/partnerId"), "");
  EXPECT_EQ(SubscriptionCount(reseller_, kResold), 0);

  // The direct partner's subscription goes to the provider, on record for its reseller.
  const std::string direct_sub = Buy(direct_admin_, kDirectsOwn, kE3, 3);
  Relate(provider_admin_, kDirectsOwn);
  const std::string in = Create(direct_admin_, kDirectsOwn, provider_id_, {direct_sub},
                                R"(,"partnerIdOnRecord":"2000002")");
  EXPECT_EQ(StatusAs(provider_admin_, kDirectsOwn, in), "Active");
  auto accepted = Accept(provider_admin_, kDirectsOwn, in);
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(JsonField(accepted->body, "/lineItems/0/partnerIdOnRecord"), "2000002");
  EXPECT_EQ(JsonField(accepted->body, "/orders/0/lineItems/0/partnerIdOnRecord"), "2000002");
  auto moved = server_.Get(provider_admin_, Subscription(kDirectsOwn, direct_sub));
  ASSERT_TRUE(moved);
  EXPECT_EQ(JsonField(moved->body, "/partnerId"), "2000002");
}

TEST_F(TransfersApiTest, AnAcceptRetriedWithItsRequestIdIsReplayedNotRepeated) {
  const std::string a = Buy(provider_admin_, kProvidersOwn, kE3, 2);
  Relate(direct_admin_, kProvidersOwn);
  const std::string id = Create(provider_admin_, kProvidersOwn, direct_id_, {a});
  const httplib::Headers request_id = {{"MS-RequestId", "7d3f7c1e-4a43-4a55-9d1b-2b0b7a1c0e11"}};
  const std::string path = TransferPath(kProvidersOwn, id) + "/accept";
  auto first = server_.Post(direct_admin_, path, "", request_id);
  auto again = server_.Post(direct_admin_, path, "", request_id);
  ASSERT_TRUE(first && again);
  EXPECT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(again->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(AuditCount(direct_admin_, "accept_transfer"), 1);
  // Without the request ID, a second accept is a new request, and the transfer is done.
  EXPECT_EQ(Error(server_.Post(direct_admin_, path, "")), "409 700211");
}

TEST_F(TransfersApiTest, OnlyTheTwoSidesSeeATransfer) {
  const std::string a = Buy(provider_admin_, kResold, kE3, 2);
  Relate(direct_admin_, kResold);
  const std::string id = Create(provider_admin_, kResold, direct_id_, {a});
  // Contoso has the customer too, but is no side of the transfer.
  auto list = server_.Get(reseller_admin_, Transfers(kResold));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "0");
  EXPECT_EQ(StatusAs(reseller_admin_, kResold, id), "<404>");
  EXPECT_EQ(Error(Accept(reseller_admin_, kResold, id)), "404 1000");
  // Fabrikam, unrelated to the customer, learns nothing.
  EXPECT_EQ(Error(server_.Get(other_, Transfers(kResold))), "404 1000");
  EXPECT_EQ(StatusAs(other_, kResold, id), "<404>");
  // Any subscription viewer of a side reads it; changing it needs a Global admin.
  EXPECT_EQ(StatusAs(server_.UserToken(kProvider, kHelpdeskAgent), kResold, id), "Active");
  EXPECT_EQ(Error(Accept(server_.UserToken(kDirect, kAdminAgent), kResold, id)), "403 900150");
  EXPECT_EQ(StatusAs(direct_admin_, kResold, id), "Active");
}

}  // namespace
}  // namespace csphub::testing
