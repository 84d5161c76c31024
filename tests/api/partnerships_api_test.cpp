// Provider ↔ reseller partnerships over the API: request, accept, list, remove.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

std::string TokenOf(const std::string& url) { return url.substr(url.rfind('/') + 1); }

TEST(PartnershipsApi, ProviderRequestsResellerAcceptsBothSidesList) {
  TestServer server;
  const std::string provider = server.UserToken(kProvider, kSalesAgent);
  auto made = server.Post(provider, "/v1/relationships/invitations", "", {{"X-Locale", "ru-RU"}});
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string url = JsonField(made->body, "/url");
  EXPECT_NE(url.find("/#/partnerships/accept/"), std::string::npos);
  EXPECT_GE(TokenOf(url).size(), 43u);  // 256 random bits, base64url
  EXPECT_EQ(JsonField(made->body, "/email/locale"), "ru-RU");
  EXPECT_NE(JsonField(made->body, "/email/body").find(url), std::string::npos);
  EXPECT_NE(JsonField(made->body, "/email/subject").find("Northwind"), std::string::npos);

  // The unpartnered reseller previews, then accepts.
  const std::string reseller = server.UserToken(kOtherReseller, kAdminAgent);
  const std::string body = R"({"token":")" + TokenOf(url) + R"("})";
  auto preview = server.Post(reseller, "/v1/relationships/invitations/preview", body);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_EQ(JsonField(preview->body, "/provider/name"), "Northwind Distribution");
  EXPECT_EQ(JsonField(preview->body, "/alreadyPartnered"), "false");
  auto accepted = server.Post(reseller, "/v1/relationships/invitations/accept", body);
  ASSERT_EQ(accepted->status, 201) << accepted->body;

  auto resellers =
      server.Get(provider, "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf");
  ASSERT_EQ(resellers->status, 200);
  EXPECT_EQ(JsonField(resellers->body, "/totalCount"), "2");
  EXPECT_EQ(JsonField(resellers->body, "/attributes/objectType"), "Collection");
  const auto& other = app::Demo().partners[kOtherReseller];
  EXPECT_NE(resellers->body.find(other.tenant_id), std::string::npos);
  EXPECT_NE(resellers->body.find("\"relationshipType\":\"is_indirect_cloud_solution_provider_of\""),
            std::string::npos);
  EXPECT_NE(resellers->body.find("\"mpnId\":\"3000003\""), std::string::npos);

  auto providers = server.Get(reseller, "/v1/relationships?relationship_type=IsIndirectResellerOf");
  ASSERT_EQ(providers->status, 200);
  EXPECT_EQ(JsonField(providers->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(providers->body, "/items/0/id"), app::Demo().partners[kProvider].tenant_id);
  EXPECT_EQ(JsonField(providers->body, "/items/0/relationshipType"), "is_indirect_reseller_of");

  // Accepting twice is a conflict; the link itself stays reusable until it expires.
  auto again = server.Post(reseller, "/v1/relationships/invitations/accept", body);
  EXPECT_EQ(again->status, 409);
}

TEST(PartnershipsApi, OnlyProvidersRequestOnlyResellersAccept) {
  TestServer server;
  auto by_reseller =
      server.Post(server.UserToken(kReseller, kGlobalAdmin), "/v1/relationships/invitations", "");
  EXPECT_EQ(by_reseller->status, 403);
  auto made =
      server.Post(server.UserToken(kProvider, kGlobalAdmin), "/v1/relationships/invitations", "");
  const std::string body = R"({"token":")" + TokenOf(JsonField(made->body, "/url")) + R"("})";
  auto by_direct = server.Post(server.UserToken(kDirect, kGlobalAdmin),
                               "/v1/relationships/invitations/accept", body);
  EXPECT_EQ(by_direct->status, 403);
}

TEST(PartnershipsApi, BadRevokedAndForeignLinksAreRefused) {
  TestServer server;
  const std::string provider = server.UserToken(kProvider, kGlobalAdmin);
  const std::string reseller = server.UserToken(kOtherReseller, kGlobalAdmin);
  auto bogus = server.Post(reseller, "/v1/relationships/invitations/accept",
                           R"({"token":"not-a-real-token"})");
  EXPECT_EQ(bogus->status, 404);
  EXPECT_EQ(JsonField(bogus->body, "/code"), "700201");
  auto missing = server.Post(reseller, "/v1/relationships/invitations/accept", R"({})");
  EXPECT_EQ(missing->status, 400);

  auto made = server.Post(provider, "/v1/relationships/invitations", "");
  const std::string id = JsonField(made->body, "/id");
  const std::string body = R"({"token":")" + TokenOf(JsonField(made->body, "/url")) + R"("})";
  // Another provider's staff cannot revoke it.
  EXPECT_EQ(
      server
          .Delete(server.UserToken(kReseller, kGlobalAdmin), "/v1/relationships/invitations/" + id)
          ->status,
      404);
  ASSERT_EQ(server.Delete(provider, "/v1/relationships/invitations/" + id)->status, 204);
  EXPECT_EQ(server.Post(reseller, "/v1/relationships/invitations/accept", body)->status, 404);
  auto listed = server.Get(provider, "/v1/relationships/invitations");
  EXPECT_NE(listed->body.find("\"state\":\"revoked\""), std::string::npos);
  // The list never shows a token or its hash.
  EXPECT_EQ(listed->body.find(TokenOf(JsonField(made->body, "/url"))), std::string::npos);
  EXPECT_EQ(listed->body.find("token"), std::string::npos);
}

TEST(PartnershipsApi, ExpiredLinkIsRefused) {
  TestServer server([](app::Config& c) { c.invitation_ttl_days = 1; });
  auto made =
      server.Post(server.UserToken(kProvider, kGlobalAdmin), "/v1/relationships/invitations", "");
  const std::string body = R"({"token":")" + TokenOf(JsonField(made->body, "/url")) + R"("})";
  server.Advance(std::chrono::hours(25));
  auto res = server.Post(server.UserToken(kOtherReseller, kGlobalAdmin),
                         "/v1/relationships/invitations/accept", body);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(JsonField(res->body, "/code"), "700201");
}

TEST(PartnershipsApi, RegionRuleRefusesOtherCountries) {
  TestServer server;
  const std::string op = server.OperatorToken();
  auto enrolled = server.Post(
      op, "/admin/v1/partners",
      R"({"name":"Berlin Reseller GmbH","country":"DE","programs":["indirect_reseller"],"mpnId":"8800","domain":"berlinreseller"})");
  ASSERT_EQ(enrolled->status, 201) << enrolled->body;
  const std::string tenant = JsonField(enrolled->body, "/partner/tenantId");
  const std::string temp = JsonField(enrolled->body, "/adminUser/passwordProfile/password");
  const std::string upn = JsonField(enrolled->body, "/adminUser/userPrincipalName");
  auto made =
      server.Post(server.UserToken(kProvider, kGlobalAdmin), "/v1/relationships/invitations", "");
  const std::string link_token = TokenOf(JsonField(made->body, "/url"));
  // Act as the German reseller's admin through the service (it has no app registration yet).
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kPartnerUser;
  ctx.tenant_id = tenant;
  ctx.user_principal_name = upn;
  ctx.roles = domain::RoleSet{domain::Role::kGlobalAdmin};
  auto accepted = server.app().partnerships().AcceptInvitation(ctx, link_token);
  ASSERT_FALSE(accepted.ok());
  EXPECT_EQ(accepted.status().pc_code(), pc::kPartnershipRegion);
  EXPECT_FALSE(temp.empty());
}

TEST(PartnershipsApi, EitherSideRemovesAndBothAreAudited) {
  TestServer server;
  const std::string reseller = server.UserToken(kReseller, kGlobalAdmin);
  const std::string provider_id = app::Demo().partners[kProvider].tenant_id;
  ASSERT_EQ(server.Delete(reseller, "/v1/relationships/" + provider_id)->status, 204);
  EXPECT_EQ(server.Delete(reseller, "/v1/relationships/" + provider_id)->status, 404);
  auto providers = server.Get(reseller, "/v1/relationships?relationship_type=IsIndirectResellerOf");
  EXPECT_EQ(JsonField(providers->body, "/totalCount"), "0");
  const std::string provider = server.UserToken(kProvider, kGlobalAdmin);
  auto resellers =
      server.Get(provider, "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf");
  EXPECT_EQ(JsonField(resellers->body, "/totalCount"), "0");
  for (const std::string& token : {reseller, provider}) {
    auto log = server.Get(
        token,
        "/v1/auditrecords?filter=" +
            httplib::detail::encode_query_param(
                R"({"Field":"ResourceType","Value":"partner_relationship","Operator":"equals"})"));
    ASSERT_EQ(log->status, 200) << log->body;
    EXPECT_EQ(JsonField(log->body, "/items/0/operationType"), "remove_partner_relationship");
  }
}

TEST(PartnershipsApi, RelationshipTypeIsRequiredAndChecked) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  EXPECT_EQ(server.Get(token, "/v1/relationships")->status, 400);
  auto bad = server.Get(token, "/v1/relationships?relationship_type=Friends");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(JsonField(bad->body, "/description").find("relationship_type"), std::string::npos);
}

TEST(PartnershipsApi, MpnProfileResolvesPartners) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  auto found = server.Get(token, "/v1/profiles/mpn?mpnId=2000002");
  ASSERT_EQ(found->status, 200);
  EXPECT_EQ(JsonField(found->body, "/partnerName"), "Contoso Reseller");
  auto unknown = server.Get(token, "/v1/profiles/mpn?mpnId=999999");
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(JsonField(unknown->body, "/code"), "3000");
  EXPECT_EQ(server.Get(token, "/v1/profiles/mpn?mpnId=abc")->status, 400);
}

TEST(PartnershipsApi, MpnProfileWithoutAnIdIsTheCallersOwn) {
  TestServer server;
  auto own = server.Get(server.UserToken(kReseller, kHelpdeskAgent), "/v1/profiles/mpn");
  ASSERT_EQ(own->status, 200) << own->body;
  EXPECT_EQ(JsonField(own->body, "/partnerName"), "Contoso Reseller");
  EXPECT_EQ(JsonField(own->body, "/programs/0"), "indirect_reseller");
  // A customer's user has none.
  const auto& c = app::Demo().customers[0];
  const std::string customer =
      server.CustomerToken(c.tenant_id, c.admin_user_principal_name, c.admin_password);
  EXPECT_EQ(server.Get(customer, "/v1/profiles/mpn")->status, 403);
}

}  // namespace
}  // namespace csphub::testing
