// The order and subscription repositories against a real SQLite file: an order with its lines,
// visibility to the reseller of record, the subscription timeline (state at a past date), the
// etag guard that makes concurrent changes lose cleanly, and the active count that blocks
// removing a relationship; transfers and the hold an Active one keeps on its subscriptions.
#include <gtest/gtest.h>

#include "storage/store_fixture.hpp"

namespace csphub::storage::sqlite {
namespace {

using std::chrono::hours;
constexpr const char* kCustomer = "c0000000-0000-4000-8000-000000000001";

domain::Subscription MakeSubscription(const std::string& id, const std::string& order,
                                      const std::string& reseller = "") {
  domain::Subscription s;
  s.id = id;
  s.customer_id = kCustomer;
  s.partner_tenant_id = "p1";
  s.order_id = order;
  s.offer_id = "offer-e3";
  s.offer_name = "E3";
  s.friendly_name = "E3 for " + id;
  s.quantity = 5;
  s.unit_type = "Licenses";
  s.billing_type = "license";
  s.billing_cycle = "monthly";
  s.term_duration = "P1M";
  s.reseller_tenant_id = reseller;
  s.reseller_mpn_id = reseller.empty() ? "" : "1002";
  s.support = {"p1", "1001", "Partner p1"};
  s.created_at = s.updated_at = kT0;
  s.commitment_end = domain::AddTerm(kT0, "P1M");
  return s;
}

domain::Order MakeOrder(const std::string& id, const std::vector<domain::Subscription>& subs) {
  domain::Order o;
  o.id = id;
  o.customer_id = kCustomer;
  o.partner_tenant_id = "p1";
  o.billing_cycle = "monthly";
  o.currency_code = "USD";
  o.currency_symbol = "$";
  o.created_at = kT0;
  for (std::size_t i = 0; i < subs.size(); ++i) {
    domain::OrderLineItem l;
    l.line_item_number = static_cast<int>(i);
    l.offer_id = subs[i].offer_id;
    l.quantity = subs[i].quantity;
    l.term_duration = "P1M";
    l.billing_cycle = "monthly";
    l.reseller_tenant_id = subs[i].reseller_tenant_id;
    l.partner_id_on_record = subs[i].reseller_mpn_id;
    l.subscription_id = subs[i].id;
    o.line_items.push_back(l);
  }
  return o;
}

class CommerceStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    SeedPartners();
    const auto a = MakeSubscription("s-a", "o-1", "p2");
    const auto b = MakeSubscription("s-b", "o-1");
    ASSERT_TRUE(W([&](Repositories& r) -> Status {
                  RETURN_IF_ERROR(r.Customers().Insert(MakeCustomer(kCustomer)));
                  RETURN_IF_ERROR(r.Subscriptions().Insert(a, "created", "admin@p1"));
                  RETURN_IF_ERROR(r.Subscriptions().Insert(b, "created", "admin@p1"));
                  return r.Orders().Insert(MakeOrder("o-1", {a, b}));
                }).ok());
  }
  // Applies `change` to the stored s-a as one update from etag `from`.
  Status Change(std::int64_t from, hours at,
                const std::function<void(domain::Subscription&)>& change) {
    return W([&](Repositories& r) -> Status {
      ASSIGN_OR_RETURN(domain::Subscription s, r.Subscriptions().Get(kCustomer, "s-a"));
      change(s);
      s.etag = from + 1;
      s.updated_at = kT0 + at;
      return r.Subscriptions().Update(s, from, "change", "admin@p1");
    });
  }
};

TEST_F(CommerceStoreTest, AnOrderReadsBackWithItsLinesAndIsVisibleToItsResellerOfRecord) {
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(domain::Order o, r.Orders().Get(kCustomer, "o-1"));
                EXPECT_EQ(o.currency_code, "USD");
                EXPECT_EQ(o.line_items.size(), 2u);
                EXPECT_EQ(o.line_items[0].subscription_id, "s-a");
                EXPECT_EQ(o.line_items[0].reseller_tenant_id, "p2");
                EXPECT_EQ(r.Orders().Get(kCustomer, "o-2").status().code(), StatusCode::kNotFound);
                ASSIGN_OR_RETURN(auto p1, r.Orders().ListVisibleTo(kCustomer, "p1"));
                ASSIGN_OR_RETURN(auto p2, r.Orders().ListVisibleTo(kCustomer, "p2"));
                ASSIGN_OR_RETURN(auto p3, r.Orders().ListVisibleTo(kCustomer, "p3"));
                EXPECT_EQ(p1.size(), 1u);
                EXPECT_EQ(p2.size(), 1u);
                EXPECT_EQ(p3.size(), 0u);
                return Status::Ok();
              }).ok());
  // The order ID is unique.
  EXPECT_EQ(W([](Repositories& r) { return r.Orders().Insert(MakeOrder("o-1", {})); }).code(),
            StatusCode::kAlreadyExists);
}

TEST_F(CommerceStoreTest, ListFiltersByViewerOrderAndReseller) {
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                const auto count = [&](domain::SubscriptionQuery q) {
                  q.customer_id = kCustomer;
                  auto list = r.Subscriptions().List(q);
                  return list.ok() ? static_cast<int>(list->size()) : -1;
                };
                EXPECT_EQ(count({}), 2);
                EXPECT_EQ(count({.visible_to = "p1"}), 2);
                EXPECT_EQ(count({.visible_to = "p2"}), 1);
                EXPECT_EQ(count({.visible_to = "p3"}), 0);
                EXPECT_EQ(count({.order_id = "o-1"}), 2);
                EXPECT_EQ(count({.order_id = "o-9"}), 0);
                EXPECT_EQ(count({.reseller_tenant_id = "p2"}), 1);
                return Status::Ok();
              }).ok());
}

TEST_F(CommerceStoreTest, TheTimelineKeepsEveryStateAndReadsAnyPastDate) {
  ASSERT_TRUE(Change(1, hours(24), [](auto& s) { s.quantity = 9; }).ok());
  ASSERT_TRUE(Change(2, hours(48), [](auto& s) {
                s.status = domain::SubscriptionStatus::kSuspended;
                s.suspended_at = kT0 + hours(48);
                s.suspension_expires_at = kT0 + hours(48 + 24 * 90);
              }).ok());
  Reopen();  // durable, and read back by a fresh connection
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto events, r.Subscriptions().Timeline(kCustomer, "s-a"));
                EXPECT_EQ(events.size(), 3u);
                EXPECT_EQ(events[0].kind, "created");
                EXPECT_EQ(events[1].state.quantity, 9);
                EXPECT_EQ(events[2].seq, 3);
                EXPECT_EQ(events[2].actor, "admin@p1");
                const auto at = [&](hours h) {
                  return r.Subscriptions().GetAsOf(kCustomer, "s-a", kT0 + h);
                };
                EXPECT_EQ(at(hours(1))->quantity, 5);
                EXPECT_EQ(at(hours(24))->quantity, 9);
                EXPECT_EQ(at(hours(47))->status, domain::SubscriptionStatus::kActive);
                EXPECT_EQ(at(hours(49))->status, domain::SubscriptionStatus::kSuspended);
                EXPECT_EQ(*at(hours(49))->suspension_expires_at, kT0 + hours(48 + 24 * 90));
                EXPECT_FALSE(at(hours(47))->suspended_at.has_value());
                EXPECT_EQ(at(-hours(1)).status().code(), StatusCode::kNotFound);
                EXPECT_EQ(r.Subscriptions().Timeline("other", "s-a").status().code(),
                          StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
}

TEST_F(CommerceStoreTest, AStaleEtagLosesAndChangesNothing) {
  ASSERT_TRUE(Change(1, hours(1), [](auto& s) { s.quantity = 6; }).ok());
  const Status lost = Change(1, hours(2), [](auto& s) { s.quantity = 7; });
  EXPECT_EQ(lost.code(), StatusCode::kAborted);
  EXPECT_EQ(W([](Repositories& r) -> Status {
              auto gone = MakeSubscription("s-missing", "o-1");
              return r.Subscriptions().Update(gone, 1, "change", "x");
            }).pc_code(),
            20003);
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(auto s, r.Subscriptions().Get(kCustomer, "s-a"));
                EXPECT_EQ(s.quantity, 6);
                EXPECT_EQ(s.etag, 2);
                ASSIGN_OR_RETURN(auto events, r.Subscriptions().Timeline(kCustomer, "s-a"));
                EXPECT_EQ(events.size(), 2u);
                return Status::Ok();
              }).ok());
}

TEST_F(CommerceStoreTest, ActiveCountIsPerPartnerAndSkipsSuspended) {
  const auto active = [&](const std::string& partner) {
    std::int64_t n = -1;
    EXPECT_TRUE(R([&](Repositories& r) -> Status {
                  ASSIGN_OR_RETURN(n, r.Subscriptions().CountActive(kCustomer, partner));
                  return Status::Ok();
                }).ok());
    return n;
  };
  EXPECT_EQ(active("p1"), 2);
  EXPECT_EQ(active("p2"), 1);  // reseller of record of s-a
  EXPECT_EQ(active("p3"), 0);
  ASSERT_TRUE(
      Change(1, hours(1), [](auto& s) { s.status = domain::SubscriptionStatus::kSuspended; }).ok());
  EXPECT_EQ(active("p1"), 1);
  EXPECT_EQ(active("p2"), 0);
}

domain::Transfer MakeTransfer(const std::string& id, const std::vector<std::string>& subs,
                              const std::string& target = "p3") {
  domain::Transfer t;
  t.id = id;
  t.customer_id = kCustomer;
  t.source_tenant_id = "p1";
  t.source_name = "Partner p1";
  t.target_tenant_id = target;
  t.target_name = "Partner " + target;
  t.created_at = t.last_modified_at = kT0;
  t.expires_at = kT0 + domain::kTransferLifetime;
  for (std::size_t i = 0; i < subs.size(); ++i) {
    t.line_items.push_back({.id = static_cast<int>(i),
                            .subscription_id = subs[i],
                            .offer_id = "offer-e3",
                            .quantity = 5,
                            .partner_id_on_record = i == 0 ? "1002" : "",
                            .reseller_tenant_id = i == 0 ? "p2" : ""});
  }
  return t;
}

// Moves the stored transfer to `status` from etag `from`.
Status CloseTransfer(domain::Repositories& r, const std::string& id, std::int64_t from,
                     domain::TransferStatus status) {
  ASSIGN_OR_RETURN(domain::Transfer t, r.Transfers().Get(kCustomer, id));
  t.status = status;
  t.order_id = status == domain::TransferStatus::kComplete ? "o-1" : "";
  t.last_modified_at = kT0 + hours(1);
  t.etag = from + 1;
  return r.Transfers().Update(t, from);
}

TEST_F(CommerceStoreTest, ATransferReadsBackWithItsLinesForBothSidesOnly) {
  ASSERT_TRUE(W([](Repositories& r) {
                return r.Transfers().Insert(MakeTransfer("t-1", {"s-a", "s-b"}));
              }).ok());
  Reopen();
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(domain::Transfer t, r.Transfers().Get(kCustomer, "t-1"));
                EXPECT_EQ(t.status, domain::TransferStatus::kActive);
                EXPECT_EQ(t.target_name, "Partner p3");
                EXPECT_EQ(t.expires_at, kT0 + domain::kTransferLifetime);
                EXPECT_EQ(t.line_items.size(), 2u);
                EXPECT_EQ(t.line_items[0].subscription_id, "s-a");
                EXPECT_EQ(t.line_items[0].partner_id_on_record, "1002");
                EXPECT_EQ(t.line_items[0].reseller_tenant_id, "p2");
                EXPECT_EQ(t.line_items[1].id, 1);
                EXPECT_EQ(r.Transfers().Get("other", "t-1").status().code(), StatusCode::kNotFound);
                ASSIGN_OR_RETURN(auto p1, r.Transfers().ListFor(kCustomer, "p1"));
                ASSIGN_OR_RETURN(auto p3, r.Transfers().ListFor(kCustomer, "p3"));
                ASSIGN_OR_RETURN(auto p2, r.Transfers().ListFor(kCustomer, "p2"));
                EXPECT_EQ(p1.size(), 1u);
                EXPECT_EQ(p3.size(), 1u);
                EXPECT_EQ(p2.size(), 0u);  // the reseller on a line is no side of it
                ASSIGN_OR_RETURN(domain::Transfer held, r.Transfers().GetHolding("s-b"));
                EXPECT_EQ(held.id, "t-1");
                return Status::Ok();
              }).ok());
}

TEST_F(CommerceStoreTest, AnActiveTransferHoldsItsSubscriptionsUntilItCloses) {
  ASSERT_TRUE(
      W([](Repositories& r) { return r.Transfers().Insert(MakeTransfer("t-1", {"s-a"})); }).ok());
  // A second Active transfer of s-a is refused by the database itself, and leaves nothing.
  EXPECT_EQ(W([](Repositories& r) {
              return r.Transfers().Insert(MakeTransfer("t-2", {"s-b", "s-a"}, "p2"));
            }).code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                EXPECT_EQ(r.Transfers().Get(kCustomer, "t-2").status().code(),
                          StatusCode::kNotFound);
                EXPECT_EQ(r.Transfers().GetHolding("s-b").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  // A stale etag loses; closing releases the hold, so s-a can be offered again.
  EXPECT_EQ(W([](Repositories& r) {
              return CloseTransfer(r, "t-1", 7, domain::TransferStatus::kRejected);
            }).code(),
            StatusCode::kAborted);
  ASSERT_TRUE(W([](Repositories& r) {
                return CloseTransfer(r, "t-1", 1, domain::TransferStatus::kRejected);
              }).ok());
  ASSERT_TRUE(W([](Repositories& r) -> Status {
                EXPECT_EQ(r.Transfers().GetHolding("s-a").status().code(), StatusCode::kNotFound);
                RETURN_IF_ERROR(r.Transfers().Insert(MakeTransfer("t-2", {"s-a"}, "p2")));
                return CloseTransfer(r, "t-2", 1, domain::TransferStatus::kComplete);
              }).ok());
  ASSERT_TRUE(R([](Repositories& r) -> Status {
                ASSIGN_OR_RETURN(domain::Transfer t1, r.Transfers().Get(kCustomer, "t-1"));
                EXPECT_EQ(t1.status, domain::TransferStatus::kRejected);
                EXPECT_EQ(t1.etag, 2);
                EXPECT_EQ(t1.last_modified_at, kT0 + hours(1));
                ASSIGN_OR_RETURN(domain::Transfer t2, r.Transfers().Get(kCustomer, "t-2"));
                EXPECT_EQ(t2.status, domain::TransferStatus::kComplete);
                EXPECT_EQ(t2.order_id, "o-1");
                EXPECT_EQ(r.Transfers().GetHolding("s-a").status().code(), StatusCode::kNotFound);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(W([](Repositories& r) {
              return CloseTransfer(r, "t-9", 1, domain::TransferStatus::kWithdrawn);
            }).code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace csphub::storage::sqlite
