// /v1/customers/{id}/agreements: confirm and read a customer's acceptance of a Microsoft
// agreement (reference §4.2, §4.3 Agreement).
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

void WriteAgreement(JsonOut& j, const domain::Agreement& a) {
  const domain::AgreementContact& c = a.primary_contact;
  j.BeginObject().Field("userId", a.user_id);
  j.BeginObject("primaryContact")
      .Field("firstName", c.first_name)
      .Field("lastName", c.last_name)
      .Field("email", c.email);
  if (!c.phone_number.empty()) j.Field("phoneNumber", c.phone_number);
  j.EndObject();
  j.Field("dateAgreed", FormatIso8601(a.date_agreed))
      .Field("templateId", a.template_id)
      .Field("type", domain::AgreementTypeName(a.type))
      .Field("agreementLink", domain::AgreementLink(a.type))
      .Attributes("Agreement")
      .EndObject();
}

// The POST body; userId is ignored (it comes from the token), so is agreementLink (the type's).
Result<domain::NewAgreement> ReadNewAgreement(const std::string& body) {
  ASSIGN_OR_RETURN(auto in, JsonIn::Parse(body));
  const ObjectReader root = in->Root();
  domain::NewAgreement a;
  ASSIGN_OR_RETURN(auto contact, root.OptionalObject("primaryContact"));
  if (!contact) return InvalidField("primaryContact", "is required");
  ASSIGN_OR_RETURN(a.primary_contact.first_name, contact->StringOrEmpty("firstName"));
  ASSIGN_OR_RETURN(a.primary_contact.last_name, contact->StringOrEmpty("lastName"));
  ASSIGN_OR_RETURN(a.primary_contact.email, contact->StringOrEmpty("email"));
  ASSIGN_OR_RETURN(a.primary_contact.phone_number, contact->StringOrEmpty("phoneNumber"));
  ASSIGN_OR_RETURN(a.date_agreed, root.StringOrEmpty("dateAgreed"));
  ASSIGN_OR_RETURN(a.template_id, root.StringOrEmpty("templateId"));
  ASSIGN_OR_RETURN(a.type, root.StringOrEmpty("type"));
  return a;
}

}  // namespace

http::Response CreateCustomerAgreement(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(input, ReadNewAgreement(req.body));
  ASSIGN_OR_RESPOND(created, s.agreements.Create(Caller(req), req.Param("id"), std::move(*input)));
  JsonOut j;
  WriteAgreement(j, *created);
  return Json(201, j.str());
}

http::Response ListCustomerAgreements(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(agreements, s.agreements.List(Caller(req), req.Param("id"),
                                                  req.Query("agreementType").value_or("")));
  return Json(200, Collection(agreements->size(), [&](JsonOut& j) {
                for (const auto& a : *agreements) WriteAgreement(j, a);
              }));
}

}  // namespace csphub::api
