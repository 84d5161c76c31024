// The order and subscription repositories against a real SQLite file: an order with its lines,
// visibility to the reseller of record, the subscription timeline (state at a past date), the
// etag guard that makes concurrent changes lose cleanly, and the active count that blocks
// removing a relationship.
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

}  // namespace
}  // namespace csphub::storage::sqlite
