// /v1/customers and /v1/domains: create, list, read, update the billing profile, remove the
// relationship (reference §4.2, §4.3 Customer, CustomerCompanyProfile, CustomerBillingProfile).
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

using domain::CustomerFilterField;

void WriteSelfLink(JsonOut& j, const std::string& uri) {
  j.BeginObject("links").BeginObject("self").Field("uri", uri).Field("method", "GET");
  j.BeginArray("headers").EndArray().EndObject().EndObject();
}

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
  WriteSelfLink(j, "/customers/" + c.id + "/profiles/company");
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
  WriteSelfLink(j, "/customers/" + c.id + "/profiles/billing");
  j.Attributes("CustomerBillingProfile", std::to_string(c.billing_etag));
}

struct CustomerJsonOptions {
  bool with_delegated_access = false;
  const domain::CreatedCustomer* created = nullptr;
};

void WriteCustomer(JsonOut& j, const domain::CustomerDetails& d, CustomerJsonOptions o = {}) {
  const domain::Customer& c = d.view.customer;
  j.BeginObject().Field("id", c.id).Field("commerceId", c.commerce_id);
  j.BeginObject("companyProfile");
  WriteCompanyProfile(j, c, false);
  j.EndObject().BeginObject("billingProfile");
  WriteBillingProfile(j, c);
  j.EndObject().Field("relationshipToPartner", d.related ? "reseller" : "none");
  if (o.with_delegated_access) j.Field("allowDelegatedAccess", d.delegated_admin);
  if (!d.view.relationship.indirect_reseller_id.empty()) {
    j.Field("associatedPartnerId", d.view.relationship.indirect_reseller_id);
  }
  if (o.created) {
    j.BeginObject("userCredentials")
        .Field("userName", o.created->admin_user_name)
        .Field("password", o.created->admin_password)
        .EndObject();
  }
  WriteSelfLink(j, "/customers/" + c.id);
  j.Attributes("Customer").EndObject();
}

std::string CustomerBody(const domain::CustomerDetails& d, CustomerJsonOptions o = {}) {
  JsonOut j;
  WriteCustomer(j, d, o);
  return j.str();
}

Result<std::string> Str(const ObjectReader& r, std::string_view name) {
  ASSIGN_OR_RETURN(auto v, r.OptionalString(name));
  return v.value_or("");
}

// A billing profile from its JSON (create and PUT). The contact's names may come on the
// profile or on its default address (both appear in Partner Center's samples).
Result<domain::BillingProfile> ReadBilling(const ObjectReader& b) {
  domain::BillingProfile out;
  ASSIGN_OR_RETURN(out.first_name, Str(b, "firstName"));
  ASSIGN_OR_RETURN(out.last_name, Str(b, "lastName"));
  ASSIGN_OR_RETURN(out.email, Str(b, "email"));
  ASSIGN_OR_RETURN(out.culture, Str(b, "culture"));
  ASSIGN_OR_RETURN(out.language, Str(b, "language"));
  ASSIGN_OR_RETURN(out.company_name, Str(b, "companyName"));
  ASSIGN_OR_RETURN(auto address, b.OptionalObject("defaultAddress"));
  if (!address) return InvalidField(b.PathOf("defaultAddress"), "is required");
  domain::Address& a = out.default_address;
  ASSIGN_OR_RETURN(a.country, Str(*address, "country"));
  ASSIGN_OR_RETURN(a.region, Str(*address, "region"));
  ASSIGN_OR_RETURN(a.city, Str(*address, "city"));
  ASSIGN_OR_RETURN(a.state, Str(*address, "state"));
  ASSIGN_OR_RETURN(a.address_line1, Str(*address, "addressLine1"));
  ASSIGN_OR_RETURN(a.address_line2, Str(*address, "addressLine2"));
  ASSIGN_OR_RETURN(a.postal_code, Str(*address, "postalCode"));
  ASSIGN_OR_RETURN(a.first_name, Str(*address, "firstName"));
  ASSIGN_OR_RETURN(a.middle_name, Str(*address, "middleName"));
  ASSIGN_OR_RETURN(a.last_name, Str(*address, "lastName"));
  ASSIGN_OR_RETURN(a.phone_number, Str(*address, "phoneNumber"));
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
                   Str(*company, "organizationRegistrationNumber"));
  ASSIGN_OR_RETURN(auto billing, root.OptionalObject("billingProfile"));
  if (!billing) return InvalidField("billingProfile", "is required");
  ASSIGN_OR_RETURN(out.billing, ReadBilling(*billing));
  ASSIGN_OR_RETURN(out.associated_partner_id, Str(root, "associatedPartnerId"));
  return out;
}

// filter={"Field":"CompanyName|Domain|IndirectReseller|IndirectCloudSolutionProvider",
//         "Value":"…","Operator":"starts_with"}
Status ReadFilter(const std::string& text, domain::CustomerListRequest& req) {
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
    req.field = CustomerFilterField::kCompanyName;
  } else if (f == "domain") {
    req.field = CustomerFilterField::kDomain;
  } else if (f == "indirectreseller") {
    req.field = CustomerFilterField::kIndirectReseller;
  } else if (f == "indirectcloudsolutionprovider") {
    req.field = CustomerFilterField::kIndirectCloudSolutionProvider;
  } else {
    return InvalidField("filter",
                        "Field must be CompanyName, Domain, IndirectReseller or "
                        "IndirectCloudSolutionProvider");
  }
  return Status::Ok();
}

// The etag from If-Match (quotes and W/ allowed) or, failing that, from the body's attributes.
Result<std::int64_t> RequiredEtag(const http::Request& req, const ObjectReader& body) {
  std::string etag = req.Header("If-Match").value_or("");
  if (etag.empty()) {
    ASSIGN_OR_RETURN(auto attributes, body.OptionalObject("attributes"));
    if (attributes) {
      ASSIGN_OR_RETURN(etag, Str(*attributes, "etag"));
    }
  }
  if (etag.rfind("W/", 0) == 0) etag = etag.substr(2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') {
    etag = etag.substr(1, etag.size() - 2);
  }
  if (etag.empty()) {
    return InvalidField("If-Match", "is required: send the billing profile's etag");
  }
  try {
    std::size_t used = 0;
    const std::int64_t v = std::stoll(etag, &used);
    if (used == etag.size()) return v;
  } catch (const std::exception&) {
  }
  return Aborted("The etag is not one this server issued; read the billing profile again.");
}

http::Response WithEtag(http::Response r, std::int64_t etag) {
  r.SetHeader("ETag", "\"" + std::to_string(etag) + "\"");
  return r;
}

}  // namespace

http::Response CreateCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(input, ReadNewCustomer(req.body));
  ASSIGN_OR_RESPOND(created, s.customers.Create(Caller(req), std::move(*input)));
  http::Response r = Json(201, CustomerBody(created->details, {.created = &*created}));
  r.SetHeader("Location", "/v1/customers/" + created->details.view.customer.id);
  r.SetHeader("Cache-Control", "no-store");  // the temporary password is shown once
  return r;
}

http::Response ListCustomers(Services& s, http::Request& req) {
  domain::CustomerListRequest list;
  auto token = req.Header("MS-ContinuationToken");
  if (!token) token = req.Query("continuationToken");
  if (token && !token->empty()) {
    list.continuation = *token;
  } else {
    if (auto raw = req.Query("size"); raw && !raw->empty()) {
      try {
        std::size_t used = 0;
        list.size = std::stoi(*raw, &used);
        if (used != raw->size() || list.size < 1) throw std::invalid_argument("size");
      } catch (const std::exception&) {
        return ErrorResponse(
            InvalidField("size", "must be a whole number from 1 to " +
                                     std::to_string(domain::CustomerService::kMaxPageSize)));
      }
    }
    if (auto f = req.Query("filter"); f && !f->empty()) {
      Status st = ReadFilter(*f, list);
      if (!st.ok()) return ErrorResponse(st);
    }
  }
  ASSIGN_OR_RESPOND(page, s.customers.List(Caller(req), list));
  return Json(200, Collection(
                       page->items.size(),
                       [&](JsonOut& j) {
                         for (const auto& v : page->items) WriteCustomer(j, {v, true, false});
                       },
                       "/customers?seekOperation=Next", page->continuation));
}

http::Response GetCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  return Json(200, CustomerBody(*details, {.with_delegated_access = true}));
}

http::Response PatchCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  domain::CustomerPatch patch;
  ASSIGN_OR_RESPOND(relationship, root.OptionalString("relationshipToPartner"));
  ASSIGN_OR_RESPOND(dap, root.OptionalBool("allowDelegatedAccess"));
  patch.relationship_to_partner = *relationship;
  patch.allow_delegated_access = *dap;
  // A full resource sent back unchanged says "reseller": that is not a change.
  if (patch.relationship_to_partner &&
      EqualsIgnoreCase(*patch.relationship_to_partner, "reseller")) {
    patch.relationship_to_partner.reset();
  }
  ASSIGN_OR_RESPOND(details, s.customers.Patch(Caller(req), req.Param("id"), patch));
  return Json(200, CustomerBody(*details, {.with_delegated_access = true}));
}

http::Response GetCustomerCompanyProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  JsonOut j;
  j.BeginObject();
  WriteCompanyProfile(j, details->view.customer, details->delegated_admin);
  j.EndObject();
  return Json(200, j.str());
}

http::Response GetCustomerBillingProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(details, s.customers.Get(Caller(req), req.Param("id")));
  JsonOut j;
  j.BeginObject();
  WriteBillingProfile(j, details->view.customer);
  j.EndObject();
  return WithEtag(Json(200, j.str()), details->view.customer.billing_etag);
}

http::Response PutCustomerBillingProfile(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(in, JsonIn::Parse(req.body));
  const ObjectReader root = (*in)->Root();
  ASSIGN_OR_RESPOND(etag, RequiredEtag(req, root));
  ASSIGN_OR_RESPOND(billing, ReadBilling(root));
  ASSIGN_OR_RESPOND(details,
                    s.customers.UpdateBilling(Caller(req), req.Param("id"), *billing, *etag));
  JsonOut j;
  j.BeginObject();
  WriteBillingProfile(j, details->view.customer);
  j.EndObject();
  return WithEtag(Json(200, j.str()), details->view.customer.billing_etag);
}

http::Response ListCustomerRelationships(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(resellers, s.customers.IndirectResellers(Caller(req), req.Param("id")));
  return Json(200, Collection(resellers->size(), [&](JsonOut& j) {
                for (const auto& p : *resellers) {
                  j.BeginObject()
                      .Field("id", p.tenant_id)
                      .Field("name", p.name)
                      .Field("relationshipType", "is_indirect_reseller_of")
                      .Field("state", "active")
                      .Field("mpnId", p.mpn_id)
                      .Field("location", p.country)
                      .Attributes("PartnerRelationship")
                      .EndObject();
                }
              }));
}

// HEAD /v1/domains/{domain}: 200 when a tenant holds it, 404 when it is free.
http::Response CheckDomain(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(taken, s.customers.DomainInUse(Caller(req), req.Param("domain")));
  http::Response r;
  r.status = *taken ? 200 : 404;
  return r;
}

}  // namespace csphub::api
