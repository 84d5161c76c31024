// Customer invitations (reference §2.3, §2.4, §4.3 RelationshipRequest):
//  partner side   GET  /v1/customers/relationshiprequests
//  customer side  GET  /v1/customertenant/invitations/preview, POST …/accept, POST …/decline,
//                 GET  /v1/customertenant/partners,
//                 DELETE /v1/customertenant/partners/{partnerTenantId}/delegatedadmin
//  no account yet POST /v1/invitations/signup (unauthenticated)
#include "api/call_context.hpp"
#include "api/customer_json.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

using domain::CustomerInvitation;

Result<bool> ParseFlag(const std::string& text, const std::string& field) {
  if (EqualsIgnoreCase(text, "true")) return true;
  if (EqualsIgnoreCase(text, "false") || text.empty()) return false;
  return InvalidField(field, "must be true or false");
}

// The link's fields, whether they come from a query string or from a JSON body.
Result<CustomerInvitation> MakeInvitation(const std::string& type, const std::string& partner_id,
                                          const std::string& mspp_id,
                                          const std::string& indirect_csp_id, bool dap) {
  if (type.empty()) {
    return InvalidField("invType",
                        "is required (ResellerRelationship or IndirectResellerRelationship)");
  }
  const auto parsed = domain::ParseInvitationType(type);
  if (!parsed) {
    return InvalidField("invType", "must be ResellerRelationship or IndirectResellerRelationship");
  }
  if (partner_id.empty()) return InvalidField("partnerId", "is required");
  CustomerInvitation inv;
  inv.type = *parsed;
  inv.partner_id = ToLower(partner_id);
  inv.mspp_id = mspp_id.empty() ? "0" : mspp_id;
  inv.indirect_csp_id = ToLower(indirect_csp_id);
  inv.delegated_admin = dap;
  if (inv.type == domain::InvitationType::kIndirectResellerRelationship &&
      inv.indirect_csp_id.empty()) {
    return InvalidField("indirectCSPId", "is required for an IndirectResellerRelationship");
  }
  return inv;
}

Result<CustomerInvitation> InvitationFromQuery(const http::Request& req) {
  auto q = [&](const char* name) { return req.Query(name).value_or(""); };
  ASSIGN_OR_RETURN(bool dap, ParseFlag(q("DAP"), "DAP"));
  return MakeInvitation(q("invType"), q("partnerId"), q("msppId"), q("indirectCSPId"), dap);
}

Result<CustomerInvitation> InvitationFromJson(const ObjectReader& r) {
  ASSIGN_OR_RETURN(std::string type, r.StringOrEmpty("invType"));
  ASSIGN_OR_RETURN(std::string partner_id, r.StringOrEmpty("partnerId"));
  ASSIGN_OR_RETURN(std::string indirect_csp_id, r.StringOrEmpty("indirectCSPId"));
  // msppId and DAP come from the link as text; JSON clients may send a number and a boolean.
  std::string mspp_id;
  if (const auto* v = r.Find("msppId"); v && v->IsInt64()) {
    mspp_id = std::to_string(v->GetInt64());
  } else {
    ASSIGN_OR_RETURN(mspp_id, r.StringOrEmpty("msppId"));
  }
  bool dap = false;
  if (const auto* v = r.Find("DAP"); v && v->IsBool()) {
    dap = v->GetBool();
  } else {
    ASSIGN_OR_RETURN(std::string text, r.StringOrEmpty("DAP"));
    ASSIGN_OR_RETURN(dap, ParseFlag(text, "DAP"));
  }
  return MakeInvitation(type, partner_id, mspp_id, indirect_csp_id, dap);
}

void WritePartner(JsonOut& j, std::string_view key, const domain::Partner& p) {
  j.BeginObject(key)
      .Field("tenantId", p.tenant_id)
      .Field("name", p.name)
      .Field("mpnId", p.mpn_id)
      .Field("country", p.country)
      .EndObject();
}

void WriteCustomerPartner(JsonOut& j, const domain::CustomerPartner& p) {
  j.BeginObject()
      .Field("tenantId", p.partner.tenant_id)
      .Field("name", p.partner.name)
      .Field("mpnId", p.partner.mpn_id)
      .Field("country", p.partner.country)
      .Field("relationship", p.reseller ? "reseller" : "none")
      .Field("delegatedAdmin", p.delegated_admin);
  if (!p.indirect_provider_id.empty()) j.Field("indirectProviderId", p.indirect_provider_id);
  if (!p.indirect_reseller_id.empty()) j.Field("indirectResellerId", p.indirect_reseller_id);
  j.Attributes("CustomerPartner").EndObject();
}

void WriteAccepted(JsonOut& j, const domain::AcceptedInvitation& a) {
  j.Field("customerId", a.customer.id).Field("changed", a.changed).BeginArray("partners");
  for (const auto& p : a.partners) WriteCustomerPartner(j, p);
  j.EndArray();
}

}  // namespace

http::Response RequestCustomerRelationship(Services& s, http::Request& req) {
  domain::RelationshipRequestOptions options;
  ASSIGN_OR_RESPOND(dap, ParseFlag(req.Query("delegatedAdmin").value_or(""), "delegatedAdmin"));
  options.delegated_admin = *dap;
  options.indirect_provider_id = req.Query("indirectProviderId").value_or("");
  options.locale = RequestLocale(req);
  ASSIGN_OR_RESPOND(request, s.customer_invitations.RequestRelationship(Caller(req), options));
  JsonOut j;
  j.BeginObject()
      .Field("url", request->url)
      .BeginObject("email")
      .Field("locale", request->email.locale)
      .Field("subject", request->email.subject)
      .Field("body", request->email.body)
      .EndObject()
      .Attributes("RelationshipRequest")
      .EndObject();
  return Json(200, j.str());
}

http::Response PreviewCustomerInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(invitation, InvitationFromQuery(req));
  ASSIGN_OR_RESPOND(preview, s.customer_invitations.Preview(Caller(req), *invitation));
  const auto& inv = preview->invitation;
  const auto& partners = preview->partners;
  JsonOut j;
  j.BeginObject().Field("invType", domain::InvitationTypeName(inv.type));
  WritePartner(j, "partner", partners.partner);
  if (partners.provider) WritePartner(j, "indirectProvider", *partners.provider);
  // What accepting gives each partner, so the admin sees exactly what it consents to.
  j.BeginArray("grants");
  for (const domain::Partner* p :
       {&partners.partner, partners.provider ? &*partners.provider : nullptr}) {
    if (p == nullptr) continue;
    j.BeginObject().Field("partnerId", p->tenant_id).Field("name", p->name);
    j.Field("relationship", "reseller").Field("delegatedAdmin", inv.delegated_admin).EndObject();
  }
  j.EndArray()
      .Field("delegatedAdmin", inv.delegated_admin)
      .Field("sameCountry", preview->same_country)
      .Field("alreadyAccepted", preview->already_accepted)
      .Attributes("CustomerInvitationPreview")
      .EndObject();
  return Json(200, j.str());
}

http::Response AcceptCustomerInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(invitation, InvitationFromJson((*body)->Root()));
  ASSIGN_OR_RESPOND(accepted, s.customer_invitations.Accept(Caller(req), *invitation));
  JsonOut j;
  j.BeginObject();
  WriteAccepted(j, *accepted);
  j.Attributes("CustomerInvitationAcceptance").EndObject();
  return Json(200, j.str());
}

http::Response DeclineCustomerInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  ASSIGN_OR_RESPOND(invitation, InvitationFromJson((*body)->Root()));
  Status st = s.customer_invitations.Decline(Caller(req), *invitation);
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response ListCustomerPartners(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(partners, s.customer_invitations.ListPartners(Caller(req)));
  return Json(200, Collection(partners->size(), [&](JsonOut& j) {
                for (const auto& p : *partners) WriteCustomerPartner(j, p);
              }));
}

http::Response RevokePartnerDelegatedAdmin(Services& s, http::Request& req) {
  Status st = s.customer_invitations.RevokeDelegatedAdmin(Caller(req), req.Param("id"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response SignUpCustomer(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  const ObjectReader root = (*body)->Root();
  domain::SignUpRequest signup;
  ASSIGN_OR_RESPOND(invitation, InvitationFromJson(root));
  ASSIGN_OR_RESPOND(company, ReadNewCustomer(req.body));
  ASSIGN_OR_RESPOND(password, root.RequiredString("password"));
  signup.invitation = std::move(*invitation);
  signup.company = std::move(*company);
  signup.password = std::move(*password);
  // Nobody is signed in: the context carries only the request's IDs for the activity log.
  domain::CallContext anonymous;
  anonymous.request_id = req.request_id;
  anonymous.correlation_id = req.correlation_id;
  ASSIGN_OR_RESPOND(created, s.customer_invitations.SignUp(anonymous, std::move(signup)));
  const domain::Customer& c = created->accepted.customer;
  JsonOut j;
  j.BeginObject()
      .BeginObject("customer")
      .Field("id", c.id)
      .Field("domain", c.domain)
      .Field("companyName", c.billing.company_name)
      .EndObject()
      .BeginObject("adminUser")
      .Field("userPrincipalName", created->admin_user_name)
      .EndObject();
  WriteAccepted(j, created->accepted);
  j.Attributes("CustomerSignUp").EndObject();
  http::Response r = Json(201, j.str());
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace csphub::api
