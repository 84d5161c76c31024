#pragma once
// What an order needs to know about the thing a line item names (`offerId`: a legacy offer ID
// or a catalogItemId), in the customer's country. Built by FindOrderable()
// (catalog_service.hpp), so orders never read the catalog tables themselves.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/catalog/catalog.hpp"

namespace csphub::domain {

struct OrderableOffer {
  enum class Kind { kLegacyOffer, kCatalogItem };
  Kind kind = Kind::kLegacyOffer;
  // The canonical ID to record on the subscription: the offer ID, or the full catalogItemId.
  std::string offer_id;
  // For a catalog item its parts; for a legacy offer the SKU it is linked to (may be empty).
  std::string product_id;
  std::string sku_id;
  std::string availability_id;  // catalog items only
  std::string name;             // offer name, or "{product title} {sku title}"
  std::string country;          // the country it was found available in
  std::int64_t minimum_quantity = 1;
  std::int64_t maximum_quantity = 1;
  std::vector<std::string> billing_cycles;  // allowed billingCycle values
  std::vector<std::string> term_durations;  // allowed termDuration values (empty: none taken)
  // Catalog items: the exact (duration, cycle) pairs sold. Legacy offers: every pair of
  // term_durations × billing_cycles.
  std::vector<Term> terms;
  bool is_add_on = false;
  // Add-ons: a base subscription of one of these must exist. Legacy offers name offer IDs;
  // catalog items name "{productId}:{skuId}" of the base SKU.
  std::vector<std::string> prerequisite_offer_ids;
  std::string billing = "license";  // license | usage | none
  std::string unit_type;
  bool auto_renewable = true;
  bool is_trial = false;

  // Whether a line item may ask for this term and cycle. An empty duration matches offers that
  // take no term (usage-billed ones).
  bool AllowsTerm(const std::string& duration, const std::string& billing_cycle) const {
    if (duration.empty() && term_durations.empty()) {
      for (const auto& c : billing_cycles) {
        if (c == billing_cycle) return true;
      }
      return false;
    }
    for (const auto& t : terms) {
      if (t.duration == duration && t.billing_cycle == billing_cycle) return true;
    }
    return false;
  }
  bool AllowsQuantity(std::int64_t quantity) const {
    return quantity >= minimum_quantity && quantity <= maximum_quantity;
  }
};

}  // namespace csphub::domain
