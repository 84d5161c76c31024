// /v1/users, /v1/me/password and /v1/apps over real sockets, as a partner's Global admin.
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

constexpr const char* kNewPassword = "Another-Pass-2026";

struct Created {
  std::string id;
  std::string upn;
  std::string temporary_password;
};

class PartnerUsersApiTest : public ::testing::Test {
 protected:
  const app::DemoPartner& provider() const { return app::Demo().partners[kProvider]; }

  Created CreateUser(const std::string& token, const std::string& local, const std::string& role) {
    auto res = server_.Post(token, "/v1/users",
                            R"({"userPrincipalName":")" + local + R"(","displayName":")" + local +
                                R"(","roles":[")" + role + R"("]})");
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 201) << res->body;
    return {JsonField(res->body, "/id"), JsonField(res->body, "/userPrincipalName"),
            JsonField(res->body, "/passwordProfile/password")};
  }

  httplib::Result SignIn(const std::string& username, const std::string& password,
                         DemoPartner partner = kProvider) {
    const auto& p = app::Demo().partners[partner];
    httplib::Params form{{"grant_type", "password"},
                         {"client_id", p.client_id},
                         {"client_secret", p.client_secret},
                         {"username", username},
                         {"password", password}};
    return server_.Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", form);
  }

  httplib::Result AppSignIn(const std::string& client_id, const std::string& secret) {
    httplib::Params form{
        {"grant_type", "client_credentials"}, {"client_id", client_id}, {"client_secret", secret}};
    return server_.Client().Post("/" + provider().tenant_id + "/oauth2/v2.0/token", form);
  }

  TestServer server_;
};

TEST_F(PartnerUsersApiTest, CreateListGetUpdateResetDelete) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  ASSERT_FALSE(admin.empty());
  auto res = server_.Post(admin, "/v1/users",
                          R"({"userPrincipalName":"Jane.Doe","displayName":"Jane Doe",)"
                          R"("firstName":"Jane","lastName":"Doe","roles":["SalesAgent"]})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  const std::string id = JsonField(res->body, "/id");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(JsonField(res->body, "/userPrincipalName"), "jane.doe@" + provider().domain);
  EXPECT_EQ(JsonField(res->body, "/displayName"), "Jane Doe");
  EXPECT_EQ(JsonField(res->body, "/roles/0"), "SalesAgent");
  EXPECT_EQ(JsonField(res->body, "/state"), "active");
  EXPECT_EQ(JsonField(res->body, "/mustChangePassword"), "true");
  EXPECT_EQ(JsonField(res->body, "/passwordProfile/forceChangePassword"), "true");
  EXPECT_FALSE(JsonField(res->body, "/passwordProfile/password").empty());

  auto list = server_.Get(admin, "/v1/users");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "5") << list->body;  // 4 demo + Jane
  EXPECT_NE(list->body.find(id), std::string::npos);
  EXPECT_EQ(list->body.find("passwordProfile"), std::string::npos) << list->body;

  auto got = server_.Get(admin, "/v1/users/" + id);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(JsonField(got->body, "/firstName"), "Jane");
  EXPECT_EQ(got->body.find("passwordProfile"), std::string::npos);

  auto patched = server_.Patch(admin, "/v1/users/" + id,
                               R"({"roles":["HelpdeskAgent","BillingAdmin"],"state":"disabled"})");
  ASSERT_TRUE(patched);
  ASSERT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(JsonField(patched->body, "/state"), "disabled");
  EXPECT_EQ(JsonField(patched->body, "/roles/0"), "HelpdeskAgent") << patched->body;
  EXPECT_EQ(JsonField(patched->body, "/roles/1"), "BillingAdmin") << patched->body;
  got = server_.Get(admin, "/v1/users/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(JsonField(got->body, "/state"), "disabled");

  auto bad_state = server_.Patch(admin, "/v1/users/" + id, R"({"state":"sleeping"})");
  ASSERT_TRUE(bad_state);
  EXPECT_EQ(bad_state->status, 400) << bad_state->body;

  auto reset = server_.Post(admin, "/v1/users/" + id + "/resetpassword", "");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  EXPECT_FALSE(JsonField(reset->body, "/passwordProfile/password").empty());
  EXPECT_EQ(reset->get_header_value("Cache-Control"), "no-store");

  auto deleted = server_.Delete(admin, "/v1/users/" + id);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204) << deleted->body;
  got = server_.Get(admin, "/v1/users/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 404) << got->body;
  auto again = server_.Delete(admin, "/v1/users/" + id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404) << again->body;
}

TEST_F(PartnerUsersApiTest, NewUserMustChangeTemporaryPasswordFirst) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  const Created u = CreateUser(admin, "newbie", "SalesAgent");
  ASSERT_FALSE(u.temporary_password.empty());

  auto signin = SignIn(u.upn, u.temporary_password);
  ASSERT_TRUE(signin);
  ASSERT_EQ(signin->status, 200) << signin->body;
  EXPECT_EQ(JsonField(signin->body, "/password_change_required"), "true") << signin->body;
  const std::string token = JsonField(signin->body, "/access_token");
  ASSERT_FALSE(token.empty());

  auto refused = server_.Get(token, "/v1/relationships/invitations");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403) << refused->body;
  EXPECT_EQ(JsonField(refused->body, "/code"), "700101");

  auto wrong = server_.Post(token, "/v1/me/password",
                            R"({"currentPassword":"not-the-password","newPassword":")" +
                                std::string(kNewPassword) + R"("})");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400) << wrong->body;
  EXPECT_NE(JsonField(wrong->body, "/description").find("currentPassword"), std::string::npos)
      << wrong->body;

  auto ok = server_.Post(token, "/v1/me/password",
                         R"({"currentPassword":")" + u.temporary_password + R"(","newPassword":")" +
                             kNewPassword + R"("})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 204) << ok->body;

  // The temporary password no longer works; the new one does, without the flag.
  auto old_pw = SignIn(u.upn, u.temporary_password);
  ASSERT_TRUE(old_pw);
  EXPECT_EQ(old_pw->status, 400) << old_pw->body;
  auto fresh = SignIn(u.upn, kNewPassword);
  ASSERT_TRUE(fresh);
  ASSERT_EQ(fresh->status, 200) << fresh->body;
  EXPECT_EQ(JsonField(fresh->body, "/password_change_required"), "");
  auto allowed =
      server_.Get(JsonField(fresh->body, "/access_token"), "/v1/relationships/invitations");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 200) << allowed->body;
}

TEST_F(PartnerUsersApiTest, ResetPasswordForcesAChangeAgain) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  const auto& sales = provider().users[kSalesAgent];
  auto list = server_.Get(admin, "/v1/users");
  ASSERT_TRUE(list);
  std::string id;
  for (int i = 0; i < 10 && id.empty(); ++i) {
    const std::string base = "/items/" + std::to_string(i);
    if (JsonField(list->body, base + "/userPrincipalName") == sales.user_principal_name) {
      id = JsonField(list->body, base + "/id");
    }
  }
  ASSERT_FALSE(id.empty()) << list->body;
  auto reset = server_.Post(admin, "/v1/users/" + id + "/resetpassword", "");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  const std::string temporary = JsonField(reset->body, "/passwordProfile/password");
  auto old_pw = SignIn(sales.user_principal_name, sales.password);
  ASSERT_TRUE(old_pw);
  EXPECT_EQ(old_pw->status, 400) << old_pw->body;
  auto signin = SignIn(sales.user_principal_name, temporary);
  ASSERT_TRUE(signin);
  ASSERT_EQ(signin->status, 200) << signin->body;
  EXPECT_EQ(JsonField(signin->body, "/password_change_required"), "true");
}

TEST_F(PartnerUsersApiTest, DisabledUserCannotSignIn) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  const Created u = CreateUser(admin, "leaver", "AdminAgent");
  ASSERT_FALSE(u.id.empty());
  auto before = SignIn(u.upn, u.temporary_password);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 200) << before->body;
  auto patched = server_.Patch(admin, "/v1/users/" + u.id, R"({"state":"disabled"})");
  ASSERT_TRUE(patched);
  ASSERT_EQ(patched->status, 200) << patched->body;
  auto after = SignIn(u.upn, u.temporary_password);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 400) << after->body;
  EXPECT_EQ(JsonField(after->body, "/error"), "invalid_grant") << after->body;
  // Enabled again, it can.
  auto enabled = server_.Patch(admin, "/v1/users/" + u.id, R"({"state":"active"})");
  ASSERT_TRUE(enabled);
  ASSERT_EQ(enabled->status, 200) << enabled->body;
  auto back = SignIn(u.upn, u.temporary_password);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 200) << back->body;
}

TEST_F(PartnerUsersApiTest, UpnOnAnotherDomainIsRejected) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto res = server_.Post(admin, "/v1/users",
                          R"({"userPrincipalName":"eve@contoso.example","displayName":"Eve",)"
                          R"("roles":["SalesAgent"]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_NE(JsonField(res->body, "/description").find("userPrincipalName"), std::string::npos)
      << res->body;
  // Its own domain is accepted.
  auto ok = server_.Post(admin, "/v1/users",
                         R"({"userPrincipalName":"eve@)" + provider().domain +
                             R"(","displayName":"Eve","roles":["SalesAgent"]})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
}

TEST_F(PartnerUsersApiTest, UnknownRoleIsRejected) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto res = server_.Post(admin, "/v1/users",
                          R"({"userPrincipalName":"x","displayName":"X","roles":["Emperor"]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  auto missing = server_.Post(admin, "/v1/users", R"({"userPrincipalName":"x","displayName":"X"})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400) << missing->body;
}

TEST_F(PartnerUsersApiTest, DuplicateUpnIsConflict) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  CreateUser(admin, "twin", "SalesAgent");
  auto res = server_.Post(admin, "/v1/users",
                          R"({"userPrincipalName":"TWIN@)" + provider().domain +
                              R"(","displayName":"Twin","roles":["SalesAgent"]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 409) << res->body;
  // A demo user's UPN too.
  auto demo = server_.Post(admin, "/v1/users",
                           R"({"userPrincipalName":"adminagent","displayName":"AA",)"
                           R"("roles":["SalesAgent"]})");
  ASSERT_TRUE(demo);
  EXPECT_EQ(demo->status, 409) << demo->body;
}

// Keeping one enabled Global admin is a rule about current state: a refusal is 409 with
// code 700301 and a description that says why.
bool Refused(const httplib::Result& res) {
  return res && res->status == 409 && JsonField(res->body, "/code") == "700301" &&
         JsonField(res->body, "/description").find("Global admin") != std::string::npos;
}

std::string MyId(TestServer& server, const std::string& token) {
  auto me = server.Get(token, "/v1/me");
  return me ? JsonField(me->body, "/id") : "";
}

TEST_F(PartnerUsersApiTest, LastGlobalAdminCannotBeDisabledOrDeleted) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  const std::string my_id = MyId(server_, admin);
  ASSERT_FALSE(my_id.empty());

  auto disable = server_.Patch(admin, "/v1/users/" + my_id, R"({"state":"disabled"})");
  ASSERT_TRUE(disable);
  EXPECT_TRUE(Refused(disable)) << disable->status << " " << disable->body;
  auto demote = server_.Patch(admin, "/v1/users/" + my_id, R"({"roles":["AdminAgent"]})");
  ASSERT_TRUE(demote);
  EXPECT_TRUE(Refused(demote)) << demote->status << " " << demote->body;
  auto del = server_.Delete(admin, "/v1/users/" + my_id);
  ASSERT_TRUE(del);
  EXPECT_TRUE(Refused(del)) << del->status << " " << del->body;
  auto still = server_.Get(admin, "/v1/users/" + my_id);
  ASSERT_TRUE(still);
  EXPECT_EQ(JsonField(still->body, "/state"), "active");
  EXPECT_EQ(JsonField(still->body, "/roles/0"), "GlobalAdmin");

  // With a second Global admin, that one may be disabled...
  const Created second = CreateUser(admin, "admin2", "GlobalAdmin");
  ASSERT_FALSE(second.id.empty());
  auto now_ok = server_.Patch(admin, "/v1/users/" + second.id, R"({"state":"disabled"})");
  ASSERT_TRUE(now_ok);
  EXPECT_EQ(now_ok->status, 200) << now_ok->body;
  // ...but a disabled admin does not count: the first is still the last enabled one.
  auto disable_again = server_.Patch(admin, "/v1/users/" + my_id, R"({"state":"disabled"})");
  ASSERT_TRUE(disable_again);
  EXPECT_TRUE(Refused(disable_again)) << disable_again->status << " " << disable_again->body;
  // The disabled second admin may be deleted.
  auto del_second = server_.Delete(admin, "/v1/users/" + second.id);
  ASSERT_TRUE(del_second);
  EXPECT_EQ(del_second->status, 204) << del_second->body;
}

TEST_F(PartnerUsersApiTest, UsersOfAnotherPartnerAreNotFound) {
  const std::string provider_admin = server_.UserToken(kProvider, kGlobalAdmin);
  const Created u = CreateUser(provider_admin, "private", "SalesAgent");
  ASSERT_FALSE(u.id.empty());
  const std::string other_admin = server_.UserToken(kOtherReseller, kGlobalAdmin);
  ASSERT_FALSE(other_admin.empty());
  auto got = server_.Get(other_admin, "/v1/users/" + u.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 404) << got->body;
  auto patched = server_.Patch(other_admin, "/v1/users/" + u.id, R"({"state":"disabled"})");
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->status, 404) << patched->body;
  auto reset = server_.Post(other_admin, "/v1/users/" + u.id + "/resetpassword", "");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 404) << reset->body;
  auto del = server_.Delete(other_admin, "/v1/users/" + u.id);
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 404) << del->body;
  auto list = server_.Get(other_admin, "/v1/users");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->body.find(u.id), std::string::npos);
  // Still there for its own partner.
  auto mine = server_.Get(provider_admin, "/v1/users/" + u.id);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->status, 200) << mine->body;
  EXPECT_EQ(JsonField(mine->body, "/state"), "active");
}

TEST_F(PartnerUsersApiTest, AppRegistrationLifecycle) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto created = server_.Post(admin, "/v1/apps", R"({"displayName":"Billing sync"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(created->get_header_value("Cache-Control"), "no-store");
  const std::string client_id = JsonField(created->body, "/clientId");
  const std::string secret = JsonField(created->body, "/clientSecret");
  ASSERT_FALSE(client_id.empty());
  ASSERT_FALSE(secret.empty());
  EXPECT_EQ(JsonField(created->body, "/roles/0"), "AdminAgent");

  auto list = server_.Get(admin, "/v1/apps");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_NE(list->body.find(client_id), std::string::npos);
  EXPECT_EQ(list->body.find("clientSecret"), std::string::npos) << list->body;
  EXPECT_EQ(list->body.find(secret), std::string::npos);

  auto signin = AppSignIn(client_id, secret);
  ASSERT_TRUE(signin);
  ASSERT_EQ(signin->status, 200) << signin->body;
  const std::string app_token = JsonField(signin->body, "/access_token");
  auto used = server_.Get(app_token, "/v1/relationships/invitations");
  ASSERT_TRUE(used);
  EXPECT_EQ(used->status, 200) << used->body;

  auto rotated = server_.Post(admin, "/v1/apps/" + client_id + "/secret", "");
  ASSERT_TRUE(rotated);
  ASSERT_EQ(rotated->status, 200) << rotated->body;
  const std::string new_secret = JsonField(rotated->body, "/clientSecret");
  ASSERT_FALSE(new_secret.empty());
  EXPECT_NE(new_secret, secret);
  auto old_fails = AppSignIn(client_id, secret);
  ASSERT_TRUE(old_fails);
  EXPECT_EQ(old_fails->status, 401) << old_fails->body;
  EXPECT_EQ(JsonField(old_fails->body, "/error"), "invalid_client");
  auto new_works = AppSignIn(client_id, new_secret);
  ASSERT_TRUE(new_works);
  EXPECT_EQ(new_works->status, 200) << new_works->body;

  auto deleted = server_.Delete(admin, "/v1/apps/" + client_id);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204) << deleted->body;
  auto gone = AppSignIn(client_id, new_secret);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 401) << gone->body;
  auto list_after = server_.Get(admin, "/v1/apps");
  ASSERT_TRUE(list_after);
  EXPECT_EQ(list_after->body.find(client_id), std::string::npos);
  auto delete_again = server_.Delete(admin, "/v1/apps/" + client_id);
  ASSERT_TRUE(delete_again);
  EXPECT_EQ(delete_again->status, 404) << delete_again->body;
}

TEST_F(PartnerUsersApiTest, AppsOfAnotherPartnerAreNotFound) {
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto created = server_.Post(admin, "/v1/apps", R"({"displayName":"Mine"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string client_id = JsonField(created->body, "/clientId");
  const std::string other = server_.UserToken(kOtherReseller, kGlobalAdmin);
  auto rotate = server_.Post(other, "/v1/apps/" + client_id + "/secret", "");
  ASSERT_TRUE(rotate);
  EXPECT_EQ(rotate->status, 404) << rotate->body;
  auto del = server_.Delete(other, "/v1/apps/" + client_id);
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 404) << del->body;
  // The app's secret cannot be used on another partner's tenant either.
  const std::string secret = JsonField(created->body, "/clientSecret");
  httplib::Params form{
      {"grant_type", "client_credentials"}, {"client_id", client_id}, {"client_secret", secret}};
  auto cross = server_.Client().Post(
      "/" + app::Demo().partners[kOtherReseller].tenant_id + "/oauth2/v2.0/token", form);
  ASSERT_TRUE(cross);
  EXPECT_EQ(cross->status, 401) << cross->body;
}

}  // namespace
}  // namespace csphub::testing
