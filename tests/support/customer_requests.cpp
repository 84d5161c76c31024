#include "support/customer_requests.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace csphub::testing {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteBilling(Writer& w, const CustomerFields& f, const std::string& etag) {
  w.StartObject();
  Field(w, "firstName", f.first_name);
  Field(w, "lastName", f.last_name);
  Field(w, "email", f.email);
  Field(w, "culture", f.culture);
  Field(w, "language", f.language);
  Field(w, "companyName", f.company_name);
  w.Key("defaultAddress");
  w.StartObject();
  Field(w, "country", f.country);
  Field(w, "city", f.city);
  Field(w, "state", f.state);
  Field(w, "addressLine1", f.address_line1);
  Field(w, "postalCode", f.postal_code);
  if (!f.phone.empty()) Field(w, "phoneNumber", f.phone);
  w.EndObject();
  if (!etag.empty()) {
    w.Key("attributes");
    w.StartObject();
    Field(w, "etag", etag);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace

std::string CustomerJson(const CustomerFields& f) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("companyProfile");
  w.StartObject();
  Field(w, "domain", f.domain);
  w.EndObject();
  w.Key("billingProfile");
  WriteBilling(w, f, "");
  if (!f.associated_partner_id.empty()) Field(w, "associatedPartnerId", f.associated_partner_id);
  w.EndObject();
  return buf.GetString();
}

std::string BillingJson(const CustomerFields& f, const std::string& etag) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  WriteBilling(w, f, etag);
  return buf.GetString();
}

}  // namespace csphub::testing
