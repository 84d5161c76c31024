// /v1/SelfServePolicy over real sockets: create / list / get / update (If-Match) / delete, one
// policy per partner and customer (600041), the known permissions, the grantor rules, roles,
// visibility (404 / 20002), the audit records and MS-RequestId replay.
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

const std::string& CustomerId(std::size_t i) { return app::Demo().customers[i].tenant_id; }
const std::string& TenantOf(DemoPartner p) { return app::Demo().partners[p].tenant_id; }
// Demo customers: [0] the provider's for the reseller; [2] the provider's own; [3] the
// direct-bill partner's.
constexpr std::size_t kResold = 0;
constexpr std::size_t kProvidersOwn = 2;
constexpr std::size_t kDirectsOwn = 3;

std::string PolicyJson(const std::string& customer,
                       const std::string& permissions =
                           R"([{"resource":"AzureReservedInstances","action":"Purchase"}])",
                       const std::string& grantor = R"({"grantorType":"billToPartner"})",
                       const std::string& entity_type = "customer") {
  return R"({"selfServeEntity":{"selfServeEntityType":")" + entity_type + R"(","tenantID":")" +
         customer + R"("},"grantor":)" + grantor + R"(,"permissions":)" + permissions + "}";
}

std::string PolicyId(DemoPartner grantor, std::size_t customer) {
  return TenantOf(grantor) + "_" + CustomerId(customer);
}

class SelfServePolicyApiTest : public ::testing::Test {
 protected:
  std::string Create(const std::string& token, std::size_t customer) {
    auto res = server_.Post(token, "/v1/SelfServePolicy", PolicyJson(CustomerId(customer)));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }
  int Count(const std::string& token, std::size_t customer) {
    auto res = server_.Get(token, "/v1/SelfServePolicy?entity_id=" + CustomerId(customer));
    return res && res->status == 200 ? std::stoi(JsonField(res->body, "/totalCount")) : -1;
  }
  void ExpectFieldError(const std::string& body, const std::string& field) {
    auto res = server_.Post(provider_, "/v1/SelfServePolicy", body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_NE(JsonField(res->body, "/description").find(field), std::string::npos) << res->body;
  }

  TestServer server_;
  std::string provider_ = server_.UserToken(kProvider, kAdminAgent);
  std::string reseller_ = server_.UserToken(kReseller, kGlobalAdmin);
  std::string other_ = server_.UserToken(kOtherReseller, kGlobalAdmin);
  std::string direct_ = server_.UserToken(kDirect, kGlobalAdmin);
};

TEST_F(SelfServePolicyApiTest, CreateReadUpdateDelete) {
  auto created =
      server_.Post(provider_, "/v1/SelfServePolicy", PolicyJson(CustomerId(kProvidersOwn)));
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string id = PolicyId(kProvider, kProvidersOwn);
  EXPECT_EQ(JsonField(created->body, "/id"), id);
  EXPECT_EQ(created->get_header_value("Location"), "/v1/SelfServePolicy/" + id);
  EXPECT_EQ(JsonField(created->body, "/selfServeEntity/selfServeEntityType"), "customer");
  EXPECT_EQ(JsonField(created->body, "/selfServeEntity/tenantID"), CustomerId(kProvidersOwn));
  EXPECT_EQ(JsonField(created->body, "/grantor/grantorType"), "billToPartner");
  EXPECT_EQ(JsonField(created->body, "/grantor/tenantID"), TenantOf(kProvider));
  EXPECT_EQ(JsonField(created->body, "/permissions/0/resource"), "AzureReservedInstances");
  EXPECT_EQ(JsonField(created->body, "/permissions/0/action"), "Purchase");
  EXPECT_EQ(JsonField(created->body, "/attributes/etag"), "1");
  EXPECT_EQ(JsonField(created->body, "/attributes/objectType"), "SelfServePolicy");
  EXPECT_EQ(created->get_header_value("ETag"), "\"1\"");

  auto got = server_.Get(provider_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->body, created->body);
  auto list = server_.Get(provider_, "/v1/SelfServePolicy?entity_id=" + CustomerId(kProvidersOwn));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(list->body, "/items/0/id"), id);
  EXPECT_EQ(Count(provider_, kResold), 0);

  // PUT with If-Match; the same permission twice (any case) is kept once.
  const std::string twice = R"([{"resource":"azurereservedinstances","action":"purchase"},)"
                            R"({"Resource":"AzureReservedInstances","Action":"Purchase"}])";
  auto updated = server_.Put(provider_, "/v1/SelfServePolicy/" + id,
                             PolicyJson(CustomerId(kProvidersOwn), twice), {{"If-Match", "\"1\""}});
  ASSERT_TRUE(updated);
  ASSERT_EQ(updated->status, 200) << updated->body;
  EXPECT_EQ(JsonField(updated->body, "/attributes/etag"), "2");
  EXPECT_EQ(JsonField(updated->body, "/permissions/0/resource"), "AzureReservedInstances");
  EXPECT_EQ(JsonField(updated->body, "/permissions/1/resource"), "");

  // A stale etag (header or body) is 412 / 2055; the current one in attributes works.
  auto stale = server_.Put(provider_, "/v1/SelfServePolicy/" + id,
                           PolicyJson(CustomerId(kProvidersOwn)), {{"If-Match", "1"}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 412) << stale->body;
  EXPECT_EQ(JsonField(stale->body, "/code"), "2055");
  std::string with_etag = PolicyJson(CustomerId(kProvidersOwn));
  with_etag.insert(with_etag.size() - 1, R"(,"attributes":{"etag":"2"})");
  auto by_body = server_.Put(provider_, "/v1/SelfServePolicy/" + id, with_etag);
  ASSERT_TRUE(by_body);
  EXPECT_EQ(by_body->status, 200) << by_body->body;
  EXPECT_EQ(JsonField(by_body->body, "/attributes/etag"), "3");
  auto no_etag =
      server_.Put(provider_, "/v1/SelfServePolicy/" + id, PolicyJson(CustomerId(kProvidersOwn)));
  ASSERT_TRUE(no_etag);
  EXPECT_EQ(no_etag->status, 400) << no_etag->body;

  auto deleted = server_.Delete(provider_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204) << deleted->body;
  auto gone = server_.Get(provider_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404) << gone->body;
  auto again = server_.Delete(provider_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404) << again->body;
  EXPECT_EQ(Count(provider_, kProvidersOwn), 0);

  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  for (const char* op :
       {"create_self_serve_policy", "update_self_serve_policy", "delete_self_serve_policy"}) {
    EXPECT_NE(audit->body.find(std::string("\"operationType\":\"") + op + "\""), std::string::npos)
        << op;
  }
}

TEST_F(SelfServePolicyApiTest, OnePerPartnerAndCustomer600041) {
  ASSERT_FALSE(Create(provider_, kProvidersOwn).empty());
  auto dup = server_.Post(provider_, "/v1/SelfServePolicy", PolicyJson(CustomerId(kProvidersOwn)));
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->status, 409) << dup->body;
  EXPECT_EQ(JsonField(dup->body, "/code"), "600041");
  // Another customer of the same partner is another policy.
  EXPECT_EQ(Create(provider_, kResold), PolicyId(kProvider, kResold));
  // And after a delete the pair is free again.
  auto deleted =
      server_.Delete(provider_, "/v1/SelfServePolicy/" + PolicyId(kProvider, kProvidersOwn));
  ASSERT_TRUE(deleted);
  ASSERT_EQ(deleted->status, 204);
  EXPECT_EQ(Create(provider_, kProvidersOwn), PolicyId(kProvider, kProvidersOwn));
}

TEST_F(SelfServePolicyApiTest, PermissionsAndPartiesAreValidated) {
  const std::string c = CustomerId(kProvidersOwn);
  ExpectFieldError(PolicyJson(c, R"([{"resource":"AzureSavingsPlan","action":"Purchase"}])"),
                   "permissions[0]");
  ExpectFieldError(PolicyJson(c, R"([{"resource":"AzureReservedInstances","action":"Cancel"}])"),
                   "permissions[0]");
  ExpectFieldError(PolicyJson(c, R"([{"resource":"AzureReservedInstances"}])"),
                   "permissions[0].action");
  ExpectFieldError(PolicyJson(c, "[]"), "permissions");
  ExpectFieldError(PolicyJson(c, R"("AzureReservedInstances")"), "permissions");
  ExpectFieldError(
      R"({"selfServeEntity":{"selfServeEntityType":"customer","tenantID":")" + c + R"("}})",
      "permissions");
  ExpectFieldError(PolicyJson(c, R"([{"resource":"AzureReservedInstances","action":"Purchase"}])",
                              R"({"grantorType":"billToPartner"})", "partner"),
                   "selfServeEntity.selfServeEntityType");
  ExpectFieldError(PolicyJson(c, R"([{"resource":"AzureReservedInstances","action":"Purchase"}])",
                              R"({"grantorType":"reseller"})"),
                   "grantor.grantorType");
  ExpectFieldError(
      PolicyJson(c, R"([{"resource":"AzureReservedInstances","action":"Purchase"}])",
                 R"({"grantorType":"billToPartner","tenantID":")" + TenantOf(kDirect) + R"("})"),
      "grantor.tenantID");
  ExpectFieldError(PolicyJson("not-a-guid"), "selfServeEntity.tenantID");
  ExpectFieldError(PolicyJson(""), "selfServeEntity.tenantID");
  EXPECT_EQ(Count(provider_, kProvidersOwn), 0);

  // The caller's own tenant ID as grantor is fine.
  auto own = server_.Post(
      provider_, "/v1/SelfServePolicy",
      PolicyJson(c, R"([{"resource":"AzureReservedInstances","action":"Purchase"}])",
                 R"({"grantorType":"BillToPartner","tenantID":")" + TenantOf(kProvider) + R"("})"));
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 201) << own->body;

  auto no_entity = server_.Get(provider_, "/v1/SelfServePolicy");
  ASSERT_TRUE(no_entity);
  EXPECT_EQ(no_entity->status, 400) << no_entity->body;
  EXPECT_NE(JsonField(no_entity->body, "/description").find("entity_id"), std::string::npos);
}

TEST_F(SelfServePolicyApiTest, OnlyTheBillToPartnerGrants) {
  auto res = server_.Post(reseller_, "/v1/SelfServePolicy", PolicyJson(CustomerId(kResold)));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << res->body;
  EXPECT_EQ(JsonField(res->body, "/code"), "700204");
  EXPECT_EQ(Count(reseller_, kResold), 0);
  // A direct-bill partner grants for its own customers.
  EXPECT_EQ(Create(direct_, kDirectsOwn), PolicyId(kDirect, kDirectsOwn));
}

TEST_F(SelfServePolicyApiTest, VisibilityUnrelated404Removed20002OthersPolicies404) {
  ASSERT_FALSE(Create(provider_, kResold).empty());
  for (const std::string& token : {other_, direct_}) {
    auto post = server_.Post(token, "/v1/SelfServePolicy", PolicyJson(CustomerId(kResold)));
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 404) << post->body;
    auto list = server_.Get(token, "/v1/SelfServePolicy?entity_id=" + CustomerId(kResold));
    ASSERT_TRUE(list);
    EXPECT_EQ(list->status, 404) << list->body;
  }
  // The reseller is related to the customer but the policy is the provider's: it sees none,
  // and the provider's policy ID is not found for it.
  EXPECT_EQ(Count(reseller_, kResold), 0);
  const std::string id = PolicyId(kProvider, kResold);
  auto theirs = server_.Get(reseller_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->status, 404) << theirs->body;
  auto delete_theirs = server_.Delete(reseller_, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(delete_theirs);
  EXPECT_EQ(delete_theirs->status, 404) << delete_theirs->body;
  auto malformed = server_.Get(provider_, "/v1/SelfServePolicy/not-an-id");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 404) << malformed->body;

  // After the provider removes its relationship: 403 / 20002 on every call.
  ASSERT_FALSE(Create(provider_, kProvidersOwn).empty());
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto removed = server_.Patch(admin, "/v1/customers/" + CustomerId(kProvidersOwn),
                               R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  const std::string own_id = PolicyId(kProvider, kProvidersOwn);
  auto get = server_.Get(provider_, "/v1/SelfServePolicy/" + own_id);
  auto list = server_.Get(provider_, "/v1/SelfServePolicy?entity_id=" + CustomerId(kProvidersOwn));
  auto del = server_.Delete(provider_, "/v1/SelfServePolicy/" + own_id);
  for (const auto* res : {&get, &list, &del}) {
    ASSERT_TRUE(*res);
    EXPECT_EQ((*res)->status, 403) << (*res)->body;
    EXPECT_EQ(JsonField((*res)->body, "/code"), "20002");
  }
}

TEST_F(SelfServePolicyApiTest, SalesAndHelpdeskAgentsReadOnly) {
  const std::string id = Create(provider_, kProvidersOwn);
  ASSERT_FALSE(id.empty());
  for (DemoRole role : {kSalesAgent, kHelpdeskAgent}) {
    const std::string token = server_.UserToken(kProvider, role);
    auto get = server_.Get(token, "/v1/SelfServePolicy/" + id);
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 200) << get->body;
    EXPECT_EQ(Count(token, kProvidersOwn), 1);
    auto del = server_.Delete(token, "/v1/SelfServePolicy/" + id);
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 403) << del->body;
    EXPECT_EQ(JsonField(del->body, "/code"), "900150");
  }
  // The Global admin toggles too.
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto del = server_.Delete(admin, "/v1/SelfServePolicy/" + id);
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 204) << del->body;
}

TEST_F(SelfServePolicyApiTest, ReplayWithTheSameRequestIdIsNot600041) {
  const httplib::Headers id = {{"MS-RequestId", "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"}};
  const std::string body = PolicyJson(CustomerId(kProvidersOwn));
  auto first = server_.Post(provider_, "/v1/SelfServePolicy", body, id);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto replay = server_.Post(provider_, "/v1/SelfServePolicy", body, id);
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 201) << replay->body;
  EXPECT_EQ(replay->body, first->body);
  EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(Count(provider_, kProvidersOwn), 1);
}

}  // namespace
}  // namespace csphub::testing
