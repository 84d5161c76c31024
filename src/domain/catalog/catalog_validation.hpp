#pragma once
// The rules a catalog file must follow before it may replace the catalog in use
// (docs/catalog.md). Pure functions: no store, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog/catalog.hpp"

namespace csphub::domain {

// Upper-cases IDs, countries and currency codes, lower-cases enum values and term durations'
// letters to their canonical spelling, then checks every rule. Returns every problem found
// (empty: valid), each naming the record ("offer 'X'", "sku 'P:S'", ...) and the field.
std::vector<std::string> NormalizeAndValidateCatalog(Catalog& catalog);

// A catalog ID: 1-64 of A-Z 0-9 - _ . (no ':' — it separates catalogItemId parts — and
// nothing a URL path would need escaped).
bool IsCatalogId(std::string_view id);
// "2026.04.1", "2026-04-15": 1-6 numeric parts separated by '.' or '-'.
bool IsCatalogVersion(std::string_view version);
// <0, 0, >0 as `a` is older than, the same as, or newer than `b` (missing parts count as 0);
// nullopt when either is not a valid version.
std::optional<int> CompareCatalogVersions(std::string_view a, std::string_view b);

}  // namespace csphub::domain
