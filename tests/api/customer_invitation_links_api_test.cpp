// Customer invitations over real sockets, the partner's side and the links themselves: shape,
// reuse, who may ask, joint links and their partnership, invalid links, the region rule, and
// customer tokens refused on partner endpoints.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/customer_invitations_fixture.hpp"

namespace csphub::testing {
namespace {

class CustomerInvitationLinksApiTest : public CustomerInvitationsApiBase {};

TEST_F(CustomerInvitationLinksApiTest, LinkHasPartnerCenterShapeIsReusableAndCreatesNothing) {
  const int audit_before = AuditCount(direct_, "accept_customer_relationship");
  auto res = server_.Get(direct_, kLinkPath);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string url = JsonField(res->body, "/url");
  EXPECT_EQ(url, public_url_ + "/#/customer-invitations?invType=ResellerRelationship&partnerId=" +
                     DemoOf(kDirect).tenant_id + "&msppId=0&DAP=false");
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "RelationshipRequest");
  EXPECT_EQ(JsonField(res->body, "/email/locale"), "en-US");
  EXPECT_NE(JsonField(res->body, "/email/subject").find("Tailspin Direct"), std::string::npos);
  EXPECT_NE(JsonField(res->body, "/email/body").find(url), std::string::npos);
  EXPECT_EQ(JsonField(res->body, "/email/body").find("delegated"), std::string::npos);

  // The same link every time: it is per partner, not per customer.
  EXPECT_EQ(Link(direct_), url);
  EXPECT_EQ(Link(direct_, "?delegatedAdmin=false"), url);
  const std::string with_dap = Link(direct_, "?delegatedAdmin=true");
  EXPECT_EQ(with_dap.substr(with_dap.size() - 9), "&DAP=true");
  EXPECT_EQ(Link(direct_, "?delegatedAdmin=true"), with_dap);

  auto dap = server_.Get(direct_, std::string(kLinkPath) + "?delegatedAdmin=true");
  ASSERT_TRUE(dap);
  EXPECT_NE(JsonField(dap->body, "/email/body").find("delegated administration"),
            std::string::npos);
  auto ru = server_.Get(direct_, std::string(kLinkPath) + "?locale=ru-RU");
  ASSERT_TRUE(ru);
  EXPECT_EQ(JsonField(ru->body, "/email/locale"), "ru-RU");
  EXPECT_NE(JsonField(ru->body, "/email/body").find("Здравствуйте"), std::string::npos);
  EXPECT_NE(JsonField(ru->body, "/email/body").find(url), std::string::npos);
  auto zh = server_.Get(direct_, kLinkPath, {{"X-Locale", "zh-TW"}});
  ASSERT_TRUE(zh);
  EXPECT_EQ(JsonField(zh->body, "/email/locale"), "zh-TW");
  EXPECT_NE(JsonField(zh->body, "/email/body").find("您好"), std::string::npos);

  auto bad = server_.Get(direct_, std::string(kLinkPath) + "?delegatedAdmin=maybe");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(JsonField(bad->body, "/description").find("delegatedAdmin"), std::string::npos);
  EXPECT_EQ(AuditCount(direct_, "accept_customer_relationship"), audit_before);
}

TEST_F(CustomerInvitationLinksApiTest, RolesProgramsAndTokenKindsForRequesting) {
  EXPECT_FALSE(Link(server_.UserToken(kProvider, kAdminAgent)).empty());
  EXPECT_FALSE(Link(server_.UserToken(kOtherReseller, kGlobalAdmin)).empty());
  const std::string sales = server_.UserToken(kDirect, kSalesAgent);
  EXPECT_FALSE(Link(sales).empty());
  // Delegated admin needs the roles that may request it; helpdesk agents request nothing.
  auto sales_dap = server_.Get(sales, std::string(kLinkPath) + "?delegatedAdmin=true");
  EXPECT_EQ(StatusOf(sales_dap), 403);
  auto helpdesk = server_.Get(server_.UserToken(kDirect, kHelpdeskAgent), kLinkPath);
  ASSERT_TRUE(helpdesk);
  EXPECT_EQ(helpdesk->status, 403);
  EXPECT_EQ(JsonField(helpdesk->body, "/code"), "900150");
  // App+User only (reference §4.4).
  EXPECT_EQ(StatusOf(server_.Get(server_.AppToken(kDirect), kLinkPath)), 403);
}

TEST_F(CustomerInvitationLinksApiTest, JointLinkNeedsAPartnershipWithThatProvider) {
  const std::string& provider_id = DemoOf(kProvider).tenant_id;
  const std::string url = Link(reseller_, "?indirectProviderId=" + provider_id);
  EXPECT_EQ(url, public_url_ +
                     "/#/customer-invitations?invType=IndirectResellerRelationship&partnerId=" +
                     DemoOf(kReseller).tenant_id + "&msppId=" + DemoOf(kReseller).mpn_id +
                     "&indirectCSPId=" + provider_id + "&DAP=false");
  auto joint =
      server_.Get(reseller_, std::string(kLinkPath) + "?indirectProviderId=" + provider_id +
                                 "&delegatedAdmin=true");
  ASSERT_TRUE(joint);
  EXPECT_NE(JsonField(joint->body, "/email/body").find("Northwind Distribution"),
            std::string::npos);

  for (const auto& [token, id] : std::vector<std::pair<std::string, std::string>>{
           {server_.UserToken(kOtherReseller, kAdminAgent), provider_id},  // not partnered
           {direct_, provider_id},                                         // not a reseller
           {reseller_, DemoOf(kDirect).tenant_id},                         // not its provider
           {reseller_, "not-a-guid"}}) {
    auto res = server_.Get(token, std::string(kLinkPath) + "?indirectProviderId=" + id);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << id << ": " << res->body;
    EXPECT_NE(JsonField(res->body, "/description").find("indirectProviderId"), std::string::npos);
  }
}

TEST_F(CustomerInvitationLinksApiTest, JointLinkDiesWithThePartnership) {
  const NewCustomer c = Create(direct_, Company("lateco", "Late Co"));
  const std::string admin = AdminToken(c);
  const std::string url = Link(reseller_, "?indirectProviderId=" + DemoOf(kProvider).tenant_id);
  ASSERT_EQ(StatusOf(server_.Delete(provider_, "/v1/relationships/" + DemoOf(kReseller).tenant_id)),
            204);
  const std::string body = Accept(admin, url, 400);
  EXPECT_EQ(JsonField(body, "/code"), "700205");
  EXPECT_EQ(StatusOf(server_.Get(reseller_, "/v1/customers/" + c.id)), 404);
}

TEST_F(CustomerInvitationLinksApiTest, InvalidInvitationsAre400) {
  const NewCustomer c = Create(direct_, Company("invalidco", "Invalid Co"));
  const std::string admin = AdminToken(c);
  const std::string unknown =
      R"({"invType":"ResellerRelationship","partnerId":"0a0a0a0a-0000-4000-8000-000000000000"})";
  auto res = server_.Post(admin, kAcceptPath, unknown);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(JsonField(res->body, "/code"), "700205");
  auto no_type = server_.Post(admin, kAcceptPath, R"({"partnerId":"x"})");
  ASSERT_TRUE(no_type);
  EXPECT_EQ(no_type->status, 400);
  EXPECT_NE(JsonField(no_type->body, "/description").find("invType"), std::string::npos);
  // A JSON boolean for DAP works as well as the link's text.
  const std::string typed = R"({"invType":"resellerrelationship","partnerId":")" +
                            DemoOf(kProvider).tenant_id + R"(","msppId":0,"DAP":false})";
  auto ok = server_.Post(admin, kAcceptPath, typed);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(JsonField(ok->body, "/partners/0/delegatedAdmin"), "false");
}

TEST_F(CustomerInvitationLinksApiTest, RegionRuleRefusesPartnersOfAnotherCountry) {
  CustomerFields f = Company("berlinco", "Berlin Co GmbH");
  f.country = "DE";
  f.culture = "de-DE";
  f.language = "de";
  f.city = "Berlin";
  f.state = "";
  f.postal_code = "10115";
  const NewCustomer c = Create(direct_, f);
  const std::string admin = AdminToken(c);
  const std::string url = Link(provider_);
  auto preview = server_.Get(admin, std::string(kPreviewPath) + "?" + LinkQuery(url));
  ASSERT_TRUE(preview);
  EXPECT_EQ(JsonField(preview->body, "/sameCountry"), "false");
  const std::string body = Accept(admin, url, 409);
  EXPECT_EQ(JsonField(body, "/code"), "700206");
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 404);

  // The rule is a setting.
  TestServer relaxed([](app::Config& config) { config.customer_same_country = false; });
  const std::string direct = relaxed.UserToken(kDirect, kGlobalAdmin);
  auto made = relaxed.Post(direct, "/v1/customers", CustomerJson(f));
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201);
  const std::string id = JsonField(made->body, "/id");
  const std::string temporary =
      relaxed.CustomerToken(id, JsonField(made->body, "/userCredentials/userName"),
                            JsonField(made->body, "/userCredentials/password"));
  auto changed =
      relaxed.Post(temporary, "/v1/me/password",
                   R"({"currentPassword":")" + JsonField(made->body, "/userCredentials/password") +
                       R"(","newPassword":")" + kNewPassword + R"("})");
  ASSERT_TRUE(changed);
  const std::string relaxed_admin =
      relaxed.CustomerToken(id, JsonField(made->body, "/userCredentials/userName"), kNewPassword);
  auto link = relaxed.Get(relaxed.UserToken(kProvider, kGlobalAdmin), kLinkPath);
  ASSERT_TRUE(link);
  auto accepted =
      relaxed.Post(relaxed_admin, kAcceptPath, InvitationBody(JsonField(link->body, "/url")));
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
}

TEST_F(CustomerInvitationLinksApiTest, CustomerTokensAreRefusedOnPartnerEndpoints) {
  const NewCustomer c = Create(direct_, Company("outsideco", "Outside Co"));
  const std::string admin = AdminToken(c);
  ASSERT_FALSE(admin.empty());
  const std::vector<httplib::Result> answers = [&] {
    std::vector<httplib::Result> out;
    out.push_back(server_.Get(admin, "/v1/customers"));
    out.push_back(server_.Get(admin, "/v1/customers/" + c.id));
    out.push_back(server_.Post(admin, "/v1/customers", CustomerJson(Company("evil", "Evil Co"))));
    out.push_back(
        server_.Patch(admin, "/v1/customers/" + c.id, R"({"allowDelegatedAccess":false})"));
    out.push_back(server_.Get(admin, kLinkPath));
    out.push_back(server_.Head(admin, "/v1/domains/evil"));
    out.push_back(server_.Get(admin, "/v1/relationships?relationship_type=IsIndirectResellerOf"));
    out.push_back(server_.Post(admin, "/v1/relationships/invitations", "{}"));
    out.push_back(server_.Get(admin, "/v1/users"));
    out.push_back(server_.Get(admin, "/v1/apps"));
    out.push_back(server_.Get(admin, "/v1/profiles/mpn?mpnId=1000001"));
    out.push_back(server_.Get(admin, "/admin/v1/partners"));
    return out;
  }();
  for (const auto& res : answers) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    if (res->status == 403 && !res->body.empty()) {
      EXPECT_EQ(JsonField(res->body, "/code"), "900150") << res->body;
    }
  }
  // Its own activity log, though, a customer's Global admin may read.
  auto log = server_.Get(admin, "/v1/auditrecords");
  ASSERT_TRUE(log);
  EXPECT_EQ(log->status, 200) << log->body;
}

}  // namespace
}  // namespace csphub::testing
