#pragma once
// Shared by both backends: instantiated by storage/sqlite/catalog_repository.cpp and
// storage/postgres/catalog_repository.cpp (see storage/common/repositories.hpp).
// The catalog (migrations/V004__catalog.sql). Replace() deletes and re-inserts
// everything inside the caller's write transaction: the catalog is small (thousands of rows)
// and an import is rare, so a whole replacement is simpler than a diff and just as atomic.
#include <algorithm>

#include "common/clock.hpp"
#include "common/list_text.hpp"
#include "storage/common/repositories.hpp"
#include "storage/common/sql_text.hpp"

namespace csphub::storage {
namespace {

using domain::Availability;
using domain::Offer;
using domain::Product;
using domain::Sku;

constexpr const char* kCurrentVersion =
    "SELECT version, source, forced, imported_at FROM catalog_imports ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsertImport =
    "INSERT INTO catalog_imports(version, source, forced, imported_at) VALUES(?,?,?,?)";
// Children before parents: foreign keys are enforced.
constexpr const char* kDeleteAll[] = {
    "DELETE FROM catalog_offer_countries",
    "DELETE FROM catalog_offers",
    "DELETE FROM catalog_availability_countries",
    "DELETE FROM catalog_availabilities",
    "DELETE FROM catalog_skus",
    "DELETE FROM catalog_products",
    "DELETE FROM catalog_countries",
};
constexpr const char* kInsertCountry =
    "INSERT INTO catalog_countries(code, currency_code, currency_symbol, position) "
    "VALUES(?,?,?,?)";
constexpr const char* kInsertProduct =
    "INSERT INTO catalog_products(id, title, description, product_type, "
    "product_type_display_name, product_sub_type, is_microsoft_product, publisher_name, "
    "position) VALUES(?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertSku =
    "INSERT INTO catalog_skus(product_id, id, title, description, minimum_quantity, "
    "maximum_quantity, is_trial, is_add_on, prerequisite_skus, purchase_prerequisites, billing, "
    "unit_type, position) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertAvailability =
    "INSERT INTO catalog_availabilities(product_id, sku_id, id, segment, is_purchasable, "
    "is_renewable, terms, position) VALUES(?,?,?,?,?,?,?,?)";
constexpr const char* kInsertAvailabilityCountry =
    "INSERT INTO catalog_availability_countries(country, product_id, sku_id, availability_id) "
    "VALUES(?,?,?,?)";
constexpr const char* kInsertOffer =
    "INSERT INTO catalog_offers(id, name, description, minimum_quantity, maximum_quantity, rank, "
    "category_id, category_name, category_rank, prerequisite_offers, is_add_on, "
    "is_available_for_purchase, billing, supported_billing_cycles, term_durations, "
    "is_auto_renewable, upgrade_target_offers, unit_type, is_trial, product_id, sku_id, position) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertOfferCountry =
    "INSERT INTO catalog_offer_countries(country, offer_id) VALUES(?,?)";

constexpr const char* kGetCountry =
    "SELECT code, currency_code, currency_symbol FROM catalog_countries WHERE code = ?";
constexpr const char* kAllCountries =
    "SELECT code, currency_code, currency_symbol FROM catalog_countries ORDER BY position";

// The offer's columns; its countries as the dialect aggregates them; whether any offer names it
// a prerequisite.
#define CSPHUB_OFFER_COLUMNS(B)                                                              \
  "o.id, o.name, o.description, o.minimum_quantity, o.maximum_quantity, o.rank, "            \
  "o.category_id, o.category_name, o.category_rank, o.prerequisite_offers, o.is_add_on, "    \
  "o.is_available_for_purchase, o.billing, o.supported_billing_cycles, o.term_durations, "   \
  "o.is_auto_renewable, o.upgrade_target_offers, o.unit_type, o.is_trial, o.product_id, "    \
  "o.sku_id, o.position, ",                                                                  \
      B::kOfferCountries,                                                                    \
      ", EXISTS(SELECT 1 FROM catalog_offers x WHERE lower(',' || x.prerequisite_offers || " \
      "',') LIKE lower('%,' || o.id || ',%'))"
template <typename B>
constexpr auto kListOffers = SqlText("SELECT " CSPHUB_OFFER_COLUMNS(
    B) " FROM catalog_offer_countries oc JOIN catalog_offers o ON "
       "o.id = oc.offer_id WHERE oc.country = ? "
       "ORDER BY o.rank, o.position");
template <typename B>
constexpr auto kAllOffers =
    SqlText("SELECT " CSPHUB_OFFER_COLUMNS(B) " FROM catalog_offers o ORDER BY o.position");
template <typename B>
constexpr auto kGetOffer =
    SqlText("SELECT " CSPHUB_OFFER_COLUMNS(B) " FROM catalog_offers o WHERE o.id = ?");

#define CSPHUB_PRODUCT_COLUMNS                                                  \
  "p.id, p.title, p.description, p.product_type, p.product_type_display_name, " \
  "p.product_sub_type, p.is_microsoft_product, p.publisher_name, p.position"
// ?1 country, ?2 product type ('' any), ?3 segment ('' any).
constexpr const char* kListProducts =
    "SELECT " CSPHUB_PRODUCT_COLUMNS
    " FROM catalog_products p WHERE (?2 = '' OR lower(p.product_type) = lower(?2)) AND EXISTS("
    "SELECT 1 FROM catalog_availability_countries ac JOIN catalog_availabilities a ON "
    "a.product_id = ac.product_id AND a.sku_id = ac.sku_id AND a.id = ac.availability_id "
    "WHERE ac.country = ?1 AND ac.product_id = p.id AND (?3 = '' OR a.segment = ?3)) "
    "ORDER BY p.position";
constexpr const char* kAllProducts =
    "SELECT " CSPHUB_PRODUCT_COLUMNS " FROM catalog_products p ORDER BY p.position";
constexpr const char* kGetProduct =
    "SELECT " CSPHUB_PRODUCT_COLUMNS " FROM catalog_products p WHERE p.id = ?";

#define CSPHUB_SKU_COLUMNS                                                               \
  "s.product_id, s.id, s.title, s.description, s.minimum_quantity, s.maximum_quantity, " \
  "s.is_trial, s.is_add_on, s.prerequisite_skus, s.purchase_prerequisites, s.billing, "  \
  "s.unit_type, s.position"
constexpr const char* kListSkus =
    "SELECT " CSPHUB_SKU_COLUMNS
    " FROM catalog_skus s WHERE s.product_id = ?1 AND EXISTS(SELECT 1 FROM "
    "catalog_availability_countries ac WHERE ac.country = ?2 AND ac.product_id = s.product_id "
    "AND ac.sku_id = s.id) ORDER BY s.position";
constexpr const char* kAllSkus =
    "SELECT " CSPHUB_SKU_COLUMNS " FROM catalog_skus s ORDER BY s.position";
constexpr const char* kGetSku =
    "SELECT " CSPHUB_SKU_COLUMNS " FROM catalog_skus s WHERE s.product_id = ? AND s.id = ?";

// The availability's columns, its countries last, as the dialect aggregates them.
#define CSPHUB_AVAILABILITY_COLUMNS(B)                                                   \
  "a.product_id, a.sku_id, a.id, a.segment, a.is_purchasable, a.is_renewable, a.terms, " \
  "a.position, ",                                                                        \
      B::kAvailabilityCountries
template <typename B>
constexpr auto kListAvailabilities =
    SqlText("SELECT " CSPHUB_AVAILABILITY_COLUMNS(B),
            " FROM catalog_availabilities a JOIN catalog_availability_countries ac ON "
            "ac.product_id = a.product_id AND ac.sku_id = a.sku_id AND ac.availability_id = a.id "
            "WHERE a.product_id = ?1 AND a.sku_id = ?2 AND ac.country = ?3 ORDER BY a.position");
template <typename B>
constexpr auto kAllAvailabilities = SqlText("SELECT " CSPHUB_AVAILABILITY_COLUMNS(B),
                                            " FROM catalog_availabilities a ORDER BY a.position");
template <typename B>
constexpr auto kGetAvailability =
    SqlText("SELECT " CSPHUB_AVAILABILITY_COLUMNS(B),
            " FROM catalog_availabilities a WHERE a.product_id = ? AND a.sku_id = ? AND a.id = ?");

std::string JoinTerms(const std::vector<domain::Term>& terms) {
  std::vector<std::string> parts;
  for (const auto& t : terms) parts.push_back(t.duration + "/" + t.billing_cycle);
  return Join(parts);
}

std::vector<domain::Term> SplitTerms(const std::string& text) {
  std::vector<domain::Term> out;
  for (const auto& part : Split(text)) {
    const std::size_t slash = part.find('/');
    out.push_back(
        {part.substr(0, slash), slash == std::string::npos ? "" : part.substr(slash + 1)});
  }
  return out;
}

template <typename Statement>
Offer ReadOffer(const Statement& s) {
  Offer o;
  o.id = s.Text(0);
  o.name = s.Text(1);
  o.description = s.Text(2);
  o.minimum_quantity = s.Int(3);
  o.maximum_quantity = s.Int(4);
  o.rank = s.Int(5);
  o.category = {s.Text(6), s.Text(7), s.Int(8)};
  o.prerequisite_offers = Split(s.Text(9));
  o.is_add_on = s.Bool(10);
  o.is_available_for_purchase = s.Bool(11);
  o.billing = s.Text(12);
  o.supported_billing_cycles = Split(s.Text(13));
  o.term_durations = Split(s.Text(14));
  o.is_auto_renewable = s.Bool(15);
  o.upgrade_target_offers = Split(s.Text(16));
  o.unit_type = s.Text(17);
  o.is_trial = s.Bool(18);
  o.product_id = s.Text(19);
  o.sku_id = s.Text(20);
  o.position = static_cast<int>(s.Int(21));
  o.countries = Split(s.Text(22));
  o.has_add_ons = s.Bool(23);
  return o;
}

template <typename Statement>
Product ReadProduct(const Statement& s) {
  Product p;
  p.id = s.Text(0);
  p.title = s.Text(1);
  p.description = s.Text(2);
  p.product_type = s.Text(3);
  p.product_type_display_name = s.Text(4);
  p.product_sub_type = s.Text(5);
  p.is_microsoft_product = s.Bool(6);
  p.publisher_name = s.Text(7);
  p.position = static_cast<int>(s.Int(8));
  return p;
}

template <typename Statement>
Sku ReadSku(const Statement& s) {
  Sku k;
  k.product_id = s.Text(0);
  k.id = s.Text(1);
  k.title = s.Text(2);
  k.description = s.Text(3);
  k.minimum_quantity = s.Int(4);
  k.maximum_quantity = s.Int(5);
  k.is_trial = s.Bool(6);
  k.is_add_on = s.Bool(7);
  k.prerequisite_skus = Split(s.Text(8));
  k.purchase_prerequisites = Split(s.Text(9));
  k.billing = s.Text(10);
  k.unit_type = s.Text(11);
  k.position = static_cast<int>(s.Int(12));
  return k;
}

template <typename Statement>
Availability ReadAvailability(const Statement& s) {
  Availability a;
  a.product_id = s.Text(0);
  a.sku_id = s.Text(1);
  a.id = s.Text(2);
  a.segment = s.Text(3);
  a.is_purchasable = s.Bool(4);
  a.is_renewable = s.Bool(5);
  a.terms = SplitTerms(s.Text(6));
  a.position = static_cast<int>(s.Int(7));
  a.countries = Split(s.Text(8));
  return a;
}

template <typename T, typename Reader, typename Statement>
Result<std::vector<T>> ReadAll(Statement& s, Reader read) {
  std::vector<T> out;
  while (s.Step()) out.push_back(read(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace

template <typename B>
Result<domain::CatalogVersion> SqlCatalogRepository<B>::CurrentVersion() {
  Statement s = c_.Prepare(kCurrentVersion);
  if (s.Step()) {
    return domain::CatalogVersion{s.Text(0), FromUnixMillis(s.Int(3)), s.Text(1), s.Bool(2)};
  }
  RETURN_IF_ERROR(s.status());
  return NotFound("No catalog was imported yet.");
}

template <typename B>
Status SqlCatalogRepository<B>::Replace(const domain::Catalog& catalog,
                                        const domain::CatalogVersion& version) {
  for (const char* sql : kDeleteAll) {
    Statement s = c_.Prepare(sql);
    RETURN_IF_ERROR(s.Run());
  }
  int position = 0;
  for (const auto& c : catalog.countries) {
    Statement s = c_.Prepare(kInsertCountry);
    s.Bind(1, c.code).Bind(2, c.currency_code).Bind(3, c.currency_symbol).Bind(4, position++);
    RETURN_IF_ERROR(s.Run());
  }
  for (const auto& p : catalog.products) {
    Statement s = c_.Prepare(kInsertProduct);
    s.Bind(1, p.id).Bind(2, p.title).Bind(3, p.description).Bind(4, p.product_type);
    s.Bind(5, p.product_type_display_name).Bind(6, p.product_sub_type);
    s.Bind(7, p.is_microsoft_product).Bind(8, p.publisher_name).Bind(9, p.position);
    RETURN_IF_ERROR(s.Run());
  }
  for (const auto& k : catalog.skus) {
    Statement s = c_.Prepare(kInsertSku);
    s.Bind(1, k.product_id).Bind(2, k.id).Bind(3, k.title).Bind(4, k.description);
    s.Bind(5, k.minimum_quantity).Bind(6, k.maximum_quantity).Bind(7, k.is_trial);
    s.Bind(8, k.is_add_on).Bind(9, Join(k.prerequisite_skus));
    s.Bind(10, Join(k.purchase_prerequisites)).Bind(11, k.billing).Bind(12, k.unit_type);
    s.Bind(13, k.position);
    RETURN_IF_ERROR(s.Run());
  }
  for (const auto& a : catalog.availabilities) {
    Statement s = c_.Prepare(kInsertAvailability);
    s.Bind(1, a.product_id).Bind(2, a.sku_id).Bind(3, a.id).Bind(4, a.segment);
    s.Bind(5, a.is_purchasable).Bind(6, a.is_renewable).Bind(7, JoinTerms(a.terms));
    s.Bind(8, a.position);
    RETURN_IF_ERROR(s.Run());
    for (const auto& country : a.countries) {
      Statement cs = c_.Prepare(kInsertAvailabilityCountry);
      cs.Bind(1, country).Bind(2, a.product_id).Bind(3, a.sku_id).Bind(4, a.id);
      RETURN_IF_ERROR(cs.Run());
    }
  }
  for (const auto& o : catalog.offers) {
    Statement s = c_.Prepare(kInsertOffer);
    s.Bind(1, o.id).Bind(2, o.name).Bind(3, o.description).Bind(4, o.minimum_quantity);
    s.Bind(5, o.maximum_quantity).Bind(6, o.rank).Bind(7, o.category.id);
    s.Bind(8, o.category.name).Bind(9, o.category.rank).Bind(10, Join(o.prerequisite_offers));
    s.Bind(11, o.is_add_on).Bind(12, o.is_available_for_purchase).Bind(13, o.billing);
    s.Bind(14, Join(o.supported_billing_cycles)).Bind(15, Join(o.term_durations));
    s.Bind(16, o.is_auto_renewable).Bind(17, Join(o.upgrade_target_offers));
    s.Bind(18, o.unit_type).Bind(19, o.is_trial).Bind(20, o.product_id).Bind(21, o.sku_id);
    s.Bind(22, o.position);
    RETURN_IF_ERROR(s.Run());
    for (const auto& country : o.countries) {
      Statement cs = c_.Prepare(kInsertOfferCountry);
      cs.Bind(1, country).Bind(2, o.id);
      RETURN_IF_ERROR(cs.Run());
    }
  }
  Statement s = c_.Prepare(kInsertImport);
  s.Bind(1, version.version).Bind(2, version.source).Bind(3, version.forced);
  s.Bind(4, ToUnixMillis(version.imported_at));
  return s.Run();
}

template <typename B>
Result<domain::Catalog> SqlCatalogRepository<B>::Load() {
  domain::Catalog out;
  {
    Statement s = c_.Prepare(kAllCountries);
    while (s.Step()) out.countries.push_back({s.Text(0), s.Text(1), s.Text(2)});
    RETURN_IF_ERROR(s.status());
  }
  {
    Statement s = c_.Prepare(kAllProducts);
    ASSIGN_OR_RETURN(out.products, ReadAll<Product>(s, ReadProduct<Statement>));
  }
  {
    Statement s = c_.Prepare(kAllSkus);
    ASSIGN_OR_RETURN(out.skus, ReadAll<Sku>(s, ReadSku<Statement>));
  }
  {
    Statement s = c_.Prepare(kAllAvailabilities<B>.data());
    ASSIGN_OR_RETURN(out.availabilities, ReadAll<Availability>(s, ReadAvailability<Statement>));
  }
  {
    Statement s = c_.Prepare(kAllOffers<B>.data());
    ASSIGN_OR_RETURN(out.offers, ReadAll<Offer>(s, ReadOffer<Statement>));
  }
  return out;
}

template <typename B>
Result<domain::CatalogCountry> SqlCatalogRepository<B>::GetCountry(const std::string& country) {
  Statement s = c_.Prepare(kGetCountry);
  s.Bind(1, country);
  if (s.Step()) return domain::CatalogCountry{s.Text(0), s.Text(1), s.Text(2)};
  RETURN_IF_ERROR(s.status());
  return NotFound("The catalog sells nothing in " + country + ".");
}

template <typename B>
Result<std::vector<Offer>> SqlCatalogRepository<B>::ListOffers(const std::string& country) {
  Statement s = c_.Prepare(kListOffers<B>.data());
  s.Bind(1, country);
  return ReadAll<Offer>(s, ReadOffer<Statement>);
}

template <typename B>
Result<Offer> SqlCatalogRepository<B>::GetOffer(const std::string& id) {
  Statement s = c_.Prepare(kGetOffer<B>.data());
  s.Bind(1, id);
  if (s.Step()) return ReadOffer(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No offer with the ID " + id + ".");
}

template <typename B>
Result<std::vector<Product>> SqlCatalogRepository<B>::ListProducts(const domain::ProductQuery& q) {
  Statement s = c_.Prepare(kListProducts);
  s.Bind(1, q.country).Bind(2, q.target_view).Bind(3, q.target_segment);
  return ReadAll<Product>(s, ReadProduct<Statement>);
}

template <typename B>
Result<Product> SqlCatalogRepository<B>::GetProduct(const std::string& id) {
  Statement s = c_.Prepare(kGetProduct);
  s.Bind(1, id);
  if (s.Step()) return ReadProduct(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No product with the ID " + id + ".");
}

template <typename B>
Result<std::vector<Sku>> SqlCatalogRepository<B>::ListSkus(const std::string& product_id,
                                                           const std::string& country) {
  Statement s = c_.Prepare(kListSkus);
  s.Bind(1, product_id).Bind(2, country);
  return ReadAll<Sku>(s, ReadSku<Statement>);
}

template <typename B>
Result<Sku> SqlCatalogRepository<B>::GetSku(const std::string& product_id,
                                            const std::string& sku_id) {
  Statement s = c_.Prepare(kGetSku);
  s.Bind(1, product_id).Bind(2, sku_id);
  if (s.Step()) return ReadSku(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No SKU with the ID " + product_id + ":" + sku_id + ".");
}

template <typename B>
Result<std::vector<Availability>> SqlCatalogRepository<B>::ListAvailabilities(
    const std::string& product_id, const std::string& sku_id, const std::string& country) {
  Statement s = c_.Prepare(kListAvailabilities<B>.data());
  s.Bind(1, product_id).Bind(2, sku_id).Bind(3, country);
  return ReadAll<Availability>(s, ReadAvailability<Statement>);
}

template <typename B>
Result<Availability> SqlCatalogRepository<B>::GetAvailability(const std::string& product_id,
                                                              const std::string& sku_id,
                                                              const std::string& id) {
  Statement s = c_.Prepare(kGetAvailability<B>.data());
  s.Bind(1, product_id).Bind(2, sku_id).Bind(3, id);
  if (s.Step()) return ReadAvailability(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No catalog item " + product_id + ":" + sku_id + ":" + id + ".");
}

}  // namespace csphub::storage
