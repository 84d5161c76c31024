#pragma once
// Orders: POST/GET /v1/customers/{id}/orders (issue 4; reference §4.3 Order, §4.4 "Order for
// reseller customer"). One order is one transaction: every line's subscription, the order and
// its audit record commit together or not at all.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/catalog/orderable_cache.hpp"
#include "domain/commerce/order.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// A line item as sent; validated by OrderService::Create.
struct NewOrderLine {
  std::optional<std::int64_t> line_item_number;  // 0..n-1 when given; its index otherwise
  std::string offer_id;
  std::optional<std::int64_t> quantity;
  std::string term_duration;  // empty: the offer's first term for the billing cycle
  std::string billing_cycle;  // empty: the order's
  std::string friendly_name;  // empty: the offer's name
  std::string partner_id_on_record;
  std::string parent_subscription_id;  // add-ons: the base subscription
};

struct NewOrder {
  std::string billing_cycle;  // empty: "monthly"
  std::vector<NewOrderLine> line_items;
};

// Most line items one order may carry [impl]: enough for any real cart, small enough that an
// order stays one short transaction.
inline constexpr std::size_t kMaxOrderLines = 50;

class OrderService {
 public:
  explicit OrderService(ServiceDeps& deps) : deps_(deps) {}

  // Places the order and creates one subscription per line. Errors: 900150 role; 404 / 403
  // 20002 visibility; 403 700204 for an indirect reseller (its provider orders); 403 13605 without
  // an agreement; 400 naming the field (lineItems[i].offerId, .quantity (2002 out of bounds),
  // .termDuration, .billingCycle, .friendlyName, .parentSubscriptionId); partnerIdOnRecord as in
  // ResolveResellerOfRecord; 409 27009 for an add-on whose base is not active.
  Result<Order> Create(const CallContext& ctx, const std::string& customer_id, NewOrder req);
  // The customer's orders the caller placed or is reseller of record on; a reseller sees only
  // its own lines.
  Result<std::vector<Order>> List(const CallContext& ctx, const std::string& customer_id);
  // 404 (1000) when the caller may not see it.
  Result<Order> Get(const CallContext& ctx, const std::string& customer_id,
                    const std::string& order_id);

 private:
  ServiceDeps& deps_;
  OrderableCache orderable_;  // the catalog lookups of line items (the same few offers, mostly)
};

}  // namespace csphub::domain
