#pragma once
// Licenses of a customer's users (reference §2.8, §4.3 LicenseUpdate, License, SubscribedSku).
// A license SKU is a catalog SKU, named "{productId}:{skuId}"; the units a customer owns are the
// quantities of its active license-billed subscriptions of that SKU, from every partner.
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

struct LicenseAssignment {
  std::string customer_id;
  std::string user_id;
  std::string sku_id;
  std::vector<std::string> excluded_plans;
  TimePoint assigned_at;
};

// One SKU of the customer, with its units.
struct SubscribedSku {
  std::string sku_id;  // "{productId}:{skuId}"
  std::string name;    // the SKU's title
  std::string product_id;
  std::int64_t active_units = 0;     // bought: active subscriptions' quantities
  std::int64_t suspended_units = 0;  // in suspended subscriptions
  std::int64_t consumed_units = 0;   // assigned to users
  std::int64_t Available() const {
    return active_units > consumed_units ? active_units - consumed_units : 0;
  }
};

}  // namespace csphub::domain
