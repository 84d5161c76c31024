// /admin/v1/partners: the operator enrolls, lists, reads and disables partners.
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

void WritePartner(JsonOut& j, const domain::Partner& p) {
  j.BeginObject()
      .Field("id", p.tenant_id)
      .Field("tenantId", p.tenant_id)
      .Field("name", p.name)
      .Field("country", p.country)
      .StringArray("programs", domain::ProgramNames(p.programs))
      .Field("mpnId", p.mpn_id)
      .Field("domain", p.domain)
      .Field("state", p.disabled ? "disabled" : "active")
      .Field("createdDateTime", FormatIso8601(p.created_at))
      .Attributes("Partner")
      .EndObject();
}

}  // namespace

http::Response EnrollPartner(Services& s, http::Request& req) {
  auto body = JsonIn::Parse(req.body);
  if (!body.ok()) return ErrorResponse(body.status());
  const ObjectReader in = (*body)->Root();
  domain::EnrollPartnerRequest r;
  auto name = in.RequiredString("name");
  if (!name.ok()) return ErrorResponse(name.status());
  auto country = in.RequiredString("country");
  if (!country.ok()) return ErrorResponse(country.status());
  auto programs = in.OptionalStringArray("programs");
  if (!programs.ok()) return ErrorResponse(programs.status());
  if (!*programs) return ErrorResponse(InvalidField("programs", "is required"));
  auto mpn = in.RequiredString("mpnId");
  if (!mpn.ok()) return ErrorResponse(mpn.status());
  auto domain_name = in.OptionalString("domain");
  if (!domain_name.ok()) return ErrorResponse(domain_name.status());
  r.name = *name;
  r.country = *country;
  r.programs = **programs;
  r.mpn_id = *mpn;
  r.domain = domain_name->value_or("");

  auto enrolled = s.partners.Enroll(Caller(req), std::move(r));
  if (!enrolled.ok()) return ErrorResponse(enrolled.status());
  JsonOut j;
  j.BeginObject().Key("partner");
  WritePartner(j, enrolled->partner);
  j.BeginObject("adminUser")
      .Field("id", enrolled->admin_user_id)
      .Field("userPrincipalName", enrolled->admin_user_name)
      .BeginObject("passwordProfile")
      .Field("password", enrolled->admin_temporary_password)
      .Field("forceChangePassword", true)
      .EndObject()
      .EndObject();
  j.EndObject();
  http::Response resp = Json(201, j.str());
  resp.SetHeader("Cache-Control", "no-store");  // carries a password shown once
  return resp;
}

http::Response ListPartners(Services& s, http::Request& req) {
  const auto after = req.Query("after");
  auto list = s.partners.List(Caller(req), after, 1000);
  if (!list.ok()) return ErrorResponse(list.status());
  return Json(200, Collection(list->size(), [&](JsonOut& j) {
                for (const auto& p : *list) WritePartner(j, p);
              }));
}

http::Response GetPartner(Services& s, http::Request& req) {
  auto p = s.partners.Get(Caller(req), req.Param("id"));
  if (!p.ok()) return ErrorResponse(p.status());
  JsonOut j;
  WritePartner(j, *p);
  return Json(200, j.str());
}

http::Response PatchPartner(Services& s, http::Request& req) {
  auto body = JsonIn::Parse(req.body);
  if (!body.ok()) return ErrorResponse(body.status());
  auto state = (*body)->Root().RequiredString("state");
  if (!state.ok()) return ErrorResponse(state.status());
  if (*state != "active" && *state != "disabled") {
    return ErrorResponse(InvalidField("state", "must be 'active' or 'disabled'"));
  }
  auto p = s.partners.SetDisabled(Caller(req), req.Param("id"), *state == "disabled");
  if (!p.ok()) return ErrorResponse(p.status());
  JsonOut j;
  WritePartner(j, *p);
  return Json(200, j.str());
}

http::Response GetMpnProfile(Services& s, http::Request& req) {
  // Without mpnId, as in Partner Center: the caller's own profile.
  const auto mpn = req.Query("mpnId");
  auto p = mpn ? s.partners.GetByMpnId(Caller(req), *mpn) : s.partners.Own(Caller(req));
  if (!p.ok()) return ErrorResponse(p.status());
  JsonOut j;
  j.BeginObject()
      .Field("partnerName", p->name)
      .Field("mpnId", p->mpn_id)
      .Field("tenantId", p->tenant_id)
      .Field("country", p->country)
      .StringArray("programs", domain::ProgramNames(p->programs))
      .Field("profileType", "mpn_profile")
      .Attributes("MpnProfile")
      .EndObject();
  return Json(200, j.str());
}

}  // namespace csphub::api
