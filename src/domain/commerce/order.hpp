#pragma once
// Orders (reference §4.3 Order, OrderLineItem). An order is placed by one partner for one
// customer; each line item becomes one subscription, all in one transaction.
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

struct OrderLineItem {
  int line_item_number = 0;  // 0..count-1
  std::string offer_id;
  std::int64_t quantity = 0;
  std::string term_duration;
  std::string billing_cycle;
  std::string friendly_name;
  std::string partner_id_on_record;  // the reseller's MPN ID, or empty
  std::string reseller_tenant_id;    // resolved from partner_id_on_record
  std::string parent_subscription_id;
  std::string subscription_id;  // the subscription the line created
};

struct Order {
  std::string id;
  std::string customer_id;
  std::string partner_tenant_id;  // who placed it
  std::string billing_cycle;      // the order's (and its lines' default) billing cycle
  std::string currency_code;
  std::string currency_symbol;
  std::string status = "completed";
  std::string transaction_type = "UserPurchase";
  std::vector<OrderLineItem> line_items;
  TimePoint created_at;
  std::int64_t etag = 1;
};

}  // namespace csphub::domain
