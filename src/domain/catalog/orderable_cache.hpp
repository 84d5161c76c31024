#pragma once
// What orders look up in the catalog for every line item (FindOrderable: the offer, its terms and
// countries — five statements), remembered per catalog generation. The catalog changes only by a
// whole import, which records a new CatalogVersion; a lookup reads that one row in the caller's
// transaction and drops everything remembered when it changed, so every node stays exact without
// telling the others anything (the database stays the only source of truth).
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "domain/catalog/catalog_repository.hpp"
#include "domain/catalog/orderable_offer.hpp"

namespace csphub::domain {

class OrderableCache {
 public:
  // FindOrderable(catalog, offer_id, country), from memory when this generation of the catalog
  // was asked the same before. Errors are not remembered. Thread-safe.
  Result<OrderableOffer> Find(CatalogRepository& catalog, const std::string& offer_id,
                              const std::string& country);

 private:
  // Beyond this many (offer, country) pairs the cache starts over: a bound on memory, far above
  // a real catalog's offers × the markets a partner sells in.
  static constexpr std::size_t kMaxEntries = 20000;

  std::mutex mu_;
  std::string generation_;  // the CatalogVersion the entries belong to
  std::map<std::pair<std::string, std::string>, OrderableOffer> entries_;
};

}  // namespace csphub::domain
