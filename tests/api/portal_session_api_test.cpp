// The portal's session (docs/adr/0012-portal-session-cookie.md), over real sockets: sign-in
// through the public portal client for partner and customer users, the HttpOnly cookie and its
// attributes, the cookie refused without the X-CSPHub-Client header, expiry, and sign-out.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

const httplib::Headers kPortal{{"X-CSPHub-Client", "portal"}};

httplib::Result PortalSignIn(TestServer& server, const std::string& tenant,
                             const std::string& username, const std::string& password,
                             const httplib::Headers& headers = kPortal) {
  httplib::Params form{{"grant_type", "password"},
                       {"client_id", "csphub-portal"},
                       {"username", username},
                       {"password", password}};
  return server.Client().Post("/" + tenant + "/oauth2/v2.0/token", headers, form);
}

// "csphub_session=<token>" from a Set-Cookie value.
std::string CookiePair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

httplib::Headers WithCookie(const std::string& pair, bool portal_header) {
  httplib::Headers h{{"Cookie", "theme=dark; " + pair}};
  if (portal_header) h.emplace("X-CSPHub-Client", "portal");
  return h;
}

TEST(PortalSession, PartnerUserSignsInThroughThePortalClientWithoutAnAppSecret) {
  TestServer server;
  const auto& p = DemoOf(kProvider);
  auto res = PortalSignIn(server, p.domain, p.users[kHelpdeskAgent].user_principal_name,
                          p.users[kHelpdeskAgent].password, {});
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string token = JsonField(res->body, "/access_token");
  ASSERT_FALSE(token.empty());  // no X-CSPHub-Client: an ordinary bearer token, no cookie
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  auto me = server.Get(token, "/v1/me");
  EXPECT_EQ(JsonField(me->body, "/tenantType"), "partner");
  EXPECT_EQ(JsonField(me->body, "/roles/0"), "HelpdeskAgent");
  // Wrong password, or a user of another partner: the same refusal as App+User.
  auto wrong = PortalSignIn(server, p.tenant_id, p.users[0].user_principal_name, "wrong");
  EXPECT_EQ(wrong->status, 400);
  EXPECT_EQ(JsonField(wrong->body, "/error"), "invalid_grant");
  const auto& other = DemoOf(kReseller);
  EXPECT_EQ(
      PortalSignIn(server, p.tenant_id, other.users[0].user_principal_name, other.users[0].password)
          ->status,
      400);
}

TEST(PortalSession, TheTokenComesAsAnHttpOnlyStrictCookieAndNotInTheBody) {
  TestServer server;
  const auto& p = DemoOf(kProvider);
  auto res = PortalSignIn(server, p.tenant_id, p.users[0].user_principal_name, p.users[0].password);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/access_token"), "");
  EXPECT_EQ(JsonField(res->body, "/expires_in"), "3600");
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("csphub_session=", 0), 0u) << cookie;
  for (const char* attribute : {"; Path=/", "; Max-Age=3600", "; HttpOnly", "; SameSite=Strict"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " in " << cookie;
  }
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain http: " << cookie;

  auto me = server.Client().Get("/v1/me", WithCookie(CookiePair(cookie), true));
  ASSERT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(JsonField(me->body, "/userPrincipalName"), p.users[0].user_principal_name);
}

TEST(PortalSession, TheCookieIsSecureBehindTls) {
  TestServer server([](app::Config& c) { c.public_url = "https://partner.example.com"; });
  const auto& p = DemoOf(kReseller);
  auto res = PortalSignIn(server, p.tenant_id, p.users[0].user_principal_name, p.users[0].password);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST(PortalSession, TheCookieWithoutThePortalHeaderIsRefused) {
  TestServer server;
  const auto& p = DemoOf(kProvider);
  auto res = PortalSignIn(server, p.tenant_id, p.users[0].user_principal_name, p.users[0].password);
  const std::string pair = CookiePair(res->get_header_value("Set-Cookie"));
  // What a cross-site form or <img> would send: the cookie, but no custom header.
  auto me = server.Client().Get("/v1/me", WithCookie(pair, false));
  EXPECT_EQ(me->status, 401);
  EXPECT_NE(JsonField(me->body, "/description").find("X-CSPHub-Client"), std::string::npos);
  auto write =
      server.Client().Post("/v1/customers", WithCookie(pair, false), "{}", "application/json");
  EXPECT_EQ(write->status, 401);
  // A forged or truncated cookie is refused too.
  auto forged = server.Client().Get("/v1/me", WithCookie("csphub_session=abc.def.ghi", true));
  EXPECT_EQ(forged->status, 401);
}

TEST(PortalSession, AnExpiredCookieIsRefused) {
  TestServer server;
  const auto& p = DemoOf(kProvider);
  auto res = PortalSignIn(server, p.tenant_id, p.users[0].user_principal_name, p.users[0].password);
  const std::string pair = CookiePair(res->get_header_value("Set-Cookie"));
  EXPECT_EQ(server.Client().Get("/v1/me", WithCookie(pair, true))->status, 200);
  server.Advance(std::chrono::seconds(3601));
  EXPECT_EQ(server.Client().Get("/v1/me", WithCookie(pair, true))->status, 401);
}

TEST(PortalSession, SignOutClearsTheCookie) {
  TestServer server;
  auto refused = server.Client().Post("/v1/portal/signout", "", "text/plain");
  EXPECT_EQ(refused->status, 400);
  EXPECT_FALSE(refused->has_header("Set-Cookie"));
  auto out = server.Client().Post("/v1/portal/signout", kPortal, "", "text/plain");
  ASSERT_EQ(out->status, 204);
  const std::string cookie = out->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("csphub_session=;", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Max-Age=0"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  // The emptied cookie a browser would send back until it drops it signs nobody in.
  EXPECT_EQ(server.Client().Get("/v1/me", WithCookie("csphub_session=", true))->status, 401);
}

TEST(PortalSession, CustomerUsersStillSignInThroughThePortalClient) {
  TestServer server;
  const auto& c = app::Demo().customers[0];
  auto res = PortalSignIn(server, c.domain, c.admin_user_principal_name, c.admin_password);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string pair = CookiePair(res->get_header_value("Set-Cookie"));
  auto me = server.Client().Get("/v1/me", WithCookie(pair, true));
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(JsonField(me->body, "/tenantType"), "customer");
}

}  // namespace
}  // namespace csphub::testing
