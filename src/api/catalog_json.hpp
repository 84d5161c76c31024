#pragma once
// The catalog as JSON: Partner Center's Offer, Product, Sku and Availability resources
// (reference §4.3), and the catalog file format operators import (docs/catalog.md). Used by
// the API handlers, the CLI and the demo seed alike.
#include <string>

#include "api/json.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/catalog/orderable_offer.hpp"

namespace csphub::api {

// Where links point: "" for the partner-wide catalog, "/customers/{id}" for a customer's.
struct CatalogLinks {
  std::string base;
  std::string country;  // upper case; added as ?country= on partner-wide links
  std::string locale = "en-US";
};

void WriteOffer(JsonOut& j, const domain::Offer& o, const CatalogLinks& l);
void WriteProduct(JsonOut& j, const domain::Product& p, const CatalogLinks& l);
void WriteSku(JsonOut& j, const domain::Sku& s, const CatalogLinks& l);
void WriteAvailability(JsonOut& j, const domain::Availability& a,
                       const domain::CatalogCountry& country, const CatalogLinks& l);
// The catalog in its own file format (what `csphub catalog list --output json` prints).
std::string CatalogFileJson(const domain::Catalog& c);

// A catalog file in JSON. Type errors name the record and the field
// ("products[CFQ7TTC0LH18].skus[0001].minimumQuantity"); the rules are checked afterwards by
// NormalizeAndValidateCatalog.
Result<domain::Catalog> ReadCatalogJson(const std::string& text);

}  // namespace csphub::api
