// /v1/offers, /v1/products… and the customer-scoped /v1/customers/{id}/products… (reference
// §4.2, §4.3 Offer, Product, Sku, Availability); PUT /admin/v1/catalog for the operator.
#include "api/call_context.hpp"
#include "api/catalog_csv.hpp"
#include "api/catalog_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

CatalogLinks Links(const http::Request& req, const std::string& country,
                   const std::string& base = {}) {
  return {base, country, RequestLocale(req)};
}

// ?country= upper case (the service answers 400 when it is missing or not a country).
std::string Country(const http::Request& req) {
  std::string c = req.Query("country").value_or("");
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return c;
}

http::Response Products(Services& s, http::Request& req, const std::string& country,
                        const std::string& base) {
  domain::ProductQuery q{country, req.Query("targetView").value_or(""),
                         req.Query("targetSegment").value_or("")};
  ASSIGN_OR_RESPOND(products, s.catalog.ListProducts(Caller(req), q));
  const CatalogLinks l = Links(req, country, base);
  return Json(200, Collection(products->size(), [&](JsonOut& j) {
                for (const auto& p : *products) WriteProduct(j, p, l);
              }));
}

http::Response Skus(Services& s, http::Request& req, const std::string& country,
                    const std::string& base) {
  ASSIGN_OR_RESPOND(skus, s.catalog.ListSkus(Caller(req), req.Param("pid"), country));
  const CatalogLinks l = Links(req, country, base);
  return Json(200, Collection(skus->size(), [&](JsonOut& j) {
                for (const auto& sku : *skus) WriteSku(j, sku, l);
              }));
}

http::Response Availabilities(Services& s, http::Request& req, const std::string& country,
                              const std::string& base) {
  ASSIGN_OR_RESPOND(
      list, s.catalog.ListAvailabilities(Caller(req), req.Param("pid"), req.Param("sid"), country));
  const CatalogLinks l = Links(req, list->country.code, base);
  return Json(200, Collection(list->items.size(), [&](JsonOut& j) {
                for (const auto& a : list->items) WriteAvailability(j, a, list->country, l);
              }));
}

}  // namespace

http::Response ListOffers(Services& s, http::Request& req) {
  const std::string country = Country(req);
  ASSIGN_OR_RESPOND(offers, s.catalog.ListOffers(Caller(req), country));
  const CatalogLinks l = Links(req, country);
  return Json(200, Collection(offers->size(), [&](JsonOut& j) {
                for (const auto& o : *offers) WriteOffer(j, o, l);
              }));
}

http::Response GetOffer(Services& s, http::Request& req) {
  const std::string country = Country(req);
  ASSIGN_OR_RESPOND(offer, s.catalog.GetOffer(Caller(req), req.Param("id"), country));
  JsonOut j;
  WriteOffer(j, *offer, Links(req, country));
  return Json(200, j.str());
}

http::Response ListProducts(Services& s, http::Request& req) {
  return Products(s, req, Country(req), "");
}

http::Response GetProduct(Services& s, http::Request& req) {
  const std::string country = Country(req);
  ASSIGN_OR_RESPOND(product, s.catalog.GetProduct(Caller(req), req.Param("pid"), country));
  JsonOut j;
  WriteProduct(j, *product, Links(req, country));
  return Json(200, j.str());
}

http::Response ListSkus(Services& s, http::Request& req) { return Skus(s, req, Country(req), ""); }

http::Response GetSku(Services& s, http::Request& req) {
  const std::string country = Country(req);
  ASSIGN_OR_RESPOND(sku,
                    s.catalog.GetSku(Caller(req), req.Param("pid"), req.Param("sid"), country));
  JsonOut j;
  WriteSku(j, *sku, Links(req, country));
  return Json(200, j.str());
}

http::Response ListAvailabilities(Services& s, http::Request& req) {
  return Availabilities(s, req, Country(req), "");
}

// The customer-scoped catalog: the customer's country (its billing address) stands for
// ?country=, and only a partner that may see the customer gets an answer.
http::Response ListCustomerProducts(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(country, s.catalog.CustomerCountry(Caller(req), req.Param("id")));
  return Products(s, req, *country, "/customers/" + req.Param("id"));
}

http::Response ListCustomerSkus(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(country, s.catalog.CustomerCountry(Caller(req), req.Param("id")));
  return Skus(s, req, *country, "/customers/" + req.Param("id"));
}

http::Response ListCustomerAvailabilities(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(country, s.catalog.CustomerCountry(Caller(req), req.Param("id")));
  return Availabilities(s, req, *country, "/customers/" + req.Param("id"));
}

// PUT /admin/v1/catalog: the operator replaces the catalog with the body (a catalog file in
// JSON or CSV); ?force=true imports an older version.
http::Response ImportCatalog(Services& s, http::Request& req) {
  // A JSON catalog is an object; anything else is taken as the CSV format (whose first cell
  // names it), whatever Content-Type the client set.
  const std::size_t first = req.body.find_first_not_of(" \t\r\n");
  const bool csv = first == std::string::npos || req.body[first] != '{';
  ASSIGN_OR_RESPOND(catalog, csv ? ReadCatalogCsv(req.body) : ReadCatalogJson(req.body));
  const bool force = req.Query("force").value_or("") == "true";
  ASSIGN_OR_RESPOND(imported, s.catalog.Import(Caller(req), std::move(*catalog), "api", force));
  JsonOut j;
  j.BeginObject().Field("version", imported->version.version);
  if (imported->previous) j.Field("previousVersion", imported->previous->version);
  j.Field("products", static_cast<std::int64_t>(imported->products));
  j.Field("skus", static_cast<std::int64_t>(imported->skus));
  j.Field("availabilities", static_cast<std::int64_t>(imported->availabilities));
  j.Field("offers", static_cast<std::int64_t>(imported->offers));
  j.Field("forced", imported->version.forced).Attributes("CatalogImport").EndObject();
  return Json(200, j.str());
}

}  // namespace csphub::api
