#include "api/catalog_json.hpp"

namespace csphub::api {
namespace {

std::string Link(const CatalogLinks& l, const std::string& path) {
  std::string uri = l.base + path;
  if (l.base.empty() && !l.country.empty()) uri += "?country=" + l.country;
  return uri;
}

void WriteLink(JsonOut& j, std::string_view name, const std::string& uri) {
  j.BeginObject(name).Field("uri", uri).Field("method", "GET");
  j.BeginArray("headers").EndArray().EndObject();
}

std::string TermDescription(const std::string& duration) {
  if (duration == "P1M") return "One-Month commitment";
  if (duration == "P1Y") return "One-Year commitment";
  if (duration == "P3Y") return "Three-Year commitment";
  return duration;
}

// --- reading the file ---------------------------------------------------------------------

// The array member `name`, or an error naming it; empty when absent.
Result<std::vector<const rapidjson::Value*>> Objects(const ObjectReader& r, std::string_view name) {
  std::vector<const rapidjson::Value*> out;
  const rapidjson::Value* v = r.Find(name);
  if (!v) return out;
  if (!v->IsArray()) return InvalidField(r.PathOf(name), "must be an array of objects");
  for (const auto& item : v->GetArray()) {
    if (!item.IsObject()) return InvalidField(r.PathOf(name), "must be an array of objects");
    out.push_back(&item);
  }
  return out;
}

// "products[CFQ7TTC0LH18]." when the record has a string id, "products[2]." otherwise.
std::string RecordPath(const ObjectReader& parent, std::string_view name,
                       const rapidjson::Value* item, std::size_t index) {
  ObjectReader r(item, "");
  const rapidjson::Value* id = r.Find("id");
  const std::string key = id && id->IsString() && id->GetStringLength() > 0
                              ? std::string(id->GetString(), id->GetStringLength())
                              : std::to_string(index);
  return parent.PathOf(name) + "[" + key + "].";
}

Result<std::int64_t> RequiredInt(const ObjectReader& r, std::string_view name) {
  ASSIGN_OR_RETURN(auto v, r.OptionalInt(name));
  if (!v) return InvalidField(r.PathOf(name), "is required");
  return *v;
}

Status ReadBool(const ObjectReader& r, std::string_view name, bool& out) {
  ASSIGN_OR_RETURN(auto v, r.OptionalBool(name));
  if (v) out = *v;
  return Status::Ok();
}

Status ReadStrings(const ObjectReader& r, std::string_view name, std::vector<std::string>& out) {
  ASSIGN_OR_RETURN(auto v, r.OptionalStringArray(name));
  if (v) out = std::move(*v);
  return Status::Ok();
}

Status ReadString(const ObjectReader& r, std::string_view name, std::string& out) {
  ASSIGN_OR_RETURN(auto v, r.OptionalString(name));
  if (v) out = std::move(*v);
  return Status::Ok();
}

Status ReadAvailability(const ObjectReader& r, domain::Availability& a) {
  RETURN_IF_ERROR(ReadString(r, "id", a.id));
  RETURN_IF_ERROR(ReadStrings(r, "countries", a.countries));
  RETURN_IF_ERROR(ReadString(r, "segment", a.segment));
  RETURN_IF_ERROR(ReadBool(r, "isPurchasable", a.is_purchasable));
  RETURN_IF_ERROR(ReadBool(r, "isRenewable", a.is_renewable));
  ASSIGN_OR_RETURN(auto terms, Objects(r, "terms"));
  for (std::size_t i = 0; i < terms.size(); ++i) {
    ObjectReader t(terms[i], r.PathOf("terms") + "[" + std::to_string(i) + "].");
    domain::Term term;
    ASSIGN_OR_RETURN(term.duration, t.RequiredString("duration"));
    ASSIGN_OR_RETURN(term.billing_cycle, t.RequiredString("billingCycle"));
    a.terms.push_back(std::move(term));
  }
  return Status::Ok();
}

Status ReadSku(const ObjectReader& r, domain::Sku& s) {
  RETURN_IF_ERROR(ReadString(r, "id", s.id));
  RETURN_IF_ERROR(ReadString(r, "title", s.title));
  RETURN_IF_ERROR(ReadString(r, "description", s.description));
  ASSIGN_OR_RETURN(s.minimum_quantity, RequiredInt(r, "minimumQuantity"));
  ASSIGN_OR_RETURN(s.maximum_quantity, RequiredInt(r, "maximumQuantity"));
  RETURN_IF_ERROR(ReadBool(r, "isTrial", s.is_trial));
  RETURN_IF_ERROR(ReadBool(r, "isAddOn", s.is_add_on));
  RETURN_IF_ERROR(ReadStrings(r, "prerequisiteSkus", s.prerequisite_skus));
  RETURN_IF_ERROR(ReadStrings(r, "purchasePrerequisites", s.purchase_prerequisites));
  RETURN_IF_ERROR(ReadString(r, "billing", s.billing));
  RETURN_IF_ERROR(ReadString(r, "unitType", s.unit_type));
  return Status::Ok();
}

Status ReadProduct(const ObjectReader& r, domain::Product& p) {
  RETURN_IF_ERROR(ReadString(r, "id", p.id));
  RETURN_IF_ERROR(ReadString(r, "title", p.title));
  RETURN_IF_ERROR(ReadString(r, "description", p.description));
  ASSIGN_OR_RETURN(auto type, r.OptionalObject("productType"));
  if (type) {
    RETURN_IF_ERROR(ReadString(*type, "id", p.product_type));
    RETURN_IF_ERROR(ReadString(*type, "displayName", p.product_type_display_name));
    ASSIGN_OR_RETURN(auto sub, type->OptionalObject("subType"));
    if (sub) RETURN_IF_ERROR(ReadString(*sub, "id", p.product_sub_type));
  }
  RETURN_IF_ERROR(ReadBool(r, "isMicrosoftProduct", p.is_microsoft_product));
  RETURN_IF_ERROR(ReadString(r, "publisherName", p.publisher_name));
  return Status::Ok();
}

Status ReadOffer(const ObjectReader& r, domain::Offer& o) {
  RETURN_IF_ERROR(ReadString(r, "id", o.id));
  RETURN_IF_ERROR(ReadString(r, "name", o.name));
  RETURN_IF_ERROR(ReadString(r, "description", o.description));
  ASSIGN_OR_RETURN(o.minimum_quantity, RequiredInt(r, "minimumQuantity"));
  ASSIGN_OR_RETURN(o.maximum_quantity, RequiredInt(r, "maximumQuantity"));
  ASSIGN_OR_RETURN(auto rank, r.OptionalInt("rank"));
  o.rank = rank.value_or(0);
  ASSIGN_OR_RETURN(auto category, r.OptionalObject("category"));
  if (category) {
    RETURN_IF_ERROR(ReadString(*category, "id", o.category.id));
    RETURN_IF_ERROR(ReadString(*category, "name", o.category.name));
    ASSIGN_OR_RETURN(auto crank, category->OptionalInt("rank"));
    o.category.rank = crank.value_or(0);
  }
  RETURN_IF_ERROR(ReadStrings(r, "prerequisiteOffers", o.prerequisite_offers));
  RETURN_IF_ERROR(ReadBool(r, "isAddOn", o.is_add_on));
  RETURN_IF_ERROR(ReadBool(r, "isAvailableForPurchase", o.is_available_for_purchase));
  RETURN_IF_ERROR(ReadString(r, "billing", o.billing));
  RETURN_IF_ERROR(ReadStrings(r, "supportedBillingCycles", o.supported_billing_cycles));
  RETURN_IF_ERROR(ReadStrings(r, "termDurations", o.term_durations));
  RETURN_IF_ERROR(ReadBool(r, "isAutoRenewable", o.is_auto_renewable));
  RETURN_IF_ERROR(ReadStrings(r, "upgradeTargetOffers", o.upgrade_target_offers));
  RETURN_IF_ERROR(ReadString(r, "unitType", o.unit_type));
  RETURN_IF_ERROR(ReadBool(r, "isTrial", o.is_trial));
  RETURN_IF_ERROR(ReadStrings(r, "countries", o.countries));
  RETURN_IF_ERROR(ReadString(r, "productId", o.product_id));
  RETURN_IF_ERROR(ReadString(r, "skuId", o.sku_id));
  return Status::Ok();
}

}  // namespace

void WriteOffer(JsonOut& j, const domain::Offer& o, const CatalogLinks& l) {
  j.BeginObject().Field("id", o.id).Field("name", o.name).Field("description", o.description);
  j.Field("minimumQuantity", o.minimum_quantity).Field("maximumQuantity", o.maximum_quantity);
  j.Field("rank", o.rank).Field("uri", l.base + "/offers/" + o.id);
  j.Field("locale", l.locale).Field("country", l.country);
  if (!o.category.id.empty()) {
    j.BeginObject("category").Field("id", o.category.id).Field("name", o.category.name);
    j.Field("rank", o.category.rank).Field("locale", l.locale).Field("country", l.country);
    j.EndObject();
  }
  j.StringArray("prerequisiteOffers", o.prerequisite_offers).Field("isAddOn", o.is_add_on);
  j.Field("hasAddOns", o.has_add_ons);
  j.Field("isAvailableForPurchase", o.is_available_for_purchase).Field("billing", o.billing);
  j.StringArray("supportedBillingCycles", o.supported_billing_cycles);
  j.StringArray("termDurations", o.term_durations);
  j.Field("isAutoRenewable", o.is_auto_renewable);
  j.StringArray("upgradeTargetOffers", o.upgrade_target_offers);
  j.Field("unitType", o.unit_type).Field("isTrial", o.is_trial);
  j.BeginObject("links");
  WriteLink(j, "self", Link(l, "/offers/" + o.id));
  if (!o.product_id.empty()) {
    WriteLink(j, "product", Link(l, "/products/" + o.product_id));
    WriteLink(j, "sku", Link(l, "/products/" + o.product_id + "/skus/" + o.sku_id));
  }
  j.EndObject().Attributes("Offer").EndObject();
}

void WriteProduct(JsonOut& j, const domain::Product& p, const CatalogLinks& l) {
  j.BeginObject().Field("id", p.id).Field("title", p.title).Field("description", p.description);
  j.BeginObject("productType").Field("id", p.product_type);
  j.Field("displayName", p.product_type_display_name);
  if (!p.product_sub_type.empty()) {
    j.BeginObject("subType").Field("id", p.product_sub_type);
    j.Field("displayName", p.product_sub_type).EndObject();
  }
  j.EndObject();
  j.Field("isMicrosoftProduct", p.is_microsoft_product).Field("publisherName", p.publisher_name);
  j.BeginObject("links");
  WriteLink(j, "skus", Link(l, "/products/" + p.id + "/skus"));
  WriteLink(j, "self", Link(l, "/products/" + p.id));
  j.EndObject().Attributes("Product").EndObject();
}

void WriteSku(JsonOut& j, const domain::Sku& s, const CatalogLinks& l) {
  const std::string path = "/products/" + s.product_id + "/skus/" + s.id;
  j.BeginObject().Field("id", s.id).Field("productId", s.product_id).Field("title", s.title);
  j.Field("description", s.description).Field("minimumQuantity", s.minimum_quantity);
  j.Field("maximumQuantity", s.maximum_quantity).Field("isTrial", s.is_trial);
  j.StringArray("supportedBillingCycles", s.supported_billing_cycles);
  j.StringArray("purchasePrerequisites", s.purchase_prerequisites);
  j.BeginArray("provisioningVariables").EndArray();
  j.BeginObject("dynamicAttributes").Field("isAddon", s.is_add_on);
  j.StringArray("prerequisiteSkus", s.prerequisite_skus).Field("billing", s.billing);
  j.Field("unitType", s.unit_type).EndObject();
  j.BeginObject("links");
  WriteLink(j, "availabilities", Link(l, path + "/availabilities"));
  WriteLink(j, "self", Link(l, path));
  j.EndObject().Attributes("Sku").EndObject();
}

void WriteAvailability(JsonOut& j, const domain::Availability& a,
                       const domain::CatalogCountry& country, const CatalogLinks& l) {
  j.BeginObject().Field("id", a.id).Field("productId", a.product_id).Field("skuId", a.sku_id);
  j.Field("catalogItemId", a.CatalogItemId());
  j.BeginObject("defaultCurrency").Field("code", country.currency_code);
  j.Field("symbol", country.currency_symbol).EndObject();
  j.Field("segment", a.segment).Field("country", country.code);
  j.Field("isPurchasable", a.is_purchasable).Field("isRenewable", a.is_renewable);
  j.BeginArray("terms");
  for (const auto& t : a.terms) {
    j.BeginObject().Field("duration", t.duration).Field("description", TermDescription(t.duration));
    j.Field("billingCycle", t.billing_cycle).EndObject();
  }
  j.EndArray().BeginObject("links");
  WriteLink(j, "self",
            Link(l, "/products/" + a.product_id + "/skus/" + a.sku_id + "/availabilities/" + a.id));
  j.EndObject().Attributes("Availability").EndObject();
}

std::string CatalogFileJson(const domain::Catalog& c) {
  JsonOut j;
  j.BeginObject().Field("version", c.version).BeginArray("countries");
  for (const auto& country : c.countries) {
    j.BeginObject().Field("code", country.code).Field("currency", country.currency_code);
    j.Field("currencySymbol", country.currency_symbol).EndObject();
  }
  j.EndArray().BeginArray("products");
  for (const auto& p : c.products) {
    j.BeginObject().Field("id", p.id).Field("title", p.title).Field("description", p.description);
    j.BeginObject("productType").Field("id", p.product_type);
    j.Field("displayName", p.product_type_display_name);
    if (!p.product_sub_type.empty())
      j.BeginObject("subType").Field("id", p.product_sub_type).EndObject();
    j.EndObject().Field("isMicrosoftProduct", p.is_microsoft_product);
    j.Field("publisherName", p.publisher_name).BeginArray("skus");
    for (const auto& s : c.skus) {
      if (s.product_id != p.id) continue;
      j.BeginObject().Field("id", s.id).Field("title", s.title).Field("description", s.description);
      j.Field("minimumQuantity", s.minimum_quantity).Field("maximumQuantity", s.maximum_quantity);
      j.Field("isTrial", s.is_trial).Field("isAddOn", s.is_add_on);
      j.StringArray("prerequisiteSkus", s.prerequisite_skus);
      j.StringArray("purchasePrerequisites", s.purchase_prerequisites);
      j.Field("billing", s.billing).Field("unitType", s.unit_type).BeginArray("availabilities");
      for (const auto& a : c.availabilities) {
        if (a.product_id != p.id || a.sku_id != s.id) continue;
        j.BeginObject().Field("id", a.id).StringArray("countries", a.countries);
        j.Field("segment", a.segment).Field("isPurchasable", a.is_purchasable);
        j.Field("isRenewable", a.is_renewable).BeginArray("terms");
        for (const auto& t : a.terms) {
          j.BeginObject().Field("duration", t.duration).Field("billingCycle", t.billing_cycle);
          j.EndObject();
        }
        j.EndArray().EndObject();
      }
      j.EndArray().EndObject();
    }
    j.EndArray().EndObject();
  }
  j.EndArray().BeginArray("offers");
  for (const auto& o : c.offers) {
    j.BeginObject().Field("id", o.id).Field("name", o.name).Field("description", o.description);
    j.Field("minimumQuantity", o.minimum_quantity).Field("maximumQuantity", o.maximum_quantity);
    j.Field("rank", o.rank);
    if (!o.category.id.empty()) {
      j.BeginObject("category").Field("id", o.category.id).Field("name", o.category.name);
      j.Field("rank", o.category.rank).EndObject();
    }
    j.StringArray("prerequisiteOffers", o.prerequisite_offers).Field("isAddOn", o.is_add_on);
    j.Field("isAvailableForPurchase", o.is_available_for_purchase).Field("billing", o.billing);
    j.StringArray("supportedBillingCycles", o.supported_billing_cycles);
    j.StringArray("termDurations", o.term_durations);
    j.Field("isAutoRenewable", o.is_auto_renewable);
    j.StringArray("upgradeTargetOffers", o.upgrade_target_offers);
    j.Field("unitType", o.unit_type).Field("isTrial", o.is_trial);
    j.StringArray("countries", o.countries);
    if (!o.product_id.empty()) j.Field("productId", o.product_id).Field("skuId", o.sku_id);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return j.str();
}

Result<domain::Catalog> ReadCatalogJson(const std::string& text) {
  ASSIGN_OR_RETURN(auto in, JsonIn::Parse(text));
  const ObjectReader root = in->Root();
  domain::Catalog c;
  RETURN_IF_ERROR(ReadString(root, "version", c.version));
  ASSIGN_OR_RETURN(auto countries, Objects(root, "countries"));
  for (std::size_t i = 0; i < countries.size(); ++i) {
    ObjectReader r(countries[i], root.PathOf("countries") + "[" + std::to_string(i) + "].");
    domain::CatalogCountry country;
    ASSIGN_OR_RETURN(country.code, r.RequiredString("code"));
    ASSIGN_OR_RETURN(country.currency_code, r.RequiredString("currency"));
    ASSIGN_OR_RETURN(country.currency_symbol, r.RequiredString("currencySymbol"));
    c.countries.push_back(std::move(country));
  }
  ASSIGN_OR_RETURN(auto products, Objects(root, "products"));
  for (std::size_t i = 0; i < products.size(); ++i) {
    ObjectReader pr(products[i], RecordPath(root, "products", products[i], i));
    domain::Product p;
    RETURN_IF_ERROR(ReadProduct(pr, p));
    ASSIGN_OR_RETURN(auto skus, Objects(pr, "skus"));
    for (std::size_t k = 0; k < skus.size(); ++k) {
      ObjectReader sr(skus[k], RecordPath(pr, "skus", skus[k], k));
      domain::Sku s;
      s.product_id = p.id;
      RETURN_IF_ERROR(ReadSku(sr, s));
      ASSIGN_OR_RETURN(auto availabilities, Objects(sr, "availabilities"));
      for (std::size_t a = 0; a < availabilities.size(); ++a) {
        ObjectReader ar(availabilities[a], RecordPath(sr, "availabilities", availabilities[a], a));
        domain::Availability av;
        av.product_id = p.id;
        av.sku_id = s.id;
        RETURN_IF_ERROR(ReadAvailability(ar, av));
        c.availabilities.push_back(std::move(av));
      }
      c.skus.push_back(std::move(s));
    }
    c.products.push_back(std::move(p));
  }
  ASSIGN_OR_RETURN(auto offers, Objects(root, "offers"));
  for (std::size_t i = 0; i < offers.size(); ++i) {
    ObjectReader r(offers[i], RecordPath(root, "offers", offers[i], i));
    domain::Offer o;
    RETURN_IF_ERROR(ReadOffer(r, o));
    c.offers.push_back(std::move(o));
  }
  return c;
}

}  // namespace csphub::api
