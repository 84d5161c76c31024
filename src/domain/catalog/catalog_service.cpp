#include "domain/catalog/catalog_service.hpp"

#include <algorithm>

#include "common/ids.hpp"
#include "domain/catalog/catalog_validation.hpp"
#include "domain/customer/customer_validation.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// How many validation problems one error description lists (ApiFault descriptions stay short;
// the CLI prints them all itself).
constexpr std::size_t kProblemsShown = 10;

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The operator and every partner role read the catalog.
Status AuthorizeRead(const CallContext& ctx) {
  if (ctx.IsOperator()) return Status::Ok();
  return Authorize(ctx, Operation::kViewCatalog);
}

bool SoldIn(const std::vector<std::string>& countries, const std::string& country) {
  return std::find(countries.begin(), countries.end(), country) != countries.end();
}

Status NotSold(const std::string& what, const std::string& id, const std::string& country) {
  return NotFound("No " + what + " with the ID " + id + " is sold in " + country + ".");
}

Result<OrderableOffer> FromOffer(const Offer& o, const std::string& country) {
  if (!SoldIn(o.countries, country) || !o.is_available_for_purchase) {
    return NotSold("offer", o.id, country);
  }
  OrderableOffer out;
  out.kind = OrderableOffer::Kind::kLegacyOffer;
  out.offer_id = o.id;
  out.product_id = o.product_id;
  out.sku_id = o.sku_id;
  out.name = o.name;
  out.country = country;
  out.minimum_quantity = o.minimum_quantity;
  out.maximum_quantity = o.maximum_quantity;
  out.billing_cycles = o.supported_billing_cycles;
  out.term_durations = o.term_durations;
  for (const auto& d : o.term_durations) {
    for (const auto& c : o.supported_billing_cycles) out.terms.push_back({d, c});
  }
  out.is_add_on = o.is_add_on;
  out.prerequisite_offer_ids = o.prerequisite_offers;
  out.billing = o.billing;
  out.unit_type = o.unit_type;
  out.auto_renewable = o.is_auto_renewable;
  out.is_trial = o.is_trial;
  return out;
}

}  // namespace

Result<std::string> RequiredCountry(const std::string& country) {
  if (country.empty()) {
    return InvalidField("country", "is required: the ISO 3166 code of the market (e.g. US)");
  }
  const std::string code = Upper(country);
  if (!IsCountryCode(code)) return InvalidField("country", "must be an ISO 3166 country code");
  return code;
}

Result<OrderableOffer> FindOrderable(CatalogRepository& catalog, const std::string& offer_id,
                                     const std::string& country_in) {
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  const std::string id = Upper(offer_id);
  const Status unknown = NotFound("No offer or catalog item with the ID " + offer_id + ".");
  if (id.find(':') == std::string::npos) {
    if (!IsCatalogId(id)) return unknown;
    auto offer = catalog.GetOffer(id);
    if (!offer.ok())
      return offer.status().code() == StatusCode::kNotFound ? unknown : offer.status();
    return FromOffer(*offer, country);
  }
  // "{productId}:{skuId}:{availabilityId}"
  const std::size_t a = id.find(':');
  const std::size_t b = id.find(':', a + 1);
  if (b == std::string::npos || id.find(':', b + 1) != std::string::npos) return unknown;
  const std::string pid = id.substr(0, a), sid = id.substr(a + 1, b - a - 1),
                    aid = id.substr(b + 1);
  if (!IsCatalogId(pid) || !IsCatalogId(sid) || !IsCatalogId(aid)) return unknown;
  auto availability = catalog.GetAvailability(pid, sid, aid);
  if (!availability.ok()) {
    return availability.status().code() == StatusCode::kNotFound ? unknown : availability.status();
  }
  if (!SoldIn(availability->countries, country) || !availability->is_purchasable) {
    return NotSold("catalog item", id, country);
  }
  ASSIGN_OR_RETURN(Product product, catalog.GetProduct(pid));
  ASSIGN_OR_RETURN(Sku sku, catalog.GetSku(pid, sid));
  OrderableOffer out;
  out.kind = OrderableOffer::Kind::kCatalogItem;
  out.offer_id = id;
  out.product_id = pid;
  out.sku_id = sid;
  out.availability_id = aid;
  out.name = product.title + " " + sku.title;
  out.country = country;
  out.minimum_quantity = sku.minimum_quantity;
  out.maximum_quantity = sku.maximum_quantity;
  out.terms = availability->terms;
  if (availability->terms.empty()) {
    // Usage-billed: no commitment, billed monthly in arrears (docs/catalog.md).
    out.billing_cycles = {"monthly"};
  } else {
    out.billing_cycles = availability->BillingCycles();
    for (const auto& t : availability->terms) {
      if (std::find(out.term_durations.begin(), out.term_durations.end(), t.duration) ==
          out.term_durations.end()) {
        out.term_durations.push_back(t.duration);
      }
    }
  }
  out.is_add_on = sku.is_add_on;
  out.prerequisite_offer_ids = sku.prerequisite_skus;
  out.billing = sku.billing;
  out.unit_type = sku.unit_type;
  out.auto_renewable = availability->is_renewable;
  out.is_trial = sku.is_trial;
  return out;
}

Result<ImportedCatalog> CatalogService::Import(const CallContext& ctx, Catalog catalog,
                                               const std::string& source, bool force) {
  RETURN_IF_ERROR(AuthorizeOperator(ctx));
  const std::vector<std::string> problems = NormalizeAndValidateCatalog(catalog);
  if (!problems.empty()) {
    std::string text = "The catalog is not valid (" + std::to_string(problems.size()) + " problem" +
                       (problems.size() == 1 ? "" : "s") + "; nothing was imported):";
    for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
      text += "\n" + problems[i];
    }
    if (problems.size() > kProblemsShown) text += "\n...";
    return InvalidArgument(text);
  }
  ImportedCatalog out;
  out.version = {catalog.version, deps_.clock.Now(), source, force};
  out.products = catalog.products.size();
  out.skus = catalog.skus.size();
  out.availabilities = catalog.availabilities.size();
  out.offers = catalog.offers.size();
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    auto current = repos.Catalog().CurrentVersion();
    if (current.ok()) {
      out.previous = *current;
      const auto cmp = CompareCatalogVersions(catalog.version, current->version);
      if (!force && cmp && *cmp < 0) {
        return FailedPrecondition("The catalog in use is version " + current->version +
                                      "; version " + catalog.version +
                                      " is older. Import it with --force to go back.",
                                  pc::kCatalogVersionOlder);
      }
      // Every import gets a later time than the one it replaces, even on a clock that did not
      // move: the import time is what tells the order path's OrderableCache (on every node) that
      // the catalog changed, including a forced re-import of the same version.
      // (Compared in the milliseconds the store keeps.)
      if (ToUnixMillis(out.version.imported_at) <= ToUnixMillis(current->imported_at)) {
        out.version.imported_at = FromUnixMillis(ToUnixMillis(current->imported_at) + 1);
      }
    } else if (current.status().code() != StatusCode::kNotFound) {
      return current.status();
    }
    return repos.Catalog().Replace(catalog, out.version);
  }));
  return out;
}

Result<std::optional<CatalogVersion>> CatalogService::CurrentVersion(const CallContext& ctx) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  std::optional<CatalogVersion> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto v = repos.Catalog().CurrentVersion();
    if (v.ok()) {
      out = *v;
      return Status::Ok();
    }
    return v.status().code() == StatusCode::kNotFound ? Status::Ok() : v.status();
  }));
  return out;
}

Result<Catalog> CatalogService::Load(const CallContext& ctx) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  Catalog out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Catalog().Load());
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Offer>> CatalogService::ListOffers(const CallContext& ctx,
                                                      const std::string& country_in) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  std::vector<Offer> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Catalog().ListOffers(country));
    return Status::Ok();
  }));
  return out;
}

Result<Offer> CatalogService::GetOffer(const CallContext& ctx, const std::string& id,
                                       const std::string& country_in) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  const std::string key = Upper(id);
  if (!IsCatalogId(key)) return NotSold("offer", id, country);
  std::optional<Offer> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Catalog().GetOffer(key));
    return Status::Ok();
  }));
  if (!SoldIn(out->countries, country)) return NotSold("offer", key, country);
  return std::move(*out);
}

Result<std::vector<Product>> CatalogService::ListProducts(const CallContext& ctx, ProductQuery q) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(q.country, RequiredCountry(q.country));
  q.target_segment = ToLower(q.target_segment);
  std::vector<Product> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, repos.Catalog().ListProducts(q));
    return Status::Ok();
  }));
  return out;
}

Result<Product> CatalogService::GetProduct(const CallContext& ctx, const std::string& product_id,
                                           const std::string& country_in) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  const std::string pid = Upper(product_id);
  if (!IsCatalogId(pid)) return NotSold("product", product_id, country);
  std::optional<Product> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    auto product = repos.Catalog().GetProduct(pid);
    if (!product.ok()) return product.status();
    ASSIGN_OR_RETURN(auto skus, repos.Catalog().ListSkus(pid, country));
    if (skus.empty()) return NotSold("product", pid, country);
    out = std::move(*product);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<std::vector<Sku>> CatalogService::ListSkus(const CallContext& ctx,
                                                  const std::string& product_id,
                                                  const std::string& country_in) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  const std::string pid = Upper(product_id);
  if (!IsCatalogId(pid)) return NotSold("product", product_id, country);
  std::vector<Sku> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(repos.Catalog().GetProduct(pid).status());
    ASSIGN_OR_RETURN(out, repos.Catalog().ListSkus(pid, country));
    if (out.empty()) return NotSold("product", pid, country);
    for (Sku& sku : out) {
      ASSIGN_OR_RETURN(auto availabilities,
                       repos.Catalog().ListAvailabilities(pid, sku.id, country));
      for (const auto& a : availabilities) {
        // Usage-billed SKUs take no term and are billed monthly (docs/catalog.md).
        const auto cycles =
            a.terms.empty() ? std::vector<std::string>{"monthly"} : a.BillingCycles();
        for (const auto& c : cycles) {
          auto& have = sku.supported_billing_cycles;
          if (std::find(have.begin(), have.end(), c) == have.end()) have.push_back(c);
        }
      }
    }
    return Status::Ok();
  }));
  return out;
}

Result<Sku> CatalogService::GetSku(const CallContext& ctx, const std::string& product_id,
                                   const std::string& sku_id, const std::string& country_in) {
  ASSIGN_OR_RETURN(auto skus, ListSkus(ctx, product_id, country_in));
  const std::string sid = Upper(sku_id);
  for (auto& s : skus) {
    if (s.id == sid) return std::move(s);
  }
  return NotSold("SKU", Upper(product_id) + ":" + sid, Upper(country_in));
}

Result<CountryAvailabilities> CatalogService::ListAvailabilities(const CallContext& ctx,
                                                                 const std::string& product_id,
                                                                 const std::string& sku_id,
                                                                 const std::string& country_in) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(const std::string country, RequiredCountry(country_in));
  const std::string pid = Upper(product_id), sid = Upper(sku_id);
  if (!IsCatalogId(pid) || !IsCatalogId(sid)) return NotSold("SKU", pid + ":" + sid, country);
  CountryAvailabilities out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(repos.Catalog().GetSku(pid, sid).status());
    ASSIGN_OR_RETURN(out.items, repos.Catalog().ListAvailabilities(pid, sid, country));
    if (out.items.empty()) return NotSold("SKU", pid + ":" + sid, country);
    ASSIGN_OR_RETURN(out.country, repos.Catalog().GetCountry(country));
    return Status::Ok();
  }));
  return out;
}

Result<std::string> CatalogService::CustomerCountry(const CallContext& ctx,
                                                    const std::string& customer_id) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  ASSIGN_OR_RETURN(CustomerDetails details, customers_.Get(ctx, customer_id));
  return details.view.customer.billing.default_address.country;
}

Result<OrderableOffer> CatalogService::FindOrderable(const CallContext& ctx,
                                                     const std::string& offer_id,
                                                     const std::string& country) {
  RETURN_IF_ERROR(AuthorizeRead(ctx));
  std::optional<OrderableOffer> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(out, domain::FindOrderable(repos.Catalog(), offer_id, country));
    return Status::Ok();
  }));
  return std::move(*out);
}

}  // namespace csphub::domain
