#pragma once
// The catalog: partners read it (any partner role), the operator replaces it from a versioned
// file (issue 4; reference §4.2 offers, products, customer-scoped catalog). Countries are
// ISO 3166 alpha-2 and required on every read: a thing not sold in the country is 404 there.
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/catalog/catalog_repository.hpp"
#include "domain/catalog/orderable_offer.hpp"
#include "domain/customer/customer_service.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// The offer, product or SKU ID, or catalogItemId, an order line names, looked up in the
// customer's `country` inside the caller's transaction (orders call this within their own
// write). A legacy offer ID is tried first, then "{productId}:{skuId}:{availabilityId}".
// NotFound (1000) when unknown, not sold in `country`, or not purchasable.
Result<OrderableOffer> FindOrderable(CatalogRepository& catalog, const std::string& offer_id,
                                     const std::string& country);

struct ImportedCatalog {
  CatalogVersion version;
  std::optional<CatalogVersion> previous;
  std::size_t products = 0, skus = 0, availabilities = 0, offers = 0;
};

// A SKU's availabilities in one country, with that country's currency.
struct CountryAvailabilities {
  CatalogCountry country;
  std::vector<Availability> items;
};

class CatalogService {
 public:
  CatalogService(ServiceDeps& deps, CustomerService& customers)
      : deps_(deps), customers_(customers) {}

  // Operator only. Validates first (InvalidArgument listing the problems, nothing written),
  // then replaces the whole catalog in one transaction. An older version than the one in use
  // is refused (409, 700601) unless `force`.
  Result<ImportedCatalog> Import(const CallContext& ctx, Catalog catalog, const std::string& source,
                                 bool force);
  // The version in use; nullopt before the first import. Operator or any partner.
  Result<std::optional<CatalogVersion>> CurrentVersion(const CallContext& ctx);
  // The whole catalog (the CLI's list). Operator or any partner.
  Result<Catalog> Load(const CallContext& ctx);

  Result<std::vector<Offer>> ListOffers(const CallContext& ctx, const std::string& country);
  Result<Offer> GetOffer(const CallContext& ctx, const std::string& id, const std::string& country);
  Result<std::vector<Product>> ListProducts(const CallContext& ctx, ProductQuery q);
  Result<Product> GetProduct(const CallContext& ctx, const std::string& product_id,
                             const std::string& country);
  // NotFound when the product is unknown or not sold in `country`.
  Result<std::vector<Sku>> ListSkus(const CallContext& ctx, const std::string& product_id,
                                    const std::string& country);
  Result<Sku> GetSku(const CallContext& ctx, const std::string& product_id,
                     const std::string& sku_id, const std::string& country);
  Result<CountryAvailabilities> ListAvailabilities(const CallContext& ctx,
                                                   const std::string& product_id,
                                                   const std::string& sku_id,
                                                   const std::string& country);
  // The customer's country (its billing address), when the caller may see the customer: 404
  // if it never had a relationship, 403 (20002) if it removed it (CustomerService::Get).
  Result<std::string> CustomerCountry(const CallContext& ctx, const std::string& customer_id);
  Result<OrderableOffer> FindOrderable(const CallContext& ctx, const std::string& offer_id,
                                       const std::string& country);

 private:
  ServiceDeps& deps_;
  CustomerService& customers_;
};

// Checks a country query parameter: required, ISO 3166 alpha-2. Returns it upper case.
Result<std::string> RequiredCountry(const std::string& country);

}  // namespace csphub::domain
