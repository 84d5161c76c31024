#pragma once
// Orders, subscriptions and transfers in storage. Bound to one transaction; not thread-safe on
// their own.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/commerce/order.hpp"
#include "domain/commerce/subscription.hpp"
#include "domain/commerce/transfer.hpp"

namespace csphub::domain {

class OrderRepository {
 public:
  virtual ~OrderRepository() = default;
  // The order and its line items. AlreadyExists if the ID is taken.
  virtual Status Insert(const Order& order) = 0;
  // NotFound when the customer has no such order.
  virtual Result<Order> Get(const std::string& customer_id, const std::string& order_id) = 0;
  // The customer's orders that `partner` placed or is reseller of record on (any line), oldest
  // first, each with all its line items.
  virtual Result<std::vector<Order>> ListVisibleTo(const std::string& customer_id,
                                                   const std::string& partner) = 0;
};

struct SubscriptionQuery {
  std::string customer_id;
  // Only subscriptions `visible_to` sells or is reseller of record on; all when empty.
  std::string visible_to;
  std::string order_id;            // only this order's, when set
  std::string reseller_tenant_id;  // only those on record for this reseller, when set
};

class SubscriptionRepository {
 public:
  virtual ~SubscriptionRepository() = default;
  // Inserts the subscription and the first event of its timeline (`kind`, by `actor`, at
  // s.updated_at). AlreadyExists if the ID is taken.
  virtual Status Insert(const Subscription& s, const std::string& kind,
                        const std::string& actor) = 0;
  // Replaces the stored state with `s` (whose etag must already be the new one) if the stored
  // etag is still `expected_etag`, and appends the event; Aborted (412, code 2055) when another
  // writer got there first, NotFound when it is gone.
  virtual Status Update(const Subscription& s, std::int64_t expected_etag, const std::string& kind,
                        const std::string& actor) = 0;
  // NotFound (code 20003) when the customer has no such subscription.
  virtual Result<Subscription> Get(const std::string& customer_id, const std::string& id) = 0;
  virtual Result<std::vector<Subscription>> List(const SubscriptionQuery& q) = 0;
  // The timeline, oldest first.
  virtual Result<std::vector<SubscriptionEvent>> Timeline(const std::string& customer_id,
                                                          const std::string& id) = 0;
  // The state as of `when`: the last event at or before it. NotFound when it did not exist yet.
  virtual Result<Subscription> GetAsOf(const std::string& customer_id, const std::string& id,
                                       TimePoint when) = 0;
  // How many of the customer's subscriptions `partner` sells or is reseller of record on have
  // status active (what blocks removing the relationship).
  virtual Result<std::int64_t> CountActive(const std::string& customer_id,
                                           const std::string& partner) = 0;
};

class TransferRepository {
 public:
  virtual ~TransferRepository() = default;
  // The transfer and its line items. While the transfer is Active each line holds its
  // subscription: AlreadyExists when one of them is held by another Active transfer (the
  // database enforces it, so two concurrent creations cannot both hold a subscription).
  virtual Status Insert(const Transfer& t) = 0;
  // NotFound when the customer has no such transfer.
  virtual Result<Transfer> Get(const std::string& customer_id, const std::string& id) = 0;
  // The customer's transfers `partner` is the source or the target of, oldest first.
  virtual Result<std::vector<Transfer>> ListFor(const std::string& customer_id,
                                                const std::string& partner) = 0;
  // The transfer stored as Active that holds the subscription (it may have expired by now);
  // NotFound when none does.
  virtual Result<Transfer> GetHolding(const std::string& subscription_id) = 0;
  // Stores t's status, order_id, last_modified_at and etag (already the new one) if the stored
  // etag is still `expected_etag`; a transfer that is no longer Active releases its
  // subscriptions. Aborted (412, 2055) when another writer got there first, NotFound when gone.
  virtual Status Update(const Transfer& t, std::int64_t expected_etag) = 0;
};

}  // namespace csphub::domain
