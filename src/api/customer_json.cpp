// Customer resources as JSON (reference §4.3), shared by the API handlers and the CLI.
#include "api/customer_json.hpp"

#include "common/ids.hpp"

namespace csphub::api {
namespace {

void WriteAddress(JsonOut& j, const domain::Address& a) {
  j.BeginObject("defaultAddress")
      .Field("country", a.country)
      .Field("region", a.region)
      .Field("city", a.city)
      .Field("state", a.state)
      .Field("addressLine1", a.address_line1)
      .Field("addressLine2", a.address_line2)
      .Field("postalCode", a.postal_code)
      .Field("firstName", a.first_name)
      .Field("middleName", a.middle_name)
      .Field("lastName", a.last_name)
      .Field("phoneNumber", a.phone_number)
      .EndObject();
}

}  // namespace

void WriteSelfLink(JsonOut& j, std::initializer_list<std::string_view> uri) {
  j.BeginObject("links").BeginObject("self").Field("uri", uri).Field("method", "GET");
  j.BeginArray("headers").EndArray().EndObject().EndObject();
}

void WriteSelfLink(JsonOut& j, const std::string& uri) { WriteSelfLink(j, {uri}); }

void WriteCompanyProfile(JsonOut& j, const domain::Customer& c, bool with_contact) {
  j.Field("tenantId", c.id).Field("domain", c.domain).Field("companyName", c.billing.company_name);
  if (!c.organization_registration_number.empty()) {
    j.Field("organizationRegistrationNumber", c.organization_registration_number);
  }
  // Address and email only for partners with admin access (reference §4.3).
  if (with_contact) {
    j.Field("email", c.billing.email);
    j.Key("address");
    JsonOut& a = j;
    const auto& d = c.billing.default_address;
    a.BeginObject()
        .Field("country", d.country)
        .Field("city", d.city)
        .Field("state", d.state)
        .Field("addressLine1", d.address_line1)
        .Field("addressLine2", d.address_line2)
        .Field("postalCode", d.postal_code)
        .EndObject();
  }
  WriteSelfLink(j, {"/customers/", c.id, "/profiles/company"});
  j.Attributes("CustomerCompanyProfile");
}

void WriteBillingProfile(JsonOut& j, const domain::Customer& c) {
  const auto& b = c.billing;
  j.Field("id", c.id)
      .Field("firstName", b.first_name)
      .Field("lastName", b.last_name)
      .Field("email", b.email)
      .Field("culture", b.culture)
      .Field("language", b.language)
      .Field("companyName", b.company_name);
  WriteAddress(j, b.default_address);
  WriteSelfLink(j, {"/customers/", c.id, "/profiles/billing"});
  j.Attributes("CustomerBillingProfile", std::to_string(c.billing_etag));
}

void WriteCustomer(JsonOut& j, const domain::CustomerDetails& d, CustomerJsonOptions o) {
  const domain::CustomerView& v = d.view;
  const bool related = d.related, delegated_admin = d.delegated_admin;
  const domain::Customer& c = v.customer;
  j.BeginObject().Field("id", c.id).Field("commerceId", c.commerce_id);
  j.BeginObject("companyProfile");
  WriteCompanyProfile(j, c, false);
  j.EndObject().BeginObject("billingProfile");
  WriteBillingProfile(j, c);
  j.EndObject().Field("relationshipToPartner", related ? "reseller" : "none");
  if (o.with_delegated_access) j.Field("allowDelegatedAccess", delegated_admin);
  if (!v.relationship.indirect_reseller_id.empty()) {
    j.Field("associatedPartnerId", v.relationship.indirect_reseller_id);
  }
  if (o.created) {
    j.BeginObject("userCredentials")
        .Field("userName", o.created->admin_user_name)
        .Field("password", o.created->admin_password)
        .EndObject();
  }
  WriteSelfLink(j, {"/customers/", c.id});
  j.Attributes("Customer").EndObject();
}

void WriteCustomerListItem(JsonOut& j, const domain::CustomerSummary& c) {
  // The members WriteCompanyProfile, WriteSelfLink and Attributes write, in their order, spelled
  // out: this runs 100 times a page (tests/unit/customer_json_test.cpp holds it to the
  // member-by-member writing).
  j.BeginRawValue().Raw(R"({"id":)").RawString(c.id);
  j.Raw(R"(,"commerceId":)").RawString(c.commerce_id);
  j.Raw(R"(,"companyProfile":{"tenantId":)").RawString(c.id);
  j.Raw(R"(,"domain":)").RawString(c.domain);
  j.Raw(R"(,"companyName":)").RawString(c.company_name);
  j.Raw(R"(,"links":{"self":{"uri":)").RawString({"/customers/", c.id, "/profiles/company"});
  j.Raw(R"(,"method":"GET","headers":[]}},"attributes":{"objectType":"CustomerCompanyProfile"}})");
  j.Raw(R"(,"relationshipToPartner":"reseller")");  // a listed customer is related
  if (!c.indirect_reseller_id.empty()) {
    j.Raw(R"(,"associatedPartnerId":)").RawString(c.indirect_reseller_id);
  }
  j.Raw(R"(,"links":{"self":{"uri":)").RawString({"/customers/", c.id});
  j.Raw(R"(,"method":"GET","headers":[]}},"attributes":{"objectType":"Customer"}})");
}

std::string CustomerBody(const domain::CustomerDetails& d, CustomerJsonOptions o) {
  JsonOut j(2048);  // a customer is ~1.3 KB
  WriteCustomer(j, d, o);
  return std::move(j).str();
}

// A billing profile from its JSON (create and PUT). The contact's names may come on the
// profile or on its default address (both appear in Partner Center's samples).
Result<domain::BillingProfile> ReadBilling(const ObjectReader& b) {
  domain::BillingProfile out;
  ASSIGN_OR_RETURN(out.first_name, b.StringOrEmpty("firstName"));
  ASSIGN_OR_RETURN(out.last_name, b.StringOrEmpty("lastName"));
  ASSIGN_OR_RETURN(out.email, b.StringOrEmpty("email"));
  ASSIGN_OR_RETURN(out.culture, b.StringOrEmpty("culture"));
  ASSIGN_OR_RETURN(out.language, b.StringOrEmpty("language"));
  ASSIGN_OR_RETURN(out.company_name, b.StringOrEmpty("companyName"));
  ASSIGN_OR_RETURN(auto address, b.OptionalObject("defaultAddress"));
  if (!address) return InvalidField(b.PathOf("defaultAddress"), "is required");
  domain::Address& a = out.default_address;
  ASSIGN_OR_RETURN(a.country, address->StringOrEmpty("country"));
  ASSIGN_OR_RETURN(a.region, address->StringOrEmpty("region"));
  ASSIGN_OR_RETURN(a.city, address->StringOrEmpty("city"));
  ASSIGN_OR_RETURN(a.state, address->StringOrEmpty("state"));
  ASSIGN_OR_RETURN(a.address_line1, address->StringOrEmpty("addressLine1"));
  ASSIGN_OR_RETURN(a.address_line2, address->StringOrEmpty("addressLine2"));
  ASSIGN_OR_RETURN(a.postal_code, address->StringOrEmpty("postalCode"));
  ASSIGN_OR_RETURN(a.first_name, address->StringOrEmpty("firstName"));
  ASSIGN_OR_RETURN(a.middle_name, address->StringOrEmpty("middleName"));
  ASSIGN_OR_RETURN(a.last_name, address->StringOrEmpty("lastName"));
  ASSIGN_OR_RETURN(a.phone_number, address->StringOrEmpty("phoneNumber"));
  if (out.first_name.empty()) out.first_name = a.first_name;
  if (out.last_name.empty()) out.last_name = a.last_name;
  if (a.first_name.empty()) a.first_name = out.first_name;
  if (a.last_name.empty()) a.last_name = out.last_name;
  return out;
}

Result<domain::NewCustomer> ReadNewCustomer(const std::string& body) {
  ASSIGN_OR_RETURN(auto in, JsonIn::Parse(body));
  const ObjectReader root = in->Root();
  domain::NewCustomer out;
  ASSIGN_OR_RETURN(auto company, root.OptionalObject("companyProfile"));
  if (!company) return InvalidField("companyProfile", "is required (with its domain)");
  ASSIGN_OR_RETURN(out.domain, company->RequiredString("domain"));
  ASSIGN_OR_RETURN(out.organization_registration_number,
                   company->StringOrEmpty("organizationRegistrationNumber"));
  ASSIGN_OR_RETURN(auto billing, root.OptionalObject("billingProfile"));
  if (!billing) return InvalidField("billingProfile", "is required");
  ASSIGN_OR_RETURN(out.billing, ReadBilling(*billing));
  ASSIGN_OR_RETURN(out.associated_partner_id, root.StringOrEmpty("associatedPartnerId"));
  return out;
}

Status ReadCustomerFilter(const std::string& text, domain::CustomerListRequest& req) {
  auto in = JsonIn::Parse(text);
  if (!in.ok()) return InvalidField("filter", "must be a JSON object {Field, Value, Operator}");
  const ObjectReader r = (*in)->Root();
  ASSIGN_OR_RETURN(std::string field, r.RequiredString("Field"));
  ASSIGN_OR_RETURN(req.value, r.RequiredString("Value"));
  ASSIGN_OR_RETURN(auto op, r.OptionalString("Operator"));
  const std::string oper = ToLower(op.value_or("starts_with"));
  if (oper != "starts_with" && oper != "startswith") {
    return InvalidField("filter", "supports only the starts_with operator");
  }
  const std::string f = ToLower(field);
  if (f == "companyname") {
    req.field = domain::CustomerFilterField::kCompanyName;
  } else if (f == "domain") {
    req.field = domain::CustomerFilterField::kDomain;
  } else if (f == "indirectreseller") {
    req.field = domain::CustomerFilterField::kIndirectReseller;
  } else if (f == "indirectcloudsolutionprovider") {
    req.field = domain::CustomerFilterField::kIndirectCloudSolutionProvider;
  } else {
    return InvalidField("filter",
                        "Field must be CompanyName, Domain, IndirectReseller or "
                        "IndirectCloudSolutionProvider");
  }
  return Status::Ok();
}

}  // namespace csphub::api
