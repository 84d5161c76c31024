#pragma once
// The catalog partners sell from (issue 4; reference §4.2, §4.3 Offer, Product, Sku,
// Availability). Two views of one operator-loaded catalog:
//  - the product tree: Product → Sku → Availability. An availability holds the terms
//    (termDuration × billingCycle) one SKU is sold on, in a set of countries; the order line
//    names it by catalogItemId "{productId}:{skuId}:{availabilityId}";
//  - legacy offers: flat records with their own IDs and countries. An offer may name the SKU it
//    corresponds to (`product_id`/`sku_id`): a link for clients, never a second source of
//    truth for the offer's own fields. docs/catalog.md explains the mapping.
// IDs are kept upper case (Partner Center spells them so) and matched case-insensitively.
#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

// Reference §4.3 BillingCycleType, in its wire spelling.
inline constexpr const char* kBillingCycles[] = {"monthly",   "annual",   "none",   "one_time",
                                                 "triennial", "biennial", "unknown"};
// ISO 8601 durations Partner Center uses for terms.
inline constexpr const char* kTermDurations[] = {"P1M", "P1Y", "P3Y"};
// Offer.billing / Subscription.billingType.
inline constexpr const char* kBillingTypes[] = {"license", "usage", "none"};

// A country the catalog sells in, with the currency its availabilities are priced in.
struct CatalogCountry {
  std::string code;             // ISO 3166 alpha-2, upper case
  std::string currency_code;    // ISO 4217: "USD"
  std::string currency_symbol;  // "$"
};

struct Product {
  std::string id;
  std::string title;
  std::string description;
  std::string product_type;               // productType.id = the targetView: "OnlineServices"
  std::string product_type_display_name;  // "OnlineServices"
  std::string product_sub_type;           // productType.subType.id, may be empty
  bool is_microsoft_product = true;
  std::string publisher_name;
  int position = 0;  // order in the file; lists keep it
};

struct Sku {
  std::string product_id;
  std::string id;
  std::string title;
  std::string description;
  std::int64_t minimum_quantity = 1;
  std::int64_t maximum_quantity = 1;
  bool is_trial = false;
  bool is_add_on = false;
  // Add-ons only: the SKUs ("{productId}:{skuId}") a customer must already have.
  std::vector<std::string> prerequisite_skus;
  std::vector<std::string> purchase_prerequisites;  // Partner Center's, e.g. "InventoryCheck"
  std::string billing = "license";                  // license | usage | none
  std::string unit_type = "Licenses";
  int position = 0;
  // Derived on reads, not from the file: the billing cycles its availabilities in the country
  // asked for offer (Partner Center's Sku.supportedBillingCycles).
  std::vector<std::string> supported_billing_cycles;
};

// One way to buy a SKU: a length of commitment and how often it is billed.
struct Term {
  std::string duration;       // P1M | P1Y | P3Y
  std::string billing_cycle;  // monthly | annual | triennial | ...
};

struct Availability {
  std::string product_id;
  std::string sku_id;
  std::string id;
  std::vector<std::string> countries;  // where it is sold
  std::string segment = "commercial";  // the targetSegment
  bool is_purchasable = true;
  bool is_renewable = true;
  std::vector<Term> terms;  // empty for usage-billed SKUs (pay as you go)
  int position = 0;

  std::string CatalogItemId() const { return product_id + ":" + sku_id + ":" + id; }
  // The billing cycles of its terms, each once, in term order.
  std::vector<std::string> BillingCycles() const;
};

struct OfferCategory {
  std::string id;
  std::string name;
  std::int64_t rank = 0;
};

struct Offer {
  std::string id;
  std::string name;
  std::string description;
  std::int64_t minimum_quantity = 1;
  std::int64_t maximum_quantity = 1;
  std::int64_t rank = 0;
  OfferCategory category;
  std::vector<std::string> prerequisite_offers;  // add-ons: base offer IDs
  bool is_add_on = false;
  bool is_available_for_purchase = true;
  std::string billing = "license";  // license | usage | none
  std::vector<std::string> supported_billing_cycles;
  // [impl] Partner Center's legacy offers carry no terms; orders need one, so the file says
  // which it allows (empty: none, as for usage-billed offers).
  std::vector<std::string> term_durations;
  bool is_auto_renewable = true;
  std::vector<std::string> upgrade_target_offers;
  std::string unit_type = "Licenses";
  bool is_trial = false;
  std::vector<std::string> countries;  // where it is sold
  std::string product_id;              // the SKU it corresponds to, if any
  std::string sku_id;
  int position = 0;
  bool has_add_ons = false;  // derived on reads: some add-on names it as a prerequisite
};

// The whole catalog, as a file describes it and as an import replaces it.
struct Catalog {
  std::string version;  // "2026.04.1": dot- or dash-separated numbers, compared numerically
  std::vector<CatalogCountry> countries;
  std::vector<Product> products;
  std::vector<Sku> skus;
  std::vector<Availability> availabilities;
  std::vector<Offer> offers;
};

// What the store remembers of the catalog in use.
struct CatalogVersion {
  std::string version;
  TimePoint imported_at;
  std::string source;  // the file name the operator imported, or "demo"
  bool forced = false;
};

// Product list filters (GET /v1/products?country=&targetView=&targetSegment=).
struct ProductQuery {
  std::string country;         // required, upper case
  std::string target_view;     // a product type; empty: every type
  std::string target_segment;  // an availability segment; empty: every segment
};

}  // namespace csphub::domain
