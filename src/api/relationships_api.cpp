// Provider ↔ reseller partnerships: /v1/relationships and the provider's invitation links.
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

using domain::RelationshipType;

std::optional<RelationshipType> ParseType(const std::string& text) {
  const std::string t = ToLower(text);
  if (t == "isindirectcloudsolutionproviderof" || t == "is_indirect_cloud_solution_provider_of") {
    return RelationshipType::kIsIndirectCloudSolutionProviderOf;
  }
  if (t == "isindirectresellerof" || t == "is_indirect_reseller_of") {
    return RelationshipType::kIsIndirectResellerOf;
  }
  return std::nullopt;
}

void WriteLink(JsonOut& j, const domain::PartnerLink& link, RelationshipType type) {
  j.BeginObject()
      .Field("id", link.other.tenant_id)
      .Field("name", link.other.name)
      .Field("relationshipType", type == RelationshipType::kIsIndirectCloudSolutionProviderOf
                                     ? "is_indirect_cloud_solution_provider_of"
                                     : "is_indirect_reseller_of")
      .Field("state", "active")
      .Field("mpnId", link.other.mpn_id)
      .Field("location", link.other.country)
      .Field("createdDateTime", FormatIso8601(link.partnership.created_at))
      .Attributes("PartnerRelationship")
      .EndObject();
}

void WriteInvitation(JsonOut& j, const domain::PartnershipInvitation& inv, TimePoint now) {
  const char* state = inv.revoked_at ? "revoked" : (inv.expires_at <= now ? "expired" : "active");
  j.BeginObject()
      .Field("id", inv.id)
      .Field("createdBy", inv.created_by)
      .Field("createdDateTime", FormatIso8601(inv.created_at))
      .Field("expiresDateTime", FormatIso8601(inv.expires_at))
      .Field("state", state);
  if (inv.revoked_at) j.Field("revokedDateTime", FormatIso8601(*inv.revoked_at));
  j.Attributes("PartnershipInvitation").EndObject();
}

Result<std::string> TokenFrom(const http::Request& req) {
  ASSIGN_OR_RETURN(auto body, JsonIn::Parse(req.body));
  return body->Root().RequiredString("token");
}

}  // namespace

http::Response ListRelationships(Services& s, http::Request& req) {
  const auto raw = req.Query("relationship_type");
  if (!raw || raw->empty()) {
    return ErrorResponse(InvalidField("relationship_type",
                                      "is required (IsIndirectCloudSolutionProviderOf or "
                                      "IsIndirectResellerOf)"));
  }
  const auto type = ParseType(*raw);
  if (!type) {
    return ErrorResponse(InvalidField("relationship_type",
                                      "must be IsIndirectCloudSolutionProviderOf or "
                                      "IsIndirectResellerOf"));
  }
  ASSIGN_OR_RESPOND(links, s.partnerships.List(Caller(req), *type));
  return Json(200, Collection(links->size(), [&](JsonOut& j) {
                for (const auto& l : *links) WriteLink(j, l, *type);
              }));
}

http::Response RemoveRelationship(Services& s, http::Request& req) {
  Status st = s.partnerships.Remove(Caller(req), req.Param("id"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response CreatePartnershipInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(issued, s.partnerships.CreateInvitation(Caller(req), RequestLocale(req)));
  JsonOut j;
  j.BeginObject()
      .Field("id", issued->invitation.id)
      .Field("url", issued->url)
      .Field("expiresDateTime", FormatIso8601(issued->invitation.expires_at))
      .BeginObject("email")
      .Field("locale", issued->email.locale)
      .Field("subject", issued->email.subject)
      .Field("body", issued->email.body)
      .EndObject()
      .Attributes("PartnershipInvitation")
      .EndObject();
  http::Response r = Json(201, j.str());
  r.SetHeader("Cache-Control", "no-store");  // the link is shown once
  return r;
}

http::Response ListPartnershipInvitations(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(list, s.partnerships.ListInvitations(Caller(req)));
  const TimePoint now = std::chrono::system_clock::now();
  return Json(200, Collection(list->size(), [&](JsonOut& j) {
                for (const auto& inv : *list) WriteInvitation(j, inv, now);
              }));
}

http::Response RevokePartnershipInvitation(Services& s, http::Request& req) {
  Status st = s.partnerships.RevokeInvitation(Caller(req), req.Param("id"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response PreviewPartnershipInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(token, TokenFrom(req));
  ASSIGN_OR_RESPOND(preview, s.partnerships.PreviewInvitation(Caller(req), *token));
  JsonOut j;
  j.BeginObject()
      .BeginObject("provider")
      .Field("tenantId", preview->provider.tenant_id)
      .Field("name", preview->provider.name)
      .Field("mpnId", preview->provider.mpn_id)
      .Field("country", preview->provider.country)
      .EndObject()
      .Field("expiresDateTime", FormatIso8601(preview->expires_at))
      .Field("alreadyPartnered", preview->already_partnered)
      .StringArray("grants", {"add_customers_on_your_behalf", "place_orders_for_your_customers",
                              "record_you_as_reseller_of_record", "name_you_support_contact"})
      .EndObject();
  return Json(200, j.str());
}

http::Response AcceptPartnershipInvitation(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(token, TokenFrom(req));
  ASSIGN_OR_RESPOND(link, s.partnerships.AcceptInvitation(Caller(req), *token));
  JsonOut j;
  WriteLink(j, *link, RelationshipType::kIsIndirectResellerOf);
  return Json(201, j.str());
}

}  // namespace csphub::api
