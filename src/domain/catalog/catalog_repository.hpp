#pragma once
// The catalog's storage contract. Every method runs inside the caller's Store transaction.
// IDs and countries are passed upper case (CatalogService normalizes them); lists come back in
// file order. Not thread-safe on its own: the Store hands one instance to one transaction.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/catalog/catalog.hpp"

namespace csphub::domain {

class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;

  // The version in use; NotFound when no catalog was ever imported.
  virtual Result<CatalogVersion> CurrentVersion() = 0;
  // Deletes the whole catalog and inserts `catalog` in its place, recording `version` as the
  // one in use. The caller validated `catalog` (ValidateCatalog) and holds a write transaction,
  // so a failure part-way leaves the old catalog untouched once it rolls back.
  virtual Status Replace(const Catalog& catalog, const CatalogVersion& version) = 0;

  // The whole catalog in file order (version left empty); empty before the first import.
  virtual Result<Catalog> Load() = 0;

  // NotFound when the catalog does not sell in `country`.
  virtual Result<CatalogCountry> GetCountry(const std::string& country) = 0;

  // Offers sold in `country` (available for purchase or not), by rank then file order.
  virtual Result<std::vector<Offer>> ListOffers(const std::string& country) = 0;
  // The offer whatever its countries (the caller checks them); NotFound if unknown.
  virtual Result<Offer> GetOffer(const std::string& id) = 0;

  // Products with at least one availability in the query's country (and segment), of its type.
  virtual Result<std::vector<Product>> ListProducts(const ProductQuery& q) = 0;
  virtual Result<Product> GetProduct(const std::string& id) = 0;  // NotFound if unknown
  // The product's SKUs with at least one availability in `country`.
  virtual Result<std::vector<Sku>> ListSkus(const std::string& product_id,
                                            const std::string& country) = 0;
  virtual Result<Sku> GetSku(const std::string& product_id, const std::string& sku_id) = 0;
  // The SKU's availabilities sold in `country`.
  virtual Result<std::vector<Availability>> ListAvailabilities(const std::string& product_id,
                                                               const std::string& sku_id,
                                                               const std::string& country) = 0;
  // The availability whatever its countries; NotFound if unknown.
  virtual Result<Availability> GetAvailability(const std::string& product_id,
                                               const std::string& sku_id,
                                               const std::string& availability_id) = 0;
};

}  // namespace csphub::domain
