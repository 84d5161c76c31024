// /v1/customers/{id}/users and …/directoryroles over real sockets: create with a once-shown
// temporary password changed at first sign-in, validation, paging and the UserState filter,
// update, reset, soft delete and restore within 30 days (then gone for good), directory roles,
// and the delegated-admin gate (403 without it, again after the customer revokes it).
#include <gtest/gtest.h>

#include "support/directory_fixture.hpp"

namespace csphub::testing {
namespace {

using std::chrono::hours;

class CustomerUsersApiTest : public DirectoryApiBase {
 protected:
  std::string User(const std::string& id) { return Users() + "/" + id; }
  std::string Field(const std::string& id, const std::string& pointer) {
    auto res = server_.Get(provider_, User(id));
    return res && res->status == 200 ? JsonField(res->body, pointer)
                                     : "<" + std::to_string(res ? res->status : 0) + ">";
  }
  void AdvanceDays(int days) {
    server_.Advance(hours(24 * days));
    provider_ = server_.UserToken(kProvider, kAdminAgent);
  }
};

TEST_F(CustomerUsersApiTest, CreatedUserGetsATemporaryPasswordOnceAndMustChangeIt) {
  auto res =
      server_.Post(provider_, Users(), UserJson(Upn("Megan.Bowen"), R"(,"usageLocation":"us")"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(JsonField(res->body, "/userPrincipalName"), Upn("megan.bowen"));
  EXPECT_EQ(JsonField(res->body, "/usageLocation"), "US");
  EXPECT_EQ(JsonField(res->body, "/state"), "active");
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "CustomerUser");
  const std::string password = JsonField(res->body, "/passwordProfile/password");
  EXPECT_EQ(password.size(), 16u);
  const std::string id = JsonField(res->body, "/id");
  EXPECT_EQ(res->get_header_value("Location"), Users() + "/" + id);
  // Shown once: reading the user never shows it again.
  auto got = server_.Get(provider_, User(id));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->body.find(password), std::string::npos);
  EXPECT_EQ(JsonField(got->body, "/passwordProfile/password"), "");
  // The user signs in with it and must change it before anything else.
  const std::string token =
      server_.CustomerToken(DemoCustomerId(kLitware), Upn("megan.bowen"), password);
  ASSERT_FALSE(token.empty());
  auto blocked = server_.Get(token, "/v1/customertenant/partners");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(JsonField(blocked->body, "/code"), "700101");
  // A chosen password without a forced change signs in straight away.
  auto chosen =
      server_.Post(provider_, Users(),
                   UserJson(Upn("chosen"), R"(,"passwordProfile":{"password":)"
                                           R"("Chosen-Pass-2026","forceChangePassword":false})"));
  ASSERT_TRUE(chosen);
  ASSERT_EQ(chosen->status, 201) << chosen->body;
  EXPECT_EQ(JsonField(chosen->body, "/passwordProfile/password"), "");
  EXPECT_FALSE(
      server_.CustomerToken(DemoCustomerId(kLitware), Upn("chosen"), "Chosen-Pass-2026").empty());
  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"create_customer_user\""), std::string::npos);
}

TEST_F(CustomerUsersApiTest, BadUsersAreRefusedNamingTheField) {
  const auto refused = [&](const std::string& body, const std::string& field, int status = 400) {
    auto res = server_.Post(provider_, Users(), body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << body << " -> " << res->body;
    EXPECT_NE(JsonField(res->body, "/description").find(field), std::string::npos) << res->body;
  };
  refused(UserJson("megan@contoso.com"), "userPrincipalName");
  refused(UserJson("megan"), "userPrincipalName");
  refused(UserJson(Upn(".megan")), "userPrincipalName");
  refused(UserJson(Upn("me gan")), "userPrincipalName");
  refused(R"({"userPrincipalName":")" + Upn("noname") + R"("})", "displayName");
  refused(UserJson(Upn("far"), R"(,"usageLocation":"XX")"), "usageLocation");
  refused(UserJson(Upn("short"), R"(,"passwordProfile":{"password":"short"})"), "password");
  refused(R"({"userPrincipalName":")" + Upn("long") + R"(","displayName":"Long","firstName":")" +
              std::string(65, 'a') + R"("})",
          "firstName");
  CreateUser("taken");
  refused(UserJson(Upn("TAKEN")), "already in use", 409);
  EXPECT_EQ(Count(Users()), 2);  // the admin and "taken"
}

TEST_F(CustomerUsersApiTest, ListPagesByPrincipalNameAndFiltersByState) {
  for (const char* name : {"carol", "alice", "dave", "bob"}) CreateUser(name);
  auto page1 = server_.Get(provider_, Users() + "?size=2");
  ASSERT_TRUE(page1);
  ASSERT_EQ(page1->status, 200) << page1->body;
  EXPECT_EQ(JsonField(page1->body, "/totalCount"), "2");
  EXPECT_EQ(JsonField(page1->body, "/items/0/userPrincipalName"), Upn("admin"));
  EXPECT_EQ(JsonField(page1->body, "/items/1/userPrincipalName"), Upn("alice"));
  const std::string token = JsonField(page1->body, "/continuationToken");
  ASSERT_FALSE(token.empty());
  auto page2 =
      server_.Get(provider_, Users() + "?seekOperation=Next", {{"MS-ContinuationToken", token}});
  ASSERT_TRUE(page2);
  EXPECT_EQ(JsonField(page2->body, "/items/0/userPrincipalName"), Upn("bob"));
  EXPECT_EQ(JsonField(page2->body, "/items/1/userPrincipalName"), Upn("carol"));
  auto page3 =
      server_.Get(provider_, Users() + "?seekOperation=Next",
                  {{"MS-ContinuationToken", JsonField(page2->body, "/continuationToken")}});
  ASSERT_TRUE(page3);
  EXPECT_EQ(JsonField(page3->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(page3->body, "/continuationToken"), "");

  const std::string inactive =
      "?filter=%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22Inactive%22%2C%22Operator%22%3A%"
      "22equals%22%7D";
  EXPECT_EQ(Count(Users() + inactive), 0);
  EXPECT_EQ(Outcome(server_.Get(provider_, Users() + "?filter=%7B%22Field%22%3A%22Name%22%7D")),
            "400 800002");
  EXPECT_EQ(Outcome(server_.Get(provider_, Users() + "?size=0")), "400 800002");
  EXPECT_EQ(Outcome(server_.Get(provider_, Users() + "?seekOperation=Next",
                                {{"MS-ContinuationToken", "garbage"}})),
            "400 800002");
}

TEST_F(CustomerUsersApiTest, SoftDeleteRestoreWithinThirtyDaysThenGoneForGood) {
  const std::string id = CreateUser("leaver");
  auto del = server_.Delete(provider_, User(id));
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 204);
  EXPECT_EQ(Field(id, "/state"), "inactive");
  EXPECT_FALSE(Field(id, "/softDeletionTime").empty());
  const std::string inactive =
      "?filter=%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22inactive%22%7D";
  EXPECT_EQ(Count(Users() + inactive), 1);
  EXPECT_EQ(Count(Users()), 1);  // the admin
  // A deleted user is not changed, except by restoring it.
  EXPECT_EQ(Outcome(server_.Patch(provider_, User(id), R"({"displayName":"X"})")), "409 700215");
  AdvanceDays(29);
  auto restored = server_.Patch(provider_, User(id), R"({"state":"active"})");
  ASSERT_TRUE(restored);
  ASSERT_EQ(restored->status, 200) << restored->body;
  EXPECT_EQ(JsonField(restored->body, "/state"), "active");
  EXPECT_EQ(JsonField(restored->body, "/softDeletionTime"), "");
  // Deleted again and 30 days pass: gone, and its name is free again.
  ASSERT_EQ(server_.Delete(provider_, User(id))->status, 204);
  AdvanceDays(30);
  EXPECT_EQ(Field(id, "/id"), "<404>");
  EXPECT_EQ(Outcome(server_.Patch(provider_, User(id), R"({"state":"active"})")), "404 60002");
  EXPECT_EQ(Count(Users() + inactive), 0);
  EXPECT_NE(CreateUser("leaver"), id);
}

TEST_F(CustomerUsersApiTest, UpdateNamesAndResetPasswords) {
  const std::string id = CreateUser("changer");
  auto res =
      server_.Patch(provider_, User(id),
                    R"({"displayName":"Changed Name","usageLocation":"gb","lastName":"Smith"})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/displayName"), "Changed Name");
  EXPECT_EQ(JsonField(res->body, "/usageLocation"), "GB");
  EXPECT_EQ(JsonField(res->body, "/firstName"), "Ann");
  EXPECT_EQ(Outcome(server_.Patch(provider_, User(id), R"({"state":"inactive"})")), "400 800002");
  EXPECT_EQ(Outcome(server_.Patch(provider_, User(id), R"({"displayName":""})")), "400 800002");
  // A Helpdesk agent resets passwords (a new temporary one, shown once) but changes nothing else.
  const std::string helpdesk = server_.UserToken(kProvider, kHelpdeskAgent);
  auto reset =
      server_.Patch(helpdesk, User(id), R"({"passwordProfile":{"forceChangePassword":true}})");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  const std::string password = JsonField(reset->body, "/passwordProfile/password");
  EXPECT_EQ(password.size(), 16u);
  EXPECT_FALSE(server_.CustomerToken(DemoCustomerId(kLitware), Upn("changer"), password).empty());
  EXPECT_EQ(Outcome(server_.Patch(helpdesk, User(id), R"({"displayName":"No"})")), "403 900150");
  EXPECT_EQ(Outcome(server_.Post(helpdesk, Users(), UserJson(Upn("nope")))), "403 900150");
}

TEST_F(CustomerUsersApiTest, DirectoryRolesAndTheLastGlobalAdministrator) {
  auto roles =
      server_.Get(provider_, "/v1/customers/" + DemoCustomerId(kLitware) + "/directoryroles");
  ASSERT_TRUE(roles);
  ASSERT_EQ(roles->status, 200) << roles->body;
  EXPECT_EQ(JsonField(roles->body, "/totalCount"), "6");
  EXPECT_EQ(JsonField(roles->body, "/items/0/name"), "Company Administrator");
  const std::string global = JsonField(roles->body, "/items/0/id");
  const std::string user_admin = JsonField(roles->body, "/items/1/id");
  const std::string members = "/v1/customers/" + DemoCustomerId(kLitware) + "/directoryroles/";
  auto admins = server_.Get(provider_, members + global + "/usermembers");
  ASSERT_TRUE(admins);
  EXPECT_EQ(JsonField(admins->body, "/totalCount"), "1");
  const std::string admin_id = JsonField(admins->body, "/items/0/id");
  EXPECT_EQ(JsonField(admins->body, "/items/0/userPrincipalName"), Upn("admin"));
  // The only Global Administrator stays.
  EXPECT_EQ(Outcome(server_.Delete(provider_, User(admin_id))), "409 700301");
  EXPECT_EQ(Outcome(server_.Delete(provider_, members + global + "/usermembers/" + admin_id)),
            "409 700301");

  const std::string id = CreateUser("helper");
  auto added =
      server_.Post(provider_, members + user_admin + "/usermembers", R"({"id":")" + id + "\"}");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(JsonField(added->body, "/roleId"), user_admin);
  EXPECT_EQ(JsonField(added->body, "/attributes/objectType"), "UserMember");
  EXPECT_EQ(Outcome(server_.Post(provider_, members + user_admin + "/usermembers",
                                 R"({"id":")" + id + "\"}")),
            "409 700409");
  auto mine = server_.Get(provider_, User(id) + "/directoryroles");
  ASSERT_TRUE(mine);
  EXPECT_EQ(JsonField(mine->body, "/items/0/id"), user_admin);
  EXPECT_EQ(Outcome(server_.Delete(provider_, members + user_admin + "/usermembers/" + id)),
            "204 ");
  EXPECT_EQ(Outcome(server_.Delete(provider_, members + user_admin + "/usermembers/" + id)),
            "404 1000");
  EXPECT_EQ(
      Outcome(server_.Get(provider_, members + "00000000-0000-4000-8000-000000000000/usermembers")),
      "404 1000");
  // With a second Global Administrator, the first may go; the new one can sign in as one.
  ASSERT_EQ(
      server_.Post(provider_, members + global + "/usermembers", R"({"id":")" + id + "\"}")->status,
      201);
  EXPECT_EQ(Outcome(server_.Delete(provider_, User(admin_id))), "204 ");
}

TEST_F(CustomerUsersApiTest, DelegatedAdminIsRequiredAndARevocationTakesEffect) {
  // Never related: nothing to see. Contoso, with delegated admin on Adatum (customer [0]), reads.
  EXPECT_EQ(Outcome(server_.Get(other_, Users())), "404 1000");
  EXPECT_EQ(Outcome(server_.Get(reseller_, Users(0))), "200 ");
  // The customer's Global Administrator revokes Contoso's delegated admin: 403 from then on.
  const auto& adatum = app::Demo().customers[0];
  const std::string customer = server_.CustomerToken(
      adatum.tenant_id, adatum.admin_user_principal_name, adatum.admin_password);
  ASSERT_FALSE(customer.empty());
  auto revoked = server_.Delete(
      customer, "/v1/customertenant/partners/" + DemoOf(kReseller).tenant_id + "/delegatedadmin");
  ASSERT_TRUE(revoked);
  ASSERT_EQ(revoked->status, 204) << revoked->body;
  EXPECT_EQ(Outcome(server_.Get(reseller_, Users(0))), "403 700213");
  EXPECT_EQ(Outcome(server_.Post(reseller_, Users(0), UserJson(Upn("x", 0)))), "403 700213");
  // A partner that drops its own delegated admin (the relationship stays) is refused the same way.
  auto dropped = server_.Patch(provider_, "/v1/customers/" + DemoCustomerId(kLitware),
                               R"({"allowDelegatedAccess":false})");
  ASSERT_TRUE(dropped);
  ASSERT_EQ(dropped->status, 200) << dropped->body;
  EXPECT_EQ(Outcome(server_.Get(provider_, Users())), "403 700213");
}

}  // namespace
}  // namespace csphub::testing
