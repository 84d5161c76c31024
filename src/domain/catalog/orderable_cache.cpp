#include "domain/catalog/orderable_cache.hpp"

#include "domain/catalog/catalog_service.hpp"

namespace csphub::domain {
namespace {

// The import time alone tells imports apart: CatalogService::Import makes it later than the one
// before, even for a forced re-import of the same version.
std::string Generation(const CatalogVersion& v) {
  return std::to_string(ToUnixMillis(v.imported_at)) + ' ' + v.version;
}

// `key` from `entries` (a map of the cache's, whose entries belong to `cached_generation`), or
// found with `find` and remembered, when the caller's `generation` is the cache's: a transaction
// that still sees an older catalog than another's gets nothing from memory and adds nothing.
// Beyond `max_entries` the map starts over.
template <typename Map, typename Find>
Result<typename Map::mapped_type> Remembered(std::mutex& mu, const std::string& cached_generation,
                                             const std::string& generation, Map& entries,
                                             std::size_t max_entries,
                                             const typename Map::key_type& key, Find find) {
  {
    std::lock_guard lock(mu);
    if (generation == cached_generation) {
      if (auto it = entries.find(key); it != entries.end()) return it->second;
    }
  }
  auto found = find();  // not under the lock: statements
  if (!found.ok()) return found.status();
  std::lock_guard lock(mu);
  if (generation != cached_generation) return found;
  if (entries.size() >= max_entries) entries.clear();
  entries.emplace(key, *found);
  return found;
}

}  // namespace

Result<OrderableCache::View> OrderableCache::Open(CatalogRepository& catalog) {
  auto version = catalog.CurrentVersion();
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kNotFound) return version.status();
    return View(*this, catalog, "");  // no catalog yet: nothing to remember
  }
  std::string generation = Generation(*version);
  {
    std::lock_guard lock(mu_);
    Switch(generation);
  }
  return View(*this, catalog, std::move(generation));
}

void OrderableCache::Switch(const std::string& generation) {
  if (generation == generation_) return;
  entries_.clear();
  countries_.clear();
  generation_ = generation;
}

Result<OrderableOffer> OrderableCache::View::Find(const std::string& offer_id,
                                                  const std::string& country) {
  if (generation_.empty()) return FindOrderable(catalog_, offer_id, country);
  return Remembered(cache_.mu_, cache_.generation_, generation_, cache_.entries_, kMaxEntries,
                    std::make_pair(offer_id, country),
                    [&] { return FindOrderable(catalog_, offer_id, country); });
}

Result<CatalogCountry> OrderableCache::View::Country(const std::string& code) {
  if (generation_.empty()) return catalog_.GetCountry(code);
  return Remembered(cache_.mu_, cache_.generation_, generation_, cache_.countries_, kMaxEntries,
                    code, [&] { return catalog_.GetCountry(code); });
}

}  // namespace csphub::domain
