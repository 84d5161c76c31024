// Customer invitations over real sockets, the customer's side (issue 3 "Invite and accept";
// reference §2.3, §2.4, §3.3): customer users signing in, accepting (direct and joint),
// declining, signing up without an account, and revoking delegated admin.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/customer_invitations_fixture.hpp"

namespace csphub::testing {
namespace {

class CustomerInvitationsApiTest : public CustomerInvitationsApiBase {};

TEST_F(CustomerInvitationsApiTest, TemporaryPasswordThenAcceptDirectPartnersInvitation) {
  const NewCustomer c = Create(direct_, Company("acmeco", "Acme Co"));
  // The customer user signs in with the portal client, by tenant ID or by domain.
  auto first = server_.Client().Post("/acmeco.onmicrosoft.com/oauth2/v2.0/token",
                                     httplib::Params{{"grant_type", "password"},
                                                     {"client_id", "csphub-portal"},
                                                     {"username", c.admin},
                                                     {"password", c.password}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(JsonField(first->body, "/password_change_required"), "true");
  const std::string temporary = JsonField(first->body, "/access_token");
  EXPECT_TRUE(server_.CustomerToken(c.id, c.admin, "wrong-password-123").empty());
  EXPECT_TRUE(server_.CustomerToken(DemoOf(kDirect).tenant_id, c.admin, c.password).empty());

  // Nothing but /v1/me until the temporary password is replaced.
  auto blocked = server_.Get(temporary, kPartnersPath);
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 403);
  EXPECT_EQ(JsonField(blocked->body, "/code"), "700101");
  auto me = server_.Get(temporary, "/v1/me");
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(JsonField(me->body, "/tenantId"), c.id);
  EXPECT_EQ(JsonField(me->body, "/tenantType"), "customer");
  EXPECT_EQ(JsonField(me->body, "/globalAdmin"), "true");
  const std::string admin = AdminToken(c);
  ASSERT_FALSE(admin.empty());

  const std::string url = Link(provider_, "?delegatedAdmin=true");
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 404);
  auto preview = server_.Get(admin, std::string(kPreviewPath) + "?" + LinkQuery(url));
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_EQ(JsonField(preview->body, "/partner/name"), "Northwind Distribution");
  EXPECT_EQ(JsonField(preview->body, "/partner/mpnId"), "1000001");
  EXPECT_EQ(JsonField(preview->body, "/partner/country"), "US");
  EXPECT_EQ(JsonField(preview->body, "/grants/0/relationship"), "reseller");
  EXPECT_EQ(JsonField(preview->body, "/grants/0/delegatedAdmin"), "true");
  EXPECT_EQ(JsonField(preview->body, "/alreadyAccepted"), "false");
  EXPECT_EQ(JsonField(preview->body, "/sameCountry"), "true");

  const std::string accepted = Accept(admin, url);
  EXPECT_EQ(JsonField(accepted, "/changed"), "true");
  EXPECT_EQ(JsonField(accepted, "/partners/0/tenantId"), DemoOf(kProvider).tenant_id);
  EXPECT_EQ(JsonField(accepted, "/partners/0/delegatedAdmin"), "true");
  // The customer is now in the partner's list, with delegated admin.
  auto listed = server_.Get(provider_, ListFilter("Domain", "acmeco"));
  ASSERT_TRUE(listed);
  EXPECT_EQ(JsonField(listed->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(listed->body, "/items/0/id"), c.id);
  auto got = server_.Get(provider_, "/v1/customers/" + c.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(JsonField(got->body, "/allowDelegatedAccess"), "true");

  // Accepting again changes nothing and records nothing more.
  EXPECT_EQ(JsonField(Accept(admin, url), "/changed"), "false");
  EXPECT_EQ(AuditCount(provider_, "accept_customer_relationship"), 1);
  EXPECT_EQ(AuditCount(admin, "accept_customer_relationship"), 1);
  auto again = server_.Get(admin, std::string(kPreviewPath) + "?" + LinkQuery(url));
  ASSERT_TRUE(again);
  EXPECT_EQ(JsonField(again->body, "/alreadyAccepted"), "true");

  auto partners = server_.Get(admin, kPartnersPath);
  ASSERT_TRUE(partners);
  ASSERT_EQ(partners->status, 200) << partners->body;
  EXPECT_EQ(JsonField(partners->body, "/totalCount"), "2");  // the creator and the new one
  EXPECT_EQ(JsonField(partners->body, "/items/0/name"), "Northwind Distribution");
  EXPECT_EQ(JsonField(partners->body, "/items/0/relationship"), "reseller");
  EXPECT_EQ(JsonField(partners->body, "/items/0/delegatedAdmin"), "true");
  EXPECT_EQ(JsonField(partners->body, "/items/1/name"), "Tailspin Direct");
}

TEST_F(CustomerInvitationsApiTest, JointAcceptanceGivesProviderAndResellerTheCustomer) {
  const NewCustomer c = Create(direct_, Company("jointco", "Joint Co"));
  const std::string admin = AdminToken(c);
  const std::string& provider_id = DemoOf(kProvider).tenant_id;
  const std::string& reseller_id = DemoOf(kReseller).tenant_id;
  const std::string url =
      Link(reseller_, "?indirectProviderId=" + provider_id + "&delegatedAdmin=true");
  auto preview = server_.Get(admin, std::string(kPreviewPath) + "?" + LinkQuery(url));
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_EQ(JsonField(preview->body, "/partner/name"), "Contoso Reseller");
  EXPECT_EQ(JsonField(preview->body, "/indirectProvider/name"), "Northwind Distribution");

  const std::string body = Accept(admin, url);
  EXPECT_EQ(JsonField(body, "/partners/0/tenantId"), reseller_id);
  EXPECT_EQ(JsonField(body, "/partners/0/indirectProviderId"), provider_id);
  EXPECT_EQ(JsonField(body, "/partners/1/tenantId"), provider_id);
  EXPECT_EQ(JsonField(body, "/partners/1/indirectResellerId"), reseller_id);

  // The provider finds it under its reseller, the reseller under its provider.
  auto by_reseller = server_.Get(provider_, ListFilter("IndirectReseller", reseller_id));
  ASSERT_TRUE(by_reseller);
  // (The demo provider already has two customers for this reseller.)
  EXPECT_NE(by_reseller->body.find("\"id\":\"" + c.id + "\""), std::string::npos);
  auto by_provider =
      server_.Get(reseller_, ListFilter("IndirectCloudSolutionProvider", provider_id));
  ASSERT_TRUE(by_provider);
  EXPECT_NE(by_provider->body.find("\"id\":\"" + c.id + "\""), std::string::npos);
  auto theirs = server_.Get(reseller_, "/v1/customers/" + c.id);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->status, 200);
  EXPECT_EQ(JsonField(theirs->body, "/allowDelegatedAccess"), "true");
  auto mine = server_.Get(provider_, "/v1/customers/" + c.id);
  ASSERT_TRUE(mine);
  EXPECT_EQ(JsonField(mine->body, "/associatedPartnerId"), reseller_id);

  // Both logs and the customer's own log have it.
  EXPECT_EQ(AuditCount(provider_, "accept_customer_relationship"), 1);
  EXPECT_EQ(AuditCount(reseller_, "accept_customer_relationship"), 1);
  EXPECT_EQ(AuditCount(admin, "accept_customer_relationship"), 1);
}

TEST_F(CustomerInvitationsApiTest, OnlyTheCustomersGlobalAdminMayActOnInvitations) {
  const NewCustomer c = Create(direct_, Company("rolesco", "Roles Co"));
  // A second, ordinary user of the customer (customer user management is issue 5).
  auto& app = server_.app();
  auto hash = app.deps().hasher.Hash(kNewPassword);
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(app.store()
                  .Write([&](domain::Repositories& repos) -> csphub::Status {
                    domain::CustomerUser u;
                    u.id = "0b0b0b0b-0000-4000-8000-000000000001";
                    u.customer_id = c.id;
                    u.user_principal_name = "ann@rolesco.onmicrosoft.com";
                    u.display_name = "Ann";
                    u.password_hash = *hash;
                    u.must_change_password = false;
                    u.global_admin = false;
                    return repos.CustomerUsers().Insert(u);
                  })
                  .ok());
  const std::string user =
      server_.CustomerToken("rolesco.onmicrosoft.com", "ann@rolesco.onmicrosoft.com", kNewPassword);
  ASSERT_FALSE(user.empty());
  const std::string url = Link(provider_);
  for (const auto& res : {server_.Post(user, kAcceptPath, InvitationBody(url)),
                          server_.Post(user, kDeclinePath, InvitationBody(url)),
                          server_.Get(user, std::string(kPreviewPath) + "?" + LinkQuery(url)),
                          server_.Get(user, kPartnersPath),
                          server_.Delete(user, std::string(kPartnersPath) + "/" +
                                                   DemoOf(kDirect).tenant_id + "/delegatedadmin"),
                          server_.Get(user, "/v1/auditrecords")}) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    EXPECT_EQ(JsonField(res->body, "/code"), "900150");
  }
  // Partners have no business on the customer's side either.
  EXPECT_EQ(StatusOf(server_.Post(provider_, kAcceptPath, InvitationBody(url))), 403);
  EXPECT_EQ(StatusOf(server_.Get(provider_, kPartnersPath)), 403);
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 404);
}

TEST_F(CustomerInvitationsApiTest, DeclineCreatesNothingButIsRecordedOnBothSides) {
  const NewCustomer c = Create(direct_, Company("declineco", "Decline Co"));
  const std::string admin = AdminToken(c);
  const std::string url = Link(provider_, "?delegatedAdmin=true");
  auto declined = server_.Post(admin, kDeclinePath, InvitationBody(url));
  ASSERT_TRUE(declined);
  EXPECT_EQ(declined->status, 204) << declined->body;
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 404);
  auto partners = server_.Get(admin, kPartnersPath);
  ASSERT_TRUE(partners);
  EXPECT_EQ(JsonField(partners->body, "/totalCount"), "1");  // only the creator
  EXPECT_EQ(AuditCount(provider_, "decline_customer_relationship"), 1);
  EXPECT_EQ(AuditCount(admin, "decline_customer_relationship"), 1);
  auto log = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(log);
  EXPECT_NE(log->body.find("\"operationStatus\":\"decline\""), std::string::npos);
}

TEST_F(CustomerInvitationsApiTest, SignUpCreatesTheTenantAndAcceptsInOneStep) {
  const std::string& provider_id = DemoOf(kProvider).tenant_id;
  const std::string& reseller_id = DemoOf(kReseller).tenant_id;
  const std::string url =
      Link(reseller_, "?indirectProviderId=" + provider_id + "&delegatedAdmin=true");
  const CustomerFields company = Company("signupco", "Signup Co");
  const std::string body = SignUpBody(url, company, kNewPassword);
  auto res = server_.Client().Post(kSignUpPath, body, "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string id = JsonField(res->body, "/customer/id");
  EXPECT_EQ(JsonField(res->body, "/customer/domain"), "signupco.onmicrosoft.com");
  EXPECT_EQ(JsonField(res->body, "/adminUser/userPrincipalName"), "admin@signupco.onmicrosoft.com");
  EXPECT_EQ(res->body.find(kNewPassword), std::string::npos);
  EXPECT_EQ(JsonField(res->body, "/partners/0/tenantId"), reseller_id);
  EXPECT_EQ(JsonField(res->body, "/partners/1/tenantId"), provider_id);

  // The admin signs in with the password it chose: no forced change.
  auto token = server_.Client().Post("/signupco.onmicrosoft.com/oauth2/v2.0/token",
                                     httplib::Params{{"grant_type", "password"},
                                                     {"client_id", "csphub-portal"},
                                                     {"username", "admin@signupco.onmicrosoft.com"},
                                                     {"password", kNewPassword}});
  ASSERT_TRUE(token);
  ASSERT_EQ(token->status, 200) << token->body;
  EXPECT_EQ(JsonField(token->body, "/password_change_required"), "");
  const std::string admin = JsonField(token->body, "/access_token");
  auto partners = server_.Get(admin, kPartnersPath);
  ASSERT_TRUE(partners);
  EXPECT_EQ(JsonField(partners->body, "/totalCount"), "2");
  EXPECT_EQ(AuditCount(admin, "sign_up_customer"), 1);

  auto by_reseller = server_.Get(provider_, ListFilter("IndirectReseller", reseller_id));
  ASSERT_TRUE(by_reseller);
  EXPECT_NE(by_reseller->body.find("\"id\":\"" + id + "\""), std::string::npos);
  auto theirs = server_.Get(reseller_, "/v1/customers/" + id);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(JsonField(theirs->body, "/allowDelegatedAccess"), "true");

  // A double submit makes one tenant.
  auto twice = server_.Client().Post(kSignUpPath, body, "application/json");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 409) << twice->body;
  auto listed = server_.Get(provider_, ListFilter("Domain", "signupco"));
  ASSERT_TRUE(listed);
  EXPECT_EQ(JsonField(listed->body, "/totalCount"), "1");
}

TEST_F(CustomerInvitationsApiTest, SignUpFailuresCreateNothing) {
  const std::string url = Link(provider_);
  auto short_password = server_.Client().Post(
      kSignUpPath, SignUpBody(url, Company("failco", "Fail Co"), "short"), "application/json");
  ASSERT_TRUE(short_password);
  EXPECT_EQ(short_password->status, 400);
  EXPECT_NE(JsonField(short_password->body, "/description").find("password"), std::string::npos);

  CustomerFields bad_name = Company("failco", "X");
  auto invalid = server_.Client().Post(kSignUpPath, SignUpBody(url, bad_name, kNewPassword),
                                       "application/json");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  EXPECT_NE(JsonField(invalid->body, "/description").find("companyName"), std::string::npos);

  const std::string unknown = public_url_ +
                              "/#/customer-invitations?invType=ResellerRelationship&partnerId="
                              "0a0a0a0a-0000-4000-8000-000000000000&msppId=0&DAP=false";
  auto bad_link = server_.Client().Post(
      kSignUpPath, SignUpBody(unknown, Company("failco", "Fail Co"), kNewPassword),
      "application/json");
  ASSERT_TRUE(bad_link);
  EXPECT_EQ(bad_link->status, 400);
  EXPECT_EQ(JsonField(bad_link->body, "/code"), "700205");

  CustomerFields german = Company("failco", "Fail Co");
  german.country = "DE";
  german.culture = "de-DE";
  german.language = "de";
  german.state = "";
  german.postal_code = "10115";
  auto region =
      server_.Client().Post(kSignUpPath, SignUpBody(url, german, kNewPassword), "application/json");
  ASSERT_TRUE(region);
  EXPECT_EQ(region->status, 409);
  EXPECT_EQ(JsonField(region->body, "/code"), "700206");

  // A domain a tenant already holds is 409, as for POST /v1/customers.
  auto taken = server_.Client().Post(
      kSignUpPath, SignUpBody(url, Company("northwinddist", "Fail Co"), kNewPassword),
      "application/json");
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->status, 409);

  EXPECT_EQ(StatusOf(server_.Head(provider_, "/v1/domains/failco")), 404);
  EXPECT_TRUE(
      server_.CustomerToken("failco.onmicrosoft.com", "admin@failco.onmicrosoft.com", kNewPassword)
          .empty());
}

TEST_F(CustomerInvitationsApiTest, CustomerRevokesDelegatedAdminAndMayGrantItAgain) {
  const NewCustomer c = Create(direct_, Company("revokeco", "Revoke Co"));
  const std::string admin = AdminToken(c);
  const std::string url = Link(provider_, "?delegatedAdmin=true");
  Accept(admin, url);
  const std::string path =
      std::string(kPartnersPath) + "/" + DemoOf(kProvider).tenant_id + "/delegatedadmin";
  auto revoked = server_.Delete(admin, path);
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->status, 204) << revoked->body;
  // The relationship stays; delegated admin is gone.
  auto got = server_.Get(provider_, "/v1/customers/" + c.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(JsonField(got->body, "/allowDelegatedAccess"), "false");
  EXPECT_EQ(StatusOf(server_.Delete(admin, path)), 404);
  EXPECT_EQ(AuditCount(provider_, "dap_admin_relationship_terminated"), 1);
  EXPECT_EQ(AuditCount(admin, "dap_admin_relationship_terminated"), 1);

  // A later DAP=true acceptance grants it again; DAP=false never takes it away.
  const std::string again = Accept(admin, url);
  EXPECT_EQ(JsonField(again, "/changed"), "true");
  EXPECT_EQ(JsonField(again, "/partners/0/delegatedAdmin"), "true");
  EXPECT_EQ(JsonField(Accept(admin, Link(provider_)), "/changed"), "false");
  auto after = server_.Get(provider_, "/v1/customers/" + c.id);
  ASSERT_TRUE(after);
  EXPECT_EQ(JsonField(after->body, "/allowDelegatedAccess"), "true");
}

TEST_F(CustomerInvitationsApiTest, PartnerThatRemovedItsRelationshipCanBeAcceptedAgain) {
  const NewCustomer c = Create(direct_, Company("returnco", "Return Co"));
  const std::string admin = AdminToken(c);
  const std::string url = Link(provider_);
  Accept(admin, url);
  auto removed =
      server_.Patch(provider_, "/v1/customers/" + c.id, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 403);
  EXPECT_EQ(JsonField(Accept(admin, url), "/changed"), "true");
  EXPECT_EQ(StatusOf(server_.Get(provider_, "/v1/customers/" + c.id)), 200);
}

// The customer permissions a partner granted go with its relationship: invited again, the
// customer starts with none from that partner (they do not come back to life).
TEST_F(CustomerInvitationsApiTest, RemovingTheRelationshipDropsThePartnersSelfServePolicy) {
  const NewCustomer c = Create(provider_, Company("policyco", "Policy Co"));
  const std::string admin = AdminToken(c);
  const std::string policies = "/v1/SelfServePolicy?entity_id=" + c.id;
  auto granted = server_.Post(
      provider_, "/v1/SelfServePolicy",
      R"({"selfServeEntity":{"selfServeEntityType":"customer","tenantID":")" + c.id +
          R"("},"grantor":{"grantorType":"billToPartner"},)"
          R"("permissions":[{"resource":"AzureReservedInstances","action":"Purchase"}]})");
  ASSERT_TRUE(granted);
  ASSERT_EQ(granted->status, 201) << granted->body;
  const int deletions = AuditCount(provider_, "delete_self_serve_policy");

  auto removed =
      server_.Patch(provider_, "/v1/customers/" + c.id, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  EXPECT_EQ(AuditCount(provider_, "delete_self_serve_policy"), deletions + 1);

  EXPECT_EQ(JsonField(Accept(admin, Link(provider_)), "/changed"), "true");
  auto after = server_.Get(provider_, policies);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->status, 200) << after->body;
  EXPECT_EQ(JsonField(after->body, "/totalCount"), "0") << after->body;
}

TEST_F(CustomerInvitationsApiTest, AcceptIsIdempotentPerRequestId) {
  const NewCustomer c = Create(direct_, Company("replayco", "Replay Co"));
  const std::string admin = AdminToken(c);
  const std::string body = InvitationBody(Link(provider_));
  const httplib::Headers id{{"MS-RequestId", "5c5c5c5c-0000-4000-8000-000000000001"}};
  auto first = server_.Post(admin, kAcceptPath, body, id);
  auto second = server_.Post(admin, kAcceptPath, body, id);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(second->body, first->body);
  EXPECT_EQ(second->get_header_value("Idempotent-Replayed"), "true");
}

}  // namespace
}  // namespace csphub::testing
