#pragma once
// A flat list of legacy offers as CSV (docs/catalog.md): the first row is
// `csphub-catalog-version,<version>`, the second names the columns (any order,
// case-insensitive), then one offer per row. Lists inside a cell are separated by ';'.
#include <string>

#include "common/status.hpp"
#include "domain/catalog/catalog.hpp"

namespace csphub::api {

// Type errors name the line, the offer and the column; the rules are checked afterwards by
// NormalizeAndValidateCatalog.
Result<domain::Catalog> ReadCatalogCsv(const std::string& text);

}  // namespace csphub::api
