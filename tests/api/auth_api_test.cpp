// The token endpoint and bearer authentication, over real sockets.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

TEST(AuthApi, PasswordGrantGivesBearerTokenThatWorks) {
  TestServer server;
  const auto& p = app::Demo().partners[kProvider];
  httplib::Params form{{"grant_type", "password"},
                       {"client_id", p.client_id},
                       {"client_secret", p.client_secret},
                       {"username", p.users[0].user_principal_name},
                       {"password", p.users[0].password}};
  auto res = server.Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", form);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/token_type"), "Bearer");
  EXPECT_EQ(JsonField(res->body, "/expires_in"), "3600");
  const std::string token = JsonField(res->body, "/access_token");
  ASSERT_FALSE(token.empty());
  auto me = server.Get(token, "/v1/me");
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(JsonField(me->body, "/tenantId"), p.tenant_id);
  EXPECT_EQ(JsonField(me->body, "/userPrincipalName"), p.users[0].user_principal_name);
}

TEST(AuthApi, TenantMayBeTheDomain) {
  TestServer server;
  const auto& p = app::Demo().partners[kReseller];
  EXPECT_FALSE(server.Token(p.domain, p.users[1].user_principal_name, p.users[1].password).empty());
}

TEST(AuthApi, ClientCredentialsGrantForApps) {
  TestServer server;
  const std::string token = server.AppToken(kDirect);
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(server.Get(token, "/v1/me")->status, 200);
}

TEST(AuthApi, WrongSecretsAreRefusedAlike) {
  TestServer server;
  const auto& p = app::Demo().partners[kProvider];
  EXPECT_TRUE(server.Token(p.tenant_id, p.users[0].user_principal_name, "wrong").empty());
  EXPECT_TRUE(server.Token(p.tenant_id, "nobody@" + p.domain, p.users[0].password).empty());
  // A user of another tenant cannot sign in through this one.
  const auto& other = app::Demo().partners[kReseller];
  EXPECT_TRUE(server.Token(p.tenant_id, other.users[0].user_principal_name, other.users[0].password)
                  .empty());
  httplib::Params bad_app{
      {"grant_type", "client_credentials"}, {"client_id", p.client_id}, {"client_secret", "nope"}};
  auto res = server.Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", bad_app);
  ASSERT_EQ(res->status, 401);
  EXPECT_EQ(JsonField(res->body, "/error"), "invalid_client");
  httplib::Params bad_grant{{"grant_type", "authorization_code"}};
  res = server.Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", bad_grant);
  ASSERT_EQ(res->status, 400);
  EXPECT_EQ(JsonField(res->body, "/error"), "unsupported_grant_type");
}

TEST(AuthApi, MissingMalformedAndForgedTokensAre401) {
  TestServer server;
  auto missing = server.Get("", "/v1/me");
  ASSERT_EQ(missing->status, 401);
  EXPECT_EQ(JsonField(missing->body, "/code"), "800001");
  EXPECT_TRUE(missing->has_header("WWW-Authenticate"));

  auto basic = server.Client().Get("/v1/me", {{"Authorization", "Basic abc"}});
  EXPECT_EQ(basic->status, 401);
  EXPECT_EQ(server.Get("not.a.jwt", "/v1/me")->status, 401);

  // Flip one character of the signature.
  std::string token = server.UserToken(kProvider, kGlobalAdmin);
  token.back() = token.back() == 'A' ? 'B' : 'A';
  auto forged = server.Get(token, "/v1/me");
  EXPECT_EQ(forged->status, 401);
  EXPECT_TRUE(forged->has_header("WWW-Authenticate"));
}

TEST(AuthApi, TokenSignedByAnotherInstanceIs401) {
  TestServer server;
  TestServer other;  // its own database, so its own signing key
  const std::string token = other.UserToken(kProvider, kGlobalAdmin);
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(server.Get(token, "/v1/me")->status, 401);
}

TEST(AuthApi, ExpiredTokenIs401) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  ASSERT_EQ(server.Get(token, "/v1/me")->status, 200);
  server.Advance(std::chrono::seconds(3601));
  auto res = server.Get(token, "/v1/me");
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(JsonField(res->body, "/description").find("expired"), std::string::npos);
}

TEST(AuthApi, OperatorTokenReachesAdminApiOnly) {
  TestServer server;
  const std::string op = server.OperatorToken();
  ASSERT_FALSE(op.empty());
  EXPECT_EQ(server.Get(op, "/admin/v1/partners")->status, 200);
  const std::string partner = server.UserToken(kProvider, kGlobalAdmin);
  EXPECT_EQ(server.Get(partner, "/admin/v1/partners")->status, 403);
}

TEST(AuthApi, DisabledPartnerCannotSignInOrUseTokens) {
  TestServer server;
  const std::string token = server.UserToken(kDirect, kGlobalAdmin);
  ASSERT_EQ(server.Get(token, "/v1/me")->status, 200);
  const std::string op = server.OperatorToken();
  const auto& p = app::Demo().partners[kDirect];
  auto res = server.Patch(op, "/admin/v1/partners/" + p.tenant_id, R"({"state":"disabled"})");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/state"), "disabled");
  EXPECT_TRUE(server.UserToken(kDirect, kGlobalAdmin).empty());
  // Tokens already issued stop working once the activity cache expires (≤ 5 s).
  bool refused = false;
  for (int i = 0; i < 70 && !refused; ++i) {
    refused = server.Get(token, "/v1/me")->status == 401;
    if (!refused) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(refused);
}

}  // namespace
}  // namespace csphub::testing
