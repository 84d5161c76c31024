#include "domain/catalog/catalog_validation.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/ids.hpp"
#include "domain/customer/customer_validation.hpp"

namespace csphub::domain {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;
constexpr const char* kSegments[] = {"commercial", "education", "government", "nonprofit"};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

template <std::size_t N>
bool OneOf(const std::string& v, const char* const (&set)[N]) {
  return std::find_if(std::begin(set), std::end(set), [&](const char* s) { return v == s; }) !=
         std::end(set);
}

template <std::size_t N>
std::string Listed(const char* const (&set)[N]) {
  std::string out;
  for (const char* s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

// Collects problems with the record each one belongs to.
class Problems {
 public:
  void Add(const std::string& record, const std::string& field, const std::string& problem) {
    out_.push_back(record + ": field '" + field + "' " + problem);
  }
  std::vector<std::string> Take() { return std::move(out_); }

 private:
  std::vector<std::string> out_;
};

void CheckId(Problems& p, const std::string& record, const std::string& field,
             const std::string& id) {
  if (id.empty()) {
    p.Add(record, field, "is required");
  } else if (!IsCatalogId(id)) {
    p.Add(record, field, "must be 1-64 letters, digits, '-', '_' or '.'");
  }
}

void CheckQuantities(Problems& p, const std::string& record, std::int64_t min, std::int64_t max) {
  if (min < 1 || min > kMaxQuantity) {
    p.Add(record, "minimumQuantity", "must be 1 to " + std::to_string(kMaxQuantity));
  }
  if (max < 1 || max > kMaxQuantity) {
    p.Add(record, "maximumQuantity", "must be 1 to " + std::to_string(kMaxQuantity));
  } else if (max < min) {
    p.Add(record, "maximumQuantity", "must not be less than minimumQuantity");
  }
}

// Each value once, each a valid ISO country; `known` (when given) must list it.
void CheckCountries(Problems& p, const std::string& record, std::vector<std::string>& countries,
                    const std::set<std::string>* known) {
  if (countries.empty()) p.Add(record, "countries", "must name at least one country");
  std::set<std::string> seen;
  for (auto& c : countries) {
    c = Upper(c);
    if (!IsCountryCode(c)) {
      p.Add(record, "countries", "has '" + c + "', not an ISO 3166 country code");
    } else if (known && !known->count(c)) {
      p.Add(record, "countries", "has '" + c + "', missing from the catalog's 'countries'");
    }
    if (!seen.insert(c).second) p.Add(record, "countries", "lists '" + c + "' twice");
  }
}

void NormalizeIds(std::vector<std::string>& ids) {
  for (auto& id : ids) id = Upper(id);
}

}  // namespace

bool IsCatalogId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool IsCatalogVersion(std::string_view version) {
  return CompareCatalogVersions(version, version).has_value();
}

std::optional<int> CompareCatalogVersions(std::string_view a, std::string_view b) {
  auto parts = [](std::string_view v) -> std::optional<std::vector<std::int64_t>> {
    std::vector<std::int64_t> out;
    if (v.empty()) return std::nullopt;
    std::size_t start = 0;
    while (true) {
      std::size_t end = v.find_first_of(".-", start);
      const std::string_view part =
          v.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (part.empty() || part.size() > 9 || !std::all_of(part.begin(), part.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          })) {
        return std::nullopt;
      }
      out.push_back(std::stoll(std::string(part)));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    if (out.size() > 6) return std::nullopt;
    return out;
  };
  auto pa = parts(a);
  auto pb = parts(b);
  if (!pa || !pb) return std::nullopt;
  const std::size_t n = std::max(pa->size(), pb->size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t x = i < pa->size() ? (*pa)[i] : 0;
    const std::int64_t y = i < pb->size() ? (*pb)[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

std::vector<std::string> NormalizeAndValidateCatalog(Catalog& c) {
  Problems p;
  if (c.version.empty()) {
    p.Add("catalog", "version", "is required");
  } else if (!IsCatalogVersion(c.version)) {
    p.Add(
        "catalog", "version",
        "must be 1 to 6 numbers separated by '.' or '-' (e.g. 2026.04.1), not '" + c.version + "'");
  }

  std::set<std::string> countries;
  for (auto& country : c.countries) {
    country.code = Upper(country.code);
    country.currency_code = Upper(country.currency_code);
    const std::string record = "country '" + country.code + "'";
    if (!IsCountryCode(country.code)) p.Add(record, "code", "must be an ISO 3166 country code");
    if (!countries.insert(country.code).second) p.Add(record, "code", "is listed twice");
    if (country.currency_code.size() != 3 ||
        !std::all_of(country.currency_code.begin(), country.currency_code.end(),
                     [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      p.Add(record, "currency", "must be an ISO 4217 code such as USD");
    }
    if (country.currency_symbol.empty()) p.Add(record, "currencySymbol", "is required");
  }

  std::set<std::string> products;
  for (auto& prod : c.products) {
    prod.id = Upper(prod.id);
    const std::string record = "product '" + prod.id + "'";
    CheckId(p, record, "id", prod.id);
    if (!products.insert(prod.id).second) p.Add(record, "id", "is used by another product");
    if (prod.title.empty()) p.Add(record, "title", "is required");
    if (!IsCatalogId(prod.product_type)) {
      p.Add(record, "productType.id", "is required (a view such as OnlineServices or Azure)");
    }
    if (prod.product_type_display_name.empty()) prod.product_type_display_name = prod.product_type;
  }

  std::map<std::string, const Sku*> skus;  // "P:S" → SKU
  for (auto& sku : c.skus) {
    sku.product_id = Upper(sku.product_id);
    sku.id = Upper(sku.id);
    sku.billing = ToLower(sku.billing);
    NormalizeIds(sku.prerequisite_skus);
    const std::string key = sku.product_id + ":" + sku.id;
    const std::string record = "sku '" + key + "'";
    if (!products.count(sku.product_id)) p.Add(record, "productId", "names no product");
    CheckId(p, record, "id", sku.id);
    if (!skus.emplace(key, &sku).second)
      p.Add(record, "id", "is used by another SKU of the product");
    if (sku.title.empty()) p.Add(record, "title", "is required");
    CheckQuantities(p, record, sku.minimum_quantity, sku.maximum_quantity);
    if (!OneOf(sku.billing, kBillingTypes)) {
      p.Add(record, "billing", "must be one of " + Listed(kBillingTypes));
    }
    if (sku.unit_type.empty()) p.Add(record, "unitType", "is required");
  }
  for (const auto& sku : c.skus) {
    const std::string record = "sku '" + sku.product_id + ":" + sku.id + "'";
    if (sku.is_add_on && sku.prerequisite_skus.empty()) {
      p.Add(record, "prerequisiteSkus", "must name the base SKU(s) of an add-on");
    }
    if (!sku.is_add_on && !sku.prerequisite_skus.empty()) {
      p.Add(record, "prerequisiteSkus", "is only for add-ons (isAddOn true)");
    }
    for (const auto& pre : sku.prerequisite_skus) {
      auto it = skus.find(pre);
      if (it == skus.end()) {
        p.Add(record, "prerequisiteSkus", "has '" + pre + "', not a '{productId}:{skuId}' here");
      } else if (it->second->is_add_on) {
        p.Add(record, "prerequisiteSkus", "has '" + pre + "', itself an add-on");
      }
    }
  }

  std::set<std::string> availabilities;
  for (auto& a : c.availabilities) {
    a.product_id = Upper(a.product_id);
    a.sku_id = Upper(a.sku_id);
    a.id = Upper(a.id);
    a.segment = ToLower(a.segment);
    const std::string record = "availability '" + a.CatalogItemId() + "'";
    auto sku = skus.find(a.product_id + ":" + a.sku_id);
    if (sku == skus.end()) p.Add(record, "skuId", "names no SKU of the product");
    CheckId(p, record, "id", a.id);
    if (!availabilities.insert(a.CatalogItemId()).second) {
      p.Add(record, "id", "is used by another availability of the SKU");
    }
    CheckCountries(p, record, a.countries, &countries);
    if (!OneOf(a.segment, kSegments))
      p.Add(record, "segment", "must be one of " + Listed(kSegments));
    std::set<std::pair<std::string, std::string>> seen;
    for (auto& t : a.terms) {
      t.duration = Upper(t.duration);
      t.billing_cycle = ToLower(t.billing_cycle);
      if (!OneOf(t.duration, kTermDurations)) {
        p.Add(record, "terms.duration", "must be one of " + Listed(kTermDurations));
      }
      if (!OneOf(t.billing_cycle, kBillingCycles) || t.billing_cycle == "unknown") {
        p.Add(record, "terms.billingCycle", "must be a billing cycle such as monthly or annual");
      }
      if (!seen.insert({t.duration, t.billing_cycle}).second) {
        p.Add(record, "terms", "lists " + t.duration + "/" + t.billing_cycle + " twice");
      }
    }
    if (sku != skus.end()) {
      // Usage is billed monthly in arrears with no commitment: such SKUs take no term.
      const bool usage = sku->second->billing == "usage";
      if (usage && !a.terms.empty()) p.Add(record, "terms", "must be empty for a usage-billed SKU");
      if (!usage && a.terms.empty()) p.Add(record, "terms", "must name at least one term");
    }
  }

  std::map<std::string, const Offer*> offers;
  for (auto& o : c.offers) {
    o.id = Upper(o.id);
    o.billing = ToLower(o.billing);
    o.product_id = Upper(o.product_id);
    o.sku_id = Upper(o.sku_id);
    NormalizeIds(o.prerequisite_offers);
    NormalizeIds(o.upgrade_target_offers);
    const std::string record = "offer '" + o.id + "'";
    CheckId(p, record, "id", o.id);
    if (!offers.emplace(o.id, &o).second) p.Add(record, "id", "is used by another offer");
    if (o.name.empty()) p.Add(record, "name", "is required");
    CheckQuantities(p, record, o.minimum_quantity, o.maximum_quantity);
    if (!OneOf(o.billing, kBillingTypes)) {
      p.Add(record, "billing", "must be one of " + Listed(kBillingTypes));
    }
    if (o.supported_billing_cycles.empty()) {
      p.Add(record, "supportedBillingCycles", "must name at least one billing cycle");
    }
    for (auto& cycle : o.supported_billing_cycles) {
      cycle = ToLower(cycle);
      if (!OneOf(cycle, kBillingCycles) || cycle == "unknown") {
        p.Add(record, "supportedBillingCycles", "has '" + cycle + "', not a billing cycle");
      }
    }
    for (auto& d : o.term_durations) {
      d = Upper(d);
      if (!OneOf(d, kTermDurations)) {
        p.Add(record, "termDurations", "has '" + d + "'; use " + Listed(kTermDurations));
      }
    }
    if (o.billing == "license" && o.term_durations.empty()) {
      p.Add(record, "termDurations", "must name at least one term for a license-billed offer");
    }
    if (o.billing == "usage" && !o.term_durations.empty()) {
      p.Add(record, "termDurations", "must be empty for a usage-billed offer");
    }
    if (o.unit_type.empty()) p.Add(record, "unitType", "is required");
    CheckCountries(p, record, o.countries, nullptr);
    if (!o.category.id.empty() && !IsCatalogId(o.category.id)) {
      p.Add(record, "category.id", "must be 1-64 letters, digits, '-', '_' or '.'");
    }
    if (o.product_id.empty() != o.sku_id.empty()) {
      p.Add(record, o.product_id.empty() ? "productId" : "skuId",
            "is required with the other: an offer links to one SKU");
    } else if (!o.product_id.empty() && !skus.count(o.product_id + ":" + o.sku_id)) {
      p.Add(record, "skuId", "names no SKU '" + o.product_id + ":" + o.sku_id + "'");
    }
  }
  for (const auto& o : c.offers) {
    const std::string record = "offer '" + o.id + "'";
    if (o.is_add_on && o.prerequisite_offers.empty()) {
      p.Add(record, "prerequisiteOffers", "must name the base offer(s) of an add-on");
    }
    if (!o.is_add_on && !o.prerequisite_offers.empty()) {
      p.Add(record, "prerequisiteOffers", "is only for add-ons (isAddOn true)");
    }
    for (const auto& pre : o.prerequisite_offers) {
      auto it = offers.find(pre);
      if (it == offers.end()) {
        p.Add(record, "prerequisiteOffers", "has '" + pre + "', not an offer of this catalog");
      } else if (it->second->is_add_on) {
        p.Add(record, "prerequisiteOffers", "has '" + pre + "', itself an add-on");
      }
    }
    for (const auto& target : o.upgrade_target_offers) {
      if (target == o.id || !offers.count(target)) {
        p.Add(record, "upgradeTargetOffers", "has '" + target + "', not another offer here");
      }
    }
  }

  int position = 0;
  for (auto& x : c.products) x.position = position++;
  for (auto& x : c.skus) x.position = position++;
  for (auto& x : c.availabilities) x.position = position++;
  for (auto& x : c.offers) x.position = position++;
  return p.Take();
}

std::vector<std::string> Availability::BillingCycles() const {
  std::vector<std::string> out;
  for (const auto& t : terms) {
    if (std::find(out.begin(), out.end(), t.billing_cycle) == out.end()) {
      out.push_back(t.billing_cycle);
    }
  }
  return out;
}

}  // namespace csphub::domain
