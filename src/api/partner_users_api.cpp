// /v1/users (partner staff), /v1/me, /v1/apps (app registrations).
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {
namespace {

std::vector<std::string> RoleNames(domain::RoleSet roles) {
  std::vector<std::string> out;
  for (auto r : roles.ToVector()) out.emplace_back(domain::RoleName(r));
  return out;
}

void WriteUser(JsonOut& j, const domain::PartnerUser& u, const std::string& password = {}) {
  j.BeginObject()
      .Field("id", u.id)
      .Field("userPrincipalName", u.user_principal_name)
      .Field("displayName", u.display_name)
      .Field("firstName", u.first_name)
      .Field("lastName", u.last_name)
      .StringArray("roles", RoleNames(u.roles))
      .Field("state", u.disabled ? "disabled" : "active")
      .Field("mustChangePassword", u.must_change_password)
      .Field("createdDateTime", FormatIso8601(u.created_at));
  if (!password.empty()) {
    j.BeginObject("passwordProfile").Field("password", password);
    j.Field("forceChangePassword", true).EndObject();
  }
  j.Attributes("PartnerUser").EndObject();
}

void WriteApp(JsonOut& j, const domain::AppRegistration& a, const std::string& secret = {}) {
  j.BeginObject()
      .Field("clientId", a.client_id)
      .Field("displayName", a.display_name)
      .StringArray("roles", RoleNames(a.roles))
      .Field("createdDateTime", FormatIso8601(a.created_at))
      .Field("secretRotatedDateTime", FormatIso8601(a.secret_rotated_at));
  if (!secret.empty()) j.Field("clientSecret", secret);
  j.Attributes("AppRegistration").EndObject();
}

http::Response Secret(int status, std::string body) {
  http::Response r = Json(status, std::move(body));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace

http::Response ListPartnerUsers(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(users, s.identity.ListUsers(Caller(req)));
  return Json(200, Collection(users->size(), [&](JsonOut& j) {
                for (const auto& u : *users) WriteUser(j, u);
              }));
}

http::Response GetPartnerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(user, s.identity.GetUser(Caller(req), req.Param("id")));
  JsonOut j;
  WriteUser(j, *user);
  return Json(200, j.str());
}

http::Response CreatePartnerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  const ObjectReader in = (*body)->Root();
  domain::NewPartnerUser r;
  ASSIGN_OR_RESPOND(upn, in.RequiredString("userPrincipalName"));
  ASSIGN_OR_RESPOND(display, in.RequiredString("displayName"));
  ASSIGN_OR_RESPOND(first, in.OptionalString("firstName"));
  ASSIGN_OR_RESPOND(last, in.OptionalString("lastName"));
  ASSIGN_OR_RESPOND(roles, in.OptionalStringArray("roles"));
  if (!*roles) return ErrorResponse(InvalidField("roles", "is required"));
  r.user_principal_name = *upn;
  r.display_name = *display;
  r.first_name = first->value_or("");
  r.last_name = last->value_or("");
  r.roles = **roles;
  ASSIGN_OR_RESPOND(created, s.identity.CreateUser(Caller(req), std::move(r)));
  JsonOut j;
  WriteUser(j, created->user, created->temporary_password);
  return Secret(201, j.str());
}

http::Response UpdatePartnerUser(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  const ObjectReader in = (*body)->Root();
  domain::PartnerUserChanges c;
  ASSIGN_OR_RESPOND(display, in.OptionalString("displayName"));
  ASSIGN_OR_RESPOND(first, in.OptionalString("firstName"));
  ASSIGN_OR_RESPOND(last, in.OptionalString("lastName"));
  ASSIGN_OR_RESPOND(roles, in.OptionalStringArray("roles"));
  ASSIGN_OR_RESPOND(state, in.OptionalString("state"));
  c.display_name = *display;
  c.first_name = *first;
  c.last_name = *last;
  c.roles = *roles;
  if (*state) {
    if (**state != "active" && **state != "disabled") {
      return ErrorResponse(InvalidField("state", "must be 'active' or 'disabled'"));
    }
    c.disabled = **state == "disabled";
  }
  ASSIGN_OR_RESPOND(user, s.identity.UpdateUser(Caller(req), req.Param("id"), c));
  JsonOut j;
  WriteUser(j, *user);
  return Json(200, j.str());
}

http::Response DeletePartnerUser(Services& s, http::Request& req) {
  Status st = s.identity.DeleteUser(Caller(req), req.Param("id"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response ResetPartnerUserPassword(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(password, s.identity.ResetPassword(Caller(req), req.Param("id")));
  JsonOut j;
  j.BeginObject().BeginObject("passwordProfile").Field("password", *password);
  j.Field("forceChangePassword", true).EndObject().EndObject();
  return Secret(200, j.str());
}

http::Response GetMe(Services&, http::Request& req) {
  const auto& c = Caller(req);
  JsonOut j;
  j.BeginObject()
      .Field("tenantId", c.tenant_id)
      .Field("id", c.subject_id)
      .Field("userPrincipalName", c.user_principal_name)
      .StringArray("roles", RoleNames(c.roles));
  // Customer users hold directory roles of their own tenant, not partner roles.
  if (c.IsCustomerUser()) {
    j.Field("tenantType", "customer").Field("globalAdmin", c.customer_global_admin);
  } else {
    j.Field("tenantType", c.IsOperator() ? "operator" : "partner");
  }
  j.EndObject();
  return Json(200, j.str());
}

http::Response ChangeMyPassword(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  const ObjectReader in = (*body)->Root();
  ASSIGN_OR_RESPOND(current, in.RequiredString("currentPassword"));
  ASSIGN_OR_RESPOND(next, in.RequiredString("newPassword"));
  Status st = s.identity.ChangeOwnPassword(Caller(req), *current, *next);
  return st.ok() ? NoContent() : ErrorResponse(st);
}

http::Response ListApps(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(apps, s.identity.ListApps(Caller(req)));
  return Json(200, Collection(apps->size(), [&](JsonOut& j) {
                for (const auto& a : *apps) WriteApp(j, a);
              }));
}

http::Response CreateApp(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(body, JsonIn::Parse(req.body));
  const ObjectReader in = (*body)->Root();
  ASSIGN_OR_RESPOND(name, in.RequiredString("displayName"));
  ASSIGN_OR_RESPOND(roles, in.OptionalStringArray("roles"));
  ASSIGN_OR_RESPOND(created, s.identity.CreateApp(Caller(req), *name,
                                                  roles->value_or(std::vector<std::string>{})));
  JsonOut j;
  WriteApp(j, created->app, created->client_secret);
  return Secret(201, j.str());
}

http::Response RotateAppSecret(Services& s, http::Request& req) {
  ASSIGN_OR_RESPOND(rotated, s.identity.RotateAppSecret(Caller(req), req.Param("id")));
  JsonOut j;
  WriteApp(j, rotated->app, rotated->client_secret);
  return Secret(200, j.str());
}

http::Response DeleteApp(Services& s, http::Request& req) {
  Status st = s.identity.DeleteApp(Caller(req), req.Param("id"));
  return st.ok() ? NoContent() : ErrorResponse(st);
}

}  // namespace csphub::api
