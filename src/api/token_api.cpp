// POST /{tenant}/oauth2/v2.0/token: the OAuth2 token endpoint Partner Center clients speak.
#include "api/handlers.hpp"
#include "api/portal_session.hpp"
#include "api/responses.hpp"
#include "domain/identity/identity_service.hpp"

namespace csphub::api {
namespace {

// OAuth2 clients read `error`/`error_description` (RFC 6749 §5.2); Partner Center tools read the
// ApiFault fields. The body carries both.
http::Response OAuthError(int status, const char* error, const Status& st) {
  JsonOut j;
  j.BeginObject().Field("error", error).Field("error_description", st.description());
  j.Field("code", std::to_string(st.pc_code())).Field("description", st.description());
  j.BeginArray("data").EndArray().Field("source", "csphub").EndObject();
  http::Response r = Json(status, j.str());
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

std::string FormValue(const http::Pairs& form, const char* name) {
  for (const auto& [k, v] : form) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace

http::Response IssueToken(Services& s, http::Request& req) {
  const auto form = http::ParseForm(req.body);
  if (!form) {
    return OAuthError(400, "invalid_request",
                      InvalidArgument("The body must be application/x-www-form-urlencoded."));
  }
  const std::string tenant = req.Param("tenant");
  const std::string grant = FormValue(*form, "grant_type");
  const std::string client_id = FormValue(*form, "client_id");
  const std::string client_secret = FormValue(*form, "client_secret");
  Result<domain::SignedIn> who = InvalidArgument("");
  if (grant == "client_credentials") {
    if (client_id.empty() || client_secret.empty()) {
      return OAuthError(400, "invalid_request",
                        InvalidField("client_id", "and client_secret are required"));
    }
    who = tenant == "operator" ? s.identity.SignInOperator(client_id, client_secret)
                               : s.identity.SignInApp(tenant, client_id, client_secret);
  } else if (grant == "password") {
    const std::string username = FormValue(*form, "username");
    const std::string password = FormValue(*form, "password");
    if (client_id == domain::kPortalClientId) {
      // Partner and customer users through the public portal client: no secret to check.
      if (username.empty() || password.empty()) {
        return OAuthError(400, "invalid_request",
                          InvalidField("username", "and password are required"));
      }
      who = s.identity.SignInThroughPortal(tenant, username, password);
    } else if (client_id.empty() || client_secret.empty() || username.empty() || password.empty()) {
      return OAuthError(
          400, "invalid_request",
          InvalidField("username", ", password, client_id and client_secret are required"));
    } else {
      who = s.identity.SignInUser(tenant, client_id, client_secret, username, password);
    }
  } else {
    return OAuthError(400, "unsupported_grant_type",
                      InvalidField("grant_type", "must be client_credentials or password"));
  }
  if (!who.ok()) {
    const bool client_error = grant == "client_credentials";
    return OAuthError(client_error ? 401 : 400, client_error ? "invalid_client" : "invalid_grant",
                      who.status());
  }
  auto token = s.tokens.Issue(*who);
  if (!token.ok()) return ErrorResponse(token.status());
  // The portal asks for its session as an HttpOnly cookie; the token is then left out of the
  // body, so that no script on the page ever holds it (docs/adr/0012-portal-session-cookie.md).
  const bool cookie = FromPortal(req);
  JsonOut j;
  j.BeginObject().Field("token_type", "Bearer").Field("expires_in", s.tokens.ttl_seconds());
  j.Field("ext_expires_in", s.tokens.ttl_seconds());
  if (!cookie) j.Field("access_token", *token);
  if (who->must_change_password) j.Field("password_change_required", true);
  j.EndObject();
  http::Response r = Json(200, j.str());
  r.SetHeader("Cache-Control", "no-store");
  if (cookie) {
    r.SetHeader("Set-Cookie", SessionCookie(*token, s.tokens.ttl_seconds(), s.secure_cookies));
  }
  return r;
}

http::Response SignOutOfPortal(Services& s, http::Request& req) {
  // The header, as on every cookie request: a cross-site form cannot sign the user out either.
  if (!FromPortal(req)) {
    return ErrorResponse(InvalidArgument(std::string("The ") + kClientHeader +
                                         " header is required to sign out of the portal."));
  }
  http::Response r = NoContent();
  r.SetHeader("Set-Cookie", ClearedSessionCookie(s.secure_cookies));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace csphub::api
