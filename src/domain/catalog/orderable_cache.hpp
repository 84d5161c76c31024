#pragma once
// What orders look up in the catalog (FindOrderable for each line item: the offer, its terms and
// countries, five statements; the customer's country for the currency), remembered per catalog
// generation. The catalog changes only by a whole import, which records a new CatalogVersion; an
// order reads that one row in its own transaction (Open) and everything remembered is dropped
// when it changed, so every node stays exact without telling the others anything (the database
// stays the only source of truth).
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "domain/catalog/catalog_repository.hpp"
#include "domain/catalog/orderable_offer.hpp"

namespace csphub::domain {

class OrderableCache {
 public:
  // The catalog as one order's transaction sees it: the generation read once, then lookups from
  // memory when this generation was asked the same before. Errors are not remembered.
  class View {
   public:
    // FindOrderable(catalog, offer_id, country).
    Result<OrderableOffer> Find(const std::string& offer_id, const std::string& country);
    // catalog.GetCountry(code).
    Result<CatalogCountry> Country(const std::string& code);

   private:
    friend class OrderableCache;
    View(OrderableCache& cache, CatalogRepository& catalog, std::string generation)
        : cache_(cache), catalog_(catalog), generation_(std::move(generation)) {}

    OrderableCache& cache_;
    CatalogRepository& catalog_;
    std::string generation_;  // empty: no catalog imported yet, nothing to remember
  };

  // One statement: the catalog's current generation. Thread-safe, as are the View's lookups.
  Result<View> Open(CatalogRepository& catalog);

 private:
  // Beyond this many (offer, country) pairs, or countries, the map starts over: a bound on
  // memory, far above a real catalog's offers × the markets a partner sells in.
  static constexpr std::size_t kMaxEntries = 20000;

  // Drops everything when `generation` is not the one remembered (under mu_).
  void Switch(const std::string& generation);

  std::mutex mu_;
  std::string generation_;  // the CatalogVersion the entries belong to
  std::map<std::pair<std::string, std::string>, OrderableOffer> entries_;
  std::map<std::string, CatalogCountry> countries_;
};

}  // namespace csphub::domain
