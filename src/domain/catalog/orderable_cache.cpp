#include "domain/catalog/orderable_cache.hpp"

#include "domain/catalog/catalog_service.hpp"

namespace csphub::domain {
namespace {

// The import time alone tells imports apart: CatalogService::Import makes it later than the one
// before, even for a forced re-import of the same version.
std::string Generation(const CatalogVersion& v) {
  return std::to_string(ToUnixMillis(v.imported_at)) + ' ' + v.version;
}

}  // namespace

Result<OrderableOffer> OrderableCache::Find(CatalogRepository& catalog, const std::string& offer_id,
                                            const std::string& country) {
  auto version = catalog.CurrentVersion();
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kNotFound) return version.status();
    return FindOrderable(catalog, offer_id, country);  // no catalog yet: nothing to remember
  }
  const std::string generation = Generation(*version);
  auto key = std::make_pair(offer_id, country);
  {
    std::lock_guard lock(mu_);
    if (generation != generation_) {
      entries_.clear();
      generation_ = generation;
    }
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  ASSIGN_OR_RETURN(OrderableOffer found, FindOrderable(catalog, offer_id, country));
  std::lock_guard lock(mu_);
  if (generation == generation_) {
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_.emplace(std::move(key), found);
  }
  return found;
}

}  // namespace csphub::domain
