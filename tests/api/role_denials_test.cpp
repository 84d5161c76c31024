// The role matrix over real sockets: for every route that checks a partner role, each role the
// matrix forbids gets 403 / code 900150 with a description naming the allowed roles, and each
// role it allows gets past the role check.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

const char* const kAllRoles[] = {"GlobalAdmin",   "AdminAgent",          "SalesAgent",
                                 "HelpdeskAgent", "UserManagementAdmin", "BillingAdmin"};

std::string DisplayName(const std::string& role) {
  static const std::map<std::string, std::string> kNames = {
      {"GlobalAdmin", "Global admin"},
      {"AdminAgent", "Admin agent"},
      {"SalesAgent", "Sales agent"},
      {"HelpdeskAgent", "Helpdesk agent"},
      {"UserManagementAdmin", "User management admin"},
      {"BillingAdmin", "Billing admin"}};
  return kNames.at(role);
}

struct Operation {
  std::string method;
  std::string path;
  std::string body;
  std::set<std::string> allowed;
};

const std::set<std::string> kUserAdmins = {"GlobalAdmin", "UserManagementAdmin"};
const std::set<std::string> kPartnershipRoles = {"GlobalAdmin", "AdminAgent", "SalesAgent",
                                                 "UserManagementAdmin"};

const std::set<std::string> kCustomerViewers = {"GlobalAdmin", "AdminAgent", "SalesAgent",
                                                "HelpdeskAgent"};

const char* const kBillingBody =
    R"({"firstName":"Ann","lastName":"Lee","email":"ann@fabrikam.example","culture":"en-US",)"
    R"("language":"en","companyName":"Fabrikam Denied","attributes":{"etag":"1"},)"
    R"("defaultAddress":{"country":"US","city":"Redmond","state":"WA",)"
    R"("addressLine1":"1 Main St","postalCode":"98052"}})";

// A customer's users: Global admin, Admin agent and User management admin manage them; every role
// that assigns licenses (all but Billing admin) reads them and assigns licenses (reference §3.2).
const std::set<std::string> kCustomerUserManagers = {"GlobalAdmin", "AdminAgent",
                                                     "UserManagementAdmin"};
const std::set<std::string> kCustomerUserViewers = {"GlobalAdmin", "AdminAgent", "SalesAgent",
                                                    "HelpdeskAgent", "UserManagementAdmin"};

// Orders and subscriptions: every role but the User management admin (reference §3.2).
const std::set<std::string> kBuyers = {"GlobalAdmin", "AdminAgent", "SalesAgent", "HelpdeskAgent",
                                       "BillingAdmin"};

// Customer permissions: the Admin agent toggles, Sales and Helpdesk agents read (reference §3.2).
const std::set<std::string> kPolicyManagers = {"GlobalAdmin", "AdminAgent"};

std::string SelfServePolicyBody(const std::string& customer, const std::string& etag) {
  std::string body = R"({"selfServeEntity":{"selfServeEntityType":"customer","tenantID":")" +
                     customer + R"("},"grantor":{"grantorType":"billToPartner"},)" +
                     R"("permissions":[{"resource":"AzureReservedInstances","action":"Purchase"}])";
  if (!etag.empty()) body += R"(,"attributes":{"etag":")" + etag + R"("})";
  return body + "}";
}

std::vector<Operation> Operations() {
  const std::string some_id = "00000000-0000-4000-8000-000000000001";
  // A made-up customer of the provider's: allowed roles get 404 past the role check.
  const std::string policy_id = app::Demo().partners[kProvider].tenant_id + "_" + some_id;
  const std::string customer_body =
      R"({"companyProfile":{"domain":"roledenied"},"billingProfile":)" + std::string(kBillingBody) +
      "}";
  const std::string subscription = "/v1/customers/" + some_id + "/subscriptions/" + some_id;
  const std::string users = "/v1/customers/" + some_id + "/users";
  const std::string role_members =
      "/v1/customers/" + some_id +
      "/directoryroles/62e90394-69f5-4237-9190-012177145e10/usermembers";
  const std::string transfers = "/v1/customers/" + some_id + "/transfers";
  const std::string transfer = transfers + "/" + some_id;
  return {
      {"GET", "/v1/customers", "", kCustomerViewers},
      {"POST",
       "/v1/customers",
       customer_body,
       {"GlobalAdmin", "AdminAgent", "SalesAgent", "UserManagementAdmin"}},
      {"GET", "/v1/customers/" + some_id, "", kCustomerViewers},
      {"GET", "/v1/customers/" + some_id + "/profiles/billing", "", kCustomerViewers},
      {"PUT", "/v1/customers/" + some_id + "/profiles/billing", kBillingBody, kCustomerViewers},
      {"PATCH",
       "/v1/customers/" + some_id,
       R"({"relationshipToPartner":"none"})",
       {"GlobalAdmin", "AdminAgent"}},
      {"PATCH",
       "/v1/customers/" + some_id,
       R"({"allowDelegatedAccess":false})",
       {"GlobalAdmin", "AdminAgent"}},
      {"POST",
       "/v1/customers/" + some_id + "/agreements",
       R"({"primaryContact":{"firstName":"Ann","lastName":"Lee","email":"ann@fabrikam.example"},)"
       R"("dateAgreed":"2024-01-15","type":"MicrosoftCustomerAgreement"})",
       {"GlobalAdmin", "AdminAgent", "SalesAgent"}},
      {"GET", "/v1/customers/" + some_id + "/agreements", "", kCustomerViewers},
      {"POST", "/v1/SelfServePolicy", SelfServePolicyBody(some_id, ""), kPolicyManagers},
      {"GET", "/v1/SelfServePolicy?entity_id=" + some_id, "", kCustomerViewers},
      {"GET", "/v1/SelfServePolicy/" + policy_id, "", kCustomerViewers},
      {"PUT", "/v1/SelfServePolicy/" + policy_id, SelfServePolicyBody(some_id, "1"),
       kPolicyManagers},
      {"DELETE", "/v1/SelfServePolicy/" + policy_id, "", kPolicyManagers},
      {"POST", "/v1/customers/" + some_id + "/orders",
       R"({"lineItems":[{"offerId":"x","quantity":1}]})", kBuyers},
      {"GET", "/v1/customers/" + some_id + "/orders", "", kBuyers},
      {"GET", "/v1/customers/" + some_id + "/subscriptions", "", kBuyers},
      {"GET", subscription, "", kBuyers},
      {"GET", subscription + "/events", "", kBuyers},
      {"PATCH", subscription, R"({"quantity":2,"attributes":{"etag":"1"}})", kBuyers},
      {"PATCH",
       subscription,
       R"({"partnerId":"2000002","attributes":{"etag":"1"}})",
       {"GlobalAdmin", "AdminAgent", "SalesAgent"}},
      {"GET", subscription + "/supportcontact", "", kBuyers},
      {"PUT",
       subscription + "/supportcontact",
       R"({"supportMpnId":"2000002"})",
       {"GlobalAdmin", "AdminAgent", "HelpdeskAgent"}},
      // Transfers: a Global admin changes them (reference §3.2), subscription viewers read.
      {"POST",
       transfers,
       R"({"targetPartnerTenantId":")" + some_id + R"(","lineItems":[{"subscriptionId":")" +
           some_id + R"("}]})",
       {"GlobalAdmin"}},
      {"GET", transfers, "", kBuyers},
      {"GET", transfer, "", kBuyers},
      {"POST", transfer + "/accept", "", {"GlobalAdmin"}},
      {"PATCH", transfer, R"({"status":"reject"})", {"GlobalAdmin"}},
      {"DELETE", transfer, "", {"GlobalAdmin"}},
      {"POST", users, R"({"userPrincipalName":"x@x.example","displayName":"X"})",
       kCustomerUserManagers},
      {"GET", users, "", kCustomerUserViewers},
      {"GET", users + "/" + some_id, "", kCustomerUserViewers},
      {"PATCH", users + "/" + some_id, R"({"displayName":"X"})", kCustomerUserManagers},
      {"PATCH",
       users + "/" + some_id,
       R"({"passwordProfile":{"forceChangePassword":true}})",
       {"GlobalAdmin", "AdminAgent", "HelpdeskAgent", "UserManagementAdmin"}},
      {"DELETE", users + "/" + some_id, "", kCustomerUserManagers},
      {"GET", "/v1/customers/" + some_id + "/directoryroles", "", kCustomerUserViewers},
      {"POST", role_members, R"({"id":")" + some_id + R"("})", kCustomerUserManagers},
      {"DELETE", role_members + "/" + some_id, "", kCustomerUserManagers},
      {"GET", "/v1/customers/" + some_id + "/subscribedskus", "", kCustomerUserViewers},
      {"POST", users + "/" + some_id + "/licenseupdates",
       R"({"licensesToAssign":[{"skuId":"A:B"}]})", kCustomerUserViewers},
      {"GET", "/v1/users", "", kUserAdmins},
      {"POST", "/v1/users",
       R"({"userPrincipalName":"denied","displayName":"Denied","roles":["SalesAgent"]})",
       kUserAdmins},
      {"PATCH", "/v1/users/" + some_id, R"({"displayName":"X"})", kUserAdmins},
      {"DELETE", "/v1/users/" + some_id, "", kUserAdmins},
      {"POST", "/v1/users/" + some_id + "/resetpassword", "{}", kUserAdmins},
      {"GET", "/v1/apps", "", {"GlobalAdmin"}},
      {"POST", "/v1/apps", R"({"displayName":"Denied app"})", {"GlobalAdmin"}},
      {"POST", "/v1/apps/" + some_id + "/secret", "{}", {"GlobalAdmin"}},
      {"DELETE", "/v1/apps/" + some_id, "", {"GlobalAdmin"}},
      {"GET", "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf", "",
       kPartnershipRoles},
      {"GET", "/v1/relationships/invitations", "", kPartnershipRoles},
      {"POST", "/v1/relationships/invitations", "{}", kPartnershipRoles},
      {"DELETE", "/v1/relationships/" + some_id, "", kPartnershipRoles},
      {"POST",
       "/v1/relationships/invitations/accept",
       R"({"token":"not-a-real-token"})",
       {"GlobalAdmin", "AdminAgent"}},
      {"GET",
       "/v1/auditrecords",
       "",
       {"GlobalAdmin", "AdminAgent", "SalesAgent", "HelpdeskAgent", "UserManagementAdmin",
        "BillingAdmin"}},
  };
}

// Allowed GETs answer 200, except those of the made-up customer ID: 404 past the role check.
bool ExpectsOk(const Operation& op) {
  return op.method == "GET" && op.path.find("00000000-0000-4000") == std::string::npos;
}

httplib::Result Call(TestServer& s, const std::string& token, const Operation& op) {
  if (op.method == "GET") return s.Get(token, op.path);
  if (op.method == "POST") return s.Post(token, op.path, op.body);
  if (op.method == "PATCH") return s.Patch(token, op.path, op.body);
  if (op.method == "PUT") return s.Put(token, op.path, op.body);
  return s.Delete(token, op.path);
}

class RoleDenialsTest : public ::testing::Test {
 protected:
  // Creates a user of the provider with one role, changes its temporary password and returns
  // a fresh token.
  std::string MakeUser(const std::string& local, const std::string& role) {
    const auto& p = app::Demo().partners[kProvider];
    const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
    auto created = server_.Post(admin, "/v1/users",
                                R"({"userPrincipalName":")" + local + R"(","displayName":")" +
                                    local + R"(","roles":[")" + role + R"("]})");
    EXPECT_TRUE(created);
    if (!created) return "";
    EXPECT_EQ(created->status, 201) << created->body;
    const std::string temporary = JsonField(created->body, "/passwordProfile/password");
    EXPECT_FALSE(temporary.empty()) << created->body;
    const std::string upn = local + "@" + p.domain;
    const std::string first = server_.Token(p.tenant_id, upn, temporary);
    EXPECT_FALSE(first.empty());
    auto changed = server_.Post(
        first, "/v1/me/password",
        R"({"currentPassword":")" + temporary + R"(","newPassword":"Another-Pass-2026"})");
    EXPECT_TRUE(changed);
    if (changed) {
      EXPECT_EQ(changed->status, 204) << changed->body;
    }
    return server_.Token(p.tenant_id, upn, "Another-Pass-2026");
  }

  std::map<std::string, std::string> AllRoleTokens() {
    std::map<std::string, std::string> t;
    t["GlobalAdmin"] = server_.UserToken(kProvider, kGlobalAdmin);
    t["AdminAgent"] = server_.UserToken(kProvider, kAdminAgent);
    t["SalesAgent"] = server_.UserToken(kProvider, kSalesAgent);
    t["HelpdeskAgent"] = server_.UserToken(kProvider, kHelpdeskAgent);
    t["UserManagementAdmin"] = MakeUser("uma", "UserManagementAdmin");
    t["BillingAdmin"] = MakeUser("billing", "BillingAdmin");
    for (const auto& [role, token] : t) EXPECT_FALSE(token.empty()) << role;
    return t;
  }

  TestServer server_;
};

TEST_F(RoleDenialsTest, EveryForbiddenCellIsDeniedWith900150NamingAllowedRoles) {
  const auto tokens = AllRoleTokens();
  int denied_cells = 0;
  for (const Operation& op : Operations()) {
    for (const char* role : kAllRoles) {
      if (op.allowed.count(role) != 0) continue;
      SCOPED_TRACE(op.method + " " + op.path + " as " + role);
      auto res = Call(server_, tokens.at(role), op);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << res->body;
      EXPECT_EQ(JsonField(res->body, "/code"), "900150") << res->body;
      const std::string description = JsonField(res->body, "/description");
      for (const auto& allowed : op.allowed) {
        EXPECT_NE(description.find(DisplayName(allowed)), std::string::npos)
            << "description should name " << DisplayName(allowed) << ": " << description;
      }
      ++denied_cells;
    }
  }
  // 5 user ops × 4 roles + 4 app ops × 5 + 4 partnership ops × 2 + accept × 4 + audit × 0,
  // then customers: 5 view/update/add ops × 2 + 2 PATCH ops × 4; agreements: POST × 3 + GET × 2;
  // self-serve policies: 3 writes × 4 + 2 reads × 2; orders and subscriptions 13; transfers:
  // 4 writes × 5 + 2 reads × 1.
  EXPECT_EQ(denied_cells, 20 + 20 + 8 + 4 + 10 + 8 + 3 + 2 + 12 + 4 + 13 + 22 + 22);
}

TEST_F(RoleDenialsTest, EveryAllowedCellPassesTheRoleCheck) {
  const auto tokens = AllRoleTokens();
  for (const Operation& op : Operations()) {
    // Writes that would change state for the later cells are checked only for "not 900150".
    for (const std::string& role : op.allowed) {
      SCOPED_TRACE(op.method + " " + op.path + " as " + role);
      auto res = Call(server_, tokens.at(role), op);
      ASSERT_TRUE(res);
      EXPECT_NE(JsonField(res->body, "/code"), "900150") << res->body;
      if (ExpectsOk(op)) {
        EXPECT_EQ(res->status, 200) << res->body;
      }
    }
  }
}

TEST_F(RoleDenialsTest, AuditRecordsAreOpenToAllSixRoles) {
  const auto tokens = AllRoleTokens();
  for (const char* role : kAllRoles) {
    SCOPED_TRACE(role);
    auto res = server_.Get(tokens.at(role), "/v1/auditrecords");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
}

TEST_F(RoleDenialsTest, TemporaryPasswordTokenIsRefusedWith700101UntilChanged) {
  const auto& p = app::Demo().partners[kProvider];
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto created = server_.Post(
      admin, "/v1/users",
      R"({"userPrincipalName":"uma","displayName":"UMA","roles":["UserManagementAdmin"]})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string temporary = JsonField(created->body, "/passwordProfile/password");
  ASSERT_FALSE(temporary.empty());
  const std::string upn = "uma@" + p.domain;
  const std::string token = server_.Token(p.tenant_id, upn, temporary);
  ASSERT_FALSE(token.empty());

  for (const std::string path : {"/v1/users", "/v1/auditrecords", "/v1/apps"}) {
    SCOPED_TRACE(path);
    auto res = server_.Get(token, path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    EXPECT_EQ(JsonField(res->body, "/code"), "700101") << res->body;
  }
  // /v1/me stays open so the user can see who they are.
  auto me = server_.Get(token, "/v1/me");
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200) << me->body;

  auto changed = server_.Post(
      token, "/v1/me/password",
      R"({"currentPassword":")" + temporary + R"(","newPassword":"Another-Pass-2026"})");
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 204) << changed->body;
  // The old token still carries the flag; a fresh token works.
  const std::string fresh = server_.Token(p.tenant_id, upn, "Another-Pass-2026");
  ASSERT_FALSE(fresh.empty());
  auto users = server_.Get(fresh, "/v1/users");
  ASSERT_TRUE(users);
  EXPECT_EQ(users->status, 200) << users->body;
}

TEST_F(RoleDenialsTest, PartnerTokensAreDeniedOnAdminRoutes) {
  const std::string token = server_.UserToken(kProvider, kGlobalAdmin);
  ASSERT_FALSE(token.empty());
  auto list = server_.Get(token, "/admin/v1/partners");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 403) << list->body;
  auto get = server_.Get(token, "/admin/v1/partners/" + app::Demo().partners[kProvider].tenant_id);
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 403) << get->body;
  auto enroll = server_.Post(
      token, "/admin/v1/partners",
      R"({"name":"Sneaky Ltd","country":"US","programs":["indirect_reseller"],"mpnId":"777"})");
  ASSERT_TRUE(enroll);
  EXPECT_EQ(enroll->status, 403) << enroll->body;
  const std::string app_token = server_.AppToken(kProvider);
  auto by_app = server_.Get(app_token, "/admin/v1/partners");
  ASSERT_TRUE(by_app);
  EXPECT_EQ(by_app->status, 403) << by_app->body;
}

TEST_F(RoleDenialsTest, OperatorTokenIsDeniedOnPartnerRoutes) {
  const std::string op = server_.OperatorToken();
  ASSERT_FALSE(op.empty());
  for (const std::string path : {"/v1/users", "/v1/apps", "/v1/relationships/invitations"}) {
    SCOPED_TRACE(path);
    auto res = server_.Get(op, path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
  }
  auto admin = server_.Get(op, "/admin/v1/partners");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200) << admin->body;
}

TEST_F(RoleDenialsTest, AppTokenActsAsAdminAgent) {
  const std::string app = server_.AppToken(kProvider);
  ASSERT_FALSE(app.empty());
  for (const Operation& op : Operations()) {
    SCOPED_TRACE(op.method + " " + op.path + " as app (Admin agent)");
    // Partnership writes would change state; the GETs and the denials are enough here.
    const bool allowed = op.allowed.count("AdminAgent") != 0;
    if (allowed && op.method != "GET") continue;
    auto res = Call(server_, app, op);
    ASSERT_TRUE(res);
    if (allowed) {
      EXPECT_NE(JsonField(res->body, "/code"), "900150") << res->body;
      if (ExpectsOk(op)) {
        EXPECT_EQ(res->status, 200) << res->body;
      }
    } else {
      EXPECT_EQ(res->status, 403) << res->body;
      EXPECT_EQ(JsonField(res->body, "/code"), "900150") << res->body;
    }
  }
}

}  // namespace
}  // namespace csphub::testing
