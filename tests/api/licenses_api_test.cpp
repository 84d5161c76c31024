// Licenses over real sockets: units bought come from active subscriptions, assignments never
// exceed them (60012), a usage location is required, removing and assigning in one call, the
// users holding a SKU, releasing on delete, and a subscription that cannot go below the units
// in use (800090).
#include <gtest/gtest.h>

#include "support/directory_fixture.hpp"

namespace csphub::testing {
namespace {

const std::string kE3Offer = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004";
const std::string kBasicOffer = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4001";
const std::string kE3Sku = "CFQ7TTC0HE03:0001";
const std::string kBasicSku = "CFQ7TTC0HB01:0001";

class LicensesApiTest : public DirectoryApiBase {
 protected:
  void SetUp() override {
    auto mca = server_.Post(provider_, Customer() + "/agreements",
                            R"({"primaryContact":{"firstName":"Ann","lastName":"Lee",)"
                            R"("email":"ann@litware.example"},"dateAgreed":"2024-01-15"})");
    ASSERT_TRUE(mca);
    ASSERT_EQ(mca->status, 201) << mca->body;
    e3_ = Buy(kE3Offer, 2);
    Buy(kBasicOffer, 1);
  }
  static std::string Customer() { return "/v1/customers/" + DemoCustomerId(kLitware); }
  std::string Buy(const std::string& offer, int quantity) {
    auto res = server_.Post(provider_, Customer() + "/orders",
                            R"({"lineItems":[{"offerId":")" + offer + R"(","quantity":)" +
                                std::to_string(quantity) + "}]}");
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/lineItems/0/subscriptionId");
  }
  httplib::Result Assign(const std::string& user, const std::string& body,
                         const std::string& token = "") {
    return server_.Post(token.empty() ? provider_ : token, Users() + "/" + user + "/licenseupdates",
                        body);
  }
  static std::string AssignBody(const std::string& sku) {
    return R"({"licensesToAssign":[{"skuId":")" + sku + R"(","excludedPlans":[]}]})";
  }
  // The SKU's units as "active/consumed/available".
  std::string Units(const std::string& sku) {
    auto res = server_.Get(provider_, Customer() + "/subscribedskus");
    if (!res || res->status != 200) return "?";
    for (int i = 0; i < std::stoi(JsonField(res->body, "/totalCount")); ++i) {
      const std::string at = "/items/" + std::to_string(i);
      if (JsonField(res->body, at + "/productSku/id") != sku) continue;
      return JsonField(res->body, at + "/activeUnits") + "/" +
             JsonField(res->body, at + "/consumedUnits") + "/" +
             JsonField(res->body, at + "/availableUnits");
    }
    return "none";
  }
  httplib::Result SetQuantity(const std::string& sub, int quantity) {
    const std::string path = Customer() + "/subscriptions/" + sub;
    auto cur = server_.Get(provider_, path);
    return server_.Patch(provider_, path, R"({"quantity":)" + std::to_string(quantity) + "}",
                         {{"If-Match", cur ? JsonField(cur->body, "/attributes/etag") : "0"}});
  }

  std::string e3_;
};

TEST_F(LicensesApiTest, AssignmentsNeverExceedTheUnitsBought) {
  EXPECT_EQ(Units(kE3Sku), "2/0/2");
  EXPECT_EQ(Units(kBasicSku), "1/0/1");
  const std::string a = CreateUser("a"), b = CreateUser("b"), c = CreateUser("c");
  auto first = Assign(a, AssignBody(kE3Sku));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  EXPECT_EQ(JsonField(first->body, "/licensesToAssign/0/skuId"), kE3Sku);
  EXPECT_EQ(JsonField(first->body, "/attributes/objectType"), "LicenseUpdate");
  EXPECT_EQ(Outcome(Assign(b, AssignBody(kE3Sku))), "201 ");
  EXPECT_EQ(Units(kE3Sku), "2/2/0");
  auto out = Assign(c, AssignBody(kE3Sku));
  EXPECT_EQ(Outcome(out), "400 60012");
  EXPECT_NE(JsonField(out->body, "/description").find("Office Enterprise E3"), std::string::npos);
  // Assigning a held SKU again changes only its excluded plans; it takes no unit.
  EXPECT_EQ(
      Outcome(Assign(a, R"({"licensesToAssign":[{"skuId":")" + kE3Sku +
                            R"(","excludedPlans":["efb87545-963c-4e0d-99df-69c6916d9eb0"]}]})")),
      "201 ");
  auto held = server_.Get(provider_, Users() + "/" + a + "/licenses");
  ASSERT_TRUE(held);
  EXPECT_EQ(JsonField(held->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(held->body, "/items/0/productSku/id"), kE3Sku);
  EXPECT_EQ(JsonField(held->body, "/items/0/productSku/name"), "Office Enterprise E3");
  EXPECT_EQ(JsonField(held->body, "/items/0/excludedPlans/0"),
            "efb87545-963c-4e0d-99df-69c6916d9eb0");
  // Who holds E3: one indexed call.
  auto holders = server_.Get(provider_, Customer() + "/subscribedskus/" + kE3Sku + "/users");
  ASSERT_TRUE(holders);
  EXPECT_EQ(JsonField(holders->body, "/totalCount"), "2");
  EXPECT_EQ(JsonField(holders->body, "/items/0/id"), a);
  // Swap in one call: b gives E3 back and takes Basic; then c can have E3.
  EXPECT_EQ(Outcome(Assign(b, R"({"licensesToRemove":[")" + kE3Sku +
                                  R"("],"licensesToAssign":[{"skuId":")" + kBasicSku + R"("}]})")),
            "201 ");
  EXPECT_EQ(Units(kBasicSku), "1/1/0");
  EXPECT_EQ(Outcome(Assign(c, AssignBody(kE3Sku))), "201 ");
  // Deleting a user gives its licenses back.
  ASSERT_EQ(server_.Delete(provider_, Users() + "/" + c)->status, 204);
  EXPECT_EQ(Units(kE3Sku), "2/1/1");
  auto audit = server_.Get(provider_, "/v1/auditrecords");
  ASSERT_TRUE(audit);
  EXPECT_NE(audit->body.find("\"operationType\":\"update_customer_user_licenses\""),
            std::string::npos);
}

TEST_F(LicensesApiTest, BadUpdatesAreRefusedAndChangeNothing) {
  const std::string nowhere = CreateUser("nowhere", "");  // no usage location
  EXPECT_EQ(Outcome(Assign(nowhere, AssignBody(kE3Sku))), "400 700214");
  const std::string a = CreateUser("a");
  auto unknown = Assign(a, AssignBody("NOPE:0001"));
  EXPECT_EQ(Outcome(unknown), "400 800002");
  EXPECT_NE(JsonField(unknown->body, "/description").find("licensesToAssign[0].skuId"),
            std::string::npos);
  EXPECT_EQ(Outcome(Assign(a, "{}")), "400 800002");
  EXPECT_EQ(Outcome(Assign(a, R"({"licensesToAssign":[{"skuId":")" + kE3Sku +
                                  R"(","excludedPlans":["not-a-plan"]}]})")),
            "400 800002");
  // All or nothing: a good SKU with an unknown one assigns neither.
  EXPECT_EQ(Outcome(Assign(a, R"({"licensesToAssign":[{"skuId":")" + kE3Sku +
                                  R"("},{"skuId":"NOPE:0001"}]})")),
            "400 800002");
  EXPECT_EQ(Units(kE3Sku), "2/0/2");
  EXPECT_EQ(Outcome(Assign("00000000-0000-4000-8000-000000000000", AssignBody(kE3Sku))),
            "404 60002");
  // A Billing admin cannot assign licenses (reference §3.2); a Sales agent can.
  EXPECT_EQ(Outcome(Assign(a, AssignBody(kE3Sku), server_.UserToken(kProvider, kSalesAgent))),
            "201 ");
}

TEST_F(LicensesApiTest, ASubscriptionCannotGoBelowTheUnitsInUse) {
  const std::string a = CreateUser("a"), b = CreateUser("b");
  ASSERT_EQ(Outcome(Assign(a, AssignBody(kE3Sku))), "201 ");
  ASSERT_EQ(Outcome(Assign(b, AssignBody(kE3Sku))), "201 ");
  auto lower = SetQuantity(e3_, 1);
  EXPECT_EQ(Outcome(lower), "400 800090");
  EXPECT_NE(JsonField(lower->body, "/description").find("2 of Office Enterprise E3"),
            std::string::npos);
  // A second E3 subscription covers the units: then the first may go down.
  Buy(kE3Offer, 1);
  EXPECT_EQ(Outcome(SetQuantity(e3_, 1)), "200 ");
  EXPECT_EQ(Units(kE3Sku), "2/2/0");
  // Removing a license frees a unit, so it may go lower still... to 1 in all.
  ASSERT_EQ(Outcome(Assign(b, R"({"licensesToRemove":[")" + kE3Sku + R"("]})")), "201 ");
  EXPECT_EQ(Outcome(SetQuantity(e3_, 1)), "200 ");
  EXPECT_EQ(Units(kE3Sku), "2/1/1");
}

TEST_F(LicensesApiTest, LicensesNeedDelegatedAdmin) {
  const std::string a = CreateUser("a");
  auto dropped = server_.Patch(provider_, Customer(), R"({"allowDelegatedAccess":false})");
  ASSERT_TRUE(dropped);
  ASSERT_EQ(dropped->status, 200);
  EXPECT_EQ(Outcome(Assign(a, AssignBody(kE3Sku))), "403 700213");
  EXPECT_EQ(Outcome(server_.Get(provider_, Customer() + "/subscribedskus")), "403 700213");
  EXPECT_EQ(Outcome(server_.Get(other_, Customer() + "/subscribedskus")), "404 1000");
}

}  // namespace
}  // namespace csphub::testing
