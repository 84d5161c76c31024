// The catalog over real sockets: offers, the product → SKU → availability tree, the
// customer-scoped catalog, the orderable-offer lookup, and PUT /admin/v1/catalog. The test
// server seeds the demo catalog (catalog/demo-catalog.json).
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

const std::string kBasic = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4001";
const std::string kPremium = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4003";  // US and GB only
const std::string kE3 = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004";
const std::string kPhone = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4005";    // add-on, not in RU
const std::string kRetired = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4008";  // not for sale
const std::string kAzure = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4009";
const std::string kAdatum = "c1111111-0000-4000-8000-000000000001";  // Northwind's, US

class CatalogApiTest : public ::testing::Test {
 protected:
  httplib::Result Get(const std::string& path) { return server_.Get(token_, path); }
  void ExpectStatus(const std::string& path, int status, const std::string& code = {}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, status) << path << " " << res->body;
    if (!code.empty()) {
      EXPECT_EQ(JsonField(res->body, "/code"), code) << res->body;
    }
  }

  TestServer server_;
  std::string token_ = server_.UserToken(kProvider, kSalesAgent);
};

TEST_F(CatalogApiTest, OffersListIsACollectionOfOffersSoldInTheCountry) {
  auto res = Get("/v1/offers?country=us&locale=en-GB");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "Collection");
  EXPECT_EQ(JsonField(res->body, "/totalCount"), "9");
  EXPECT_EQ(JsonField(res->body, "/items/0/id"), kBasic);  // rank order
  EXPECT_EQ(JsonField(res->body, "/items/0/attributes/objectType"), "Offer");
  EXPECT_EQ(JsonField(res->body, "/items/0/country"), "US");
  EXPECT_EQ(JsonField(res->body, "/items/0/locale"), "en-GB");
  EXPECT_EQ(JsonField(res->body, "/items/0/minimumQuantity"), "1");
  EXPECT_EQ(JsonField(res->body, "/items/0/maximumQuantity"), "300");
  EXPECT_EQ(JsonField(res->body, "/items/0/billing"), "license");
  EXPECT_EQ(JsonField(res->body, "/items/0/supportedBillingCycles/1"), "annual");
  EXPECT_EQ(JsonField(res->body, "/items/0/category/id"), "Office365");
  EXPECT_EQ(JsonField(res->body, "/items/0/links/sku/uri"),
            "/products/CFQ7TTC0HB01/skus/0001?country=US");

  // RU: no Premium (US, GB only), no phone add-on, no retired US-only offer.
  auto ru = Get("/v1/offers?country=RU");
  ASSERT_TRUE(ru);
  ASSERT_EQ(ru->status, 200);
  EXPECT_EQ(JsonField(ru->body, "/totalCount"), "6") << ru->body;
  // (Basic still names Premium as an upgrade target: only the offers themselves go.)
  EXPECT_EQ(ru->body.find("\"id\":\"" + kPremium), std::string::npos);
  EXPECT_EQ(ru->body.find("\"id\":\"" + kPhone), std::string::npos);
  // A country the catalog does not sell in: an empty list, not an error.
  auto fr = Get("/v1/offers?country=FR");
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->status, 200);
  EXPECT_EQ(JsonField(fr->body, "/totalCount"), "0");
}

TEST_F(CatalogApiTest, CountryIsRequiredAndMustBeACountry) {
  for (const std::string& path :
       std::vector<std::string>{"/v1/offers", "/v1/offers/" + kBasic, "/v1/products",
                                "/v1/products/CFQ7TTC0HB01/skus"}) {
    auto res = Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_NE(res->body.find("'country'"), std::string::npos) << res->body;
  }
  ExpectStatus("/v1/offers?country=XX", 400);
}

TEST_F(CatalogApiTest, OfferByIdIsFoundOnlyWhereItIsSold) {
  auto res = Get("/v1/offers/" + ToLower(kPhone) + "?country=GB");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/id"), kPhone);
  EXPECT_EQ(JsonField(res->body, "/isAddOn"), "true");
  EXPECT_EQ(JsonField(res->body, "/prerequisiteOffers/0"), kE3);
  EXPECT_EQ(JsonField(res->body, "/attributes/objectType"), "Offer");
  auto e3 = Get("/v1/offers/" + kE3 + "?country=GB");
  ASSERT_TRUE(e3);
  EXPECT_EQ(JsonField(e3->body, "/hasAddOns"), "true");
  EXPECT_EQ(JsonField(e3->body, "/termDurations/2"), "P3Y");
  ExpectStatus("/v1/offers/" + kPhone + "?country=RU", 404, "1000");
  ExpectStatus("/v1/offers/" + kPremium + "?country=DE", 404, "1000");
  ExpectStatus("/v1/offers/NO-SUCH-OFFER?country=US", 404, "1000");
  // Not for sale, but still readable (existing subscriptions name it).
  ExpectStatus("/v1/offers/" + kRetired + "?country=US", 200);
}

TEST_F(CatalogApiTest, ProductTreeWithViewsSkusAndAvailabilities) {
  auto all = Get("/v1/products?country=US");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->status, 200) << all->body;
  EXPECT_EQ(JsonField(all->body, "/totalCount"), "7");
  auto azure = Get("/v1/products?country=US&targetView=azure");
  ASSERT_TRUE(azure);
  EXPECT_EQ(JsonField(azure->body, "/totalCount"), "1") << azure->body;
  EXPECT_EQ(JsonField(azure->body, "/items/0/id"), "DZH318Z0AZ01");
  EXPECT_EQ(JsonField(azure->body, "/items/0/productType/id"), "Azure");
  EXPECT_EQ(JsonField(azure->body, "/items/0/attributes/objectType"), "Product");
  auto online = Get("/v1/products?country=US&targetView=OnlineServices&targetSegment=education");
  ASSERT_TRUE(online);
  EXPECT_EQ(JsonField(online->body, "/totalCount"), "1") << online->body;
  EXPECT_EQ(JsonField(online->body, "/items/0/id"), "CFQ7TTC0HE03");
  auto de = Get("/v1/products?country=DE");
  ASSERT_TRUE(de);
  EXPECT_EQ(JsonField(de->body, "/totalCount"), "6");  // no Premium

  auto product = Get("/v1/products/cfq7ttc0he03?country=US");
  ASSERT_TRUE(product);
  ASSERT_EQ(product->status, 200) << product->body;
  EXPECT_EQ(JsonField(product->body, "/title"), "Office Enterprise E3");
  EXPECT_EQ(JsonField(product->body, "/links/skus/uri"), "/products/CFQ7TTC0HE03/skus?country=US");
  ExpectStatus("/v1/products/CFQ7TTC0HB03?country=DE", 404, "1000");
  ExpectStatus("/v1/products/NOPE?country=US", 404, "1000");

  auto skus = Get("/v1/products/CFQ7TTC0HB01/skus?country=US");
  ASSERT_TRUE(skus);
  ASSERT_EQ(skus->status, 200) << skus->body;
  EXPECT_EQ(JsonField(skus->body, "/totalCount"), "2");
  EXPECT_EQ(JsonField(skus->body, "/items/1/isTrial"), "true");
  EXPECT_EQ(JsonField(skus->body, "/items/0/attributes/objectType"), "Sku");
  EXPECT_EQ(JsonField(skus->body, "/items/0/supportedBillingCycles/0"), "monthly");
  // CA sells Basic but not the trial.
  auto ca = Get("/v1/products/CFQ7TTC0HB01/skus?country=CA");
  ASSERT_TRUE(ca);
  EXPECT_EQ(JsonField(ca->body, "/totalCount"), "1");

  auto sku = Get("/v1/products/CFQ7TTC0HP01/skus/0001?country=GB");
  ASSERT_TRUE(sku);
  ASSERT_EQ(sku->status, 200) << sku->body;
  EXPECT_EQ(JsonField(sku->body, "/maximumQuantity"), "10000");
  EXPECT_EQ(JsonField(sku->body, "/dynamicAttributes/isAddon"), "true");
  EXPECT_EQ(JsonField(sku->body, "/dynamicAttributes/prerequisiteSkus/0"), "CFQ7TTC0HE03:0001");
  ExpectStatus("/v1/products/CFQ7TTC0HP01/skus/0001?country=RU", 404);
  ExpectStatus("/v1/products/CFQ7TTC0HP01/skus/9999?country=GB", 404);

  auto av = Get("/v1/products/CFQ7TTC0HE03/skus/0001/availabilities?country=GB");
  ASSERT_TRUE(av);
  ASSERT_EQ(av->status, 200) << av->body;
  EXPECT_EQ(JsonField(av->body, "/totalCount"), "1");  // the education one is US only
  EXPECT_EQ(JsonField(av->body, "/items/0/catalogItemId"), "CFQ7TTC0HE03:0001:DZH318Z0HE3A");
  EXPECT_EQ(JsonField(av->body, "/items/0/defaultCurrency/code"), "GBP");
  EXPECT_EQ(JsonField(av->body, "/items/0/country"), "GB");
  EXPECT_EQ(JsonField(av->body, "/items/0/terms/4/duration"), "P3Y");
  EXPECT_EQ(JsonField(av->body, "/items/0/terms/4/billingCycle"), "triennial");
  EXPECT_EQ(JsonField(av->body, "/items/0/attributes/objectType"), "Availability");
  auto us = Get("/v1/products/CFQ7TTC0HE03/skus/0001/availabilities?country=US");
  ASSERT_TRUE(us);
  EXPECT_EQ(JsonField(us->body, "/totalCount"), "2");
  ExpectStatus("/v1/products/CFQ7TTC0HE03/skus/0009/availabilities?country=US", 404);
}

TEST_F(CatalogApiTest, CustomerScopedCatalogUsesTheCustomersCountryAndVisibility) {
  auto res = Get("/v1/customers/" + kAdatum + "/products?targetView=OnlineServices");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/totalCount"), "6");
  EXPECT_EQ(JsonField(res->body, "/items/0/links/self/uri"),
            "/customers/" + kAdatum + "/products/CFQ7TTC0HB01");
  auto skus = Get("/v1/customers/" + kAdatum + "/products/CFQ7TTC0HB03/skus");
  ASSERT_TRUE(skus);
  ASSERT_EQ(skus->status, 200) << skus->body;
  EXPECT_EQ(JsonField(skus->body, "/items/0/id"), "0001");
  auto av = Get("/v1/customers/" + kAdatum + "/products/CFQ7TTC0HB03/skus/0001/availabilities");
  ASSERT_TRUE(av);
  ASSERT_EQ(av->status, 200) << av->body;
  EXPECT_EQ(JsonField(av->body, "/items/0/country"), "US");
  EXPECT_EQ(JsonField(av->body, "/items/0/defaultCurrency/code"), "USD");

  // The reseller the customer was brought in for sees it too; an unrelated partner gets 404.
  auto reseller = server_.Get(server_.UserToken(kReseller, kAdminAgent),
                              "/v1/customers/" + kAdatum + "/products");
  ASSERT_TRUE(reseller);
  EXPECT_EQ(reseller->status, 200) << reseller->body;
  auto other = server_.Get(server_.UserToken(kOtherReseller, kGlobalAdmin),
                           "/v1/customers/" + kAdatum + "/products");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404) << other->body;
  ExpectStatus("/v1/customers/c9999999-0000-4000-8000-000000000009/products", 404);
}

TEST_F(CatalogApiTest, CustomerScopedCatalogAfterTheRelationshipEndsIs20002) {
  const std::string litware = "c1111111-0000-4000-8000-000000000003";
  auto patched = server_.Patch(server_.UserToken(kProvider, kGlobalAdmin),
                               "/v1/customers/" + litware, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(patched);
  ASSERT_EQ(patched->status, 200) << patched->body;
  ExpectStatus("/v1/customers/" + litware + "/products", 403, "20002");
}

TEST_F(CatalogApiTest, EveryPartnerRoleReadsTheCatalogButNotCustomersOrAnonymous) {
  for (auto role : {kGlobalAdmin, kAdminAgent, kSalesAgent, kHelpdeskAgent}) {
    auto res = server_.Get(server_.UserToken(kDirect, role), "/v1/offers?country=US");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  auto app = server_.Get(server_.AppToken(kReseller), "/v1/products?country=TW");
  ASSERT_TRUE(app);
  EXPECT_EQ(app->status, 200);
  auto anonymous = server_.Client().Get("/v1/offers?country=US");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(CatalogApiTest, FindOrderableResolvesOffersAndCatalogItemsPerCountry) {
  auto& catalog = server_.app().catalog();
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kOperator;
  auto offer = catalog.FindOrderable(ctx, ToLower(kPhone), "de");
  ASSERT_TRUE(offer.ok()) << offer.status().description();
  EXPECT_EQ(offer->kind, domain::OrderableOffer::Kind::kLegacyOffer);
  EXPECT_EQ(offer->offer_id, kPhone);
  EXPECT_TRUE(offer->is_add_on);
  EXPECT_EQ(offer->prerequisite_offer_ids, std::vector<std::string>{kE3});
  EXPECT_TRUE(offer->AllowsTerm("P3Y", "annual"));
  EXPECT_FALSE(offer->AllowsTerm("P3Y", "triennial"));
  EXPECT_TRUE(offer->AllowsQuantity(10000));
  EXPECT_FALSE(offer->AllowsQuantity(10001));
  EXPECT_EQ(catalog.FindOrderable(ctx, kPhone, "RU").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(catalog.FindOrderable(ctx, kRetired, "US").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(catalog.FindOrderable(ctx, "UNKNOWN", "US").status().code(), StatusCode::kNotFound);

  auto azure = catalog.FindOrderable(ctx, kAzure, "TW");
  ASSERT_TRUE(azure.ok());
  EXPECT_EQ(azure->billing, "usage");
  EXPECT_TRUE(azure->term_durations.empty());
  EXPECT_TRUE(azure->AllowsTerm("", "monthly"));

  auto item = catalog.FindOrderable(ctx, "cfq7ttc0he03:0001:dzh318z0he3a", "GB");
  ASSERT_TRUE(item.ok()) << item.status().description();
  EXPECT_EQ(item->kind, domain::OrderableOffer::Kind::kCatalogItem);
  EXPECT_EQ(item->offer_id, "CFQ7TTC0HE03:0001:DZH318Z0HE3A");
  EXPECT_EQ(item->name, "Office Enterprise E3 Office Enterprise E3");
  EXPECT_EQ(item->maximum_quantity, 10000);
  EXPECT_TRUE(item->AllowsTerm("P3Y", "triennial"));
  EXPECT_FALSE(item->AllowsTerm("P3Y", "monthly"));
  EXPECT_EQ(item->term_durations, (std::vector<std::string>{"P1M", "P1Y", "P3Y"}));
  auto addon = catalog.FindOrderable(ctx, "CFQ7TTC0HP01:0001:DZH318Z0HP1A", "US");
  ASSERT_TRUE(addon.ok());
  EXPECT_EQ(addon->prerequisite_offer_ids, std::vector<std::string>{"CFQ7TTC0HE03:0001"});
  // The education availability is US only.
  EXPECT_EQ(catalog.FindOrderable(ctx, "CFQ7TTC0HE03:0001:DZH318Z0HE3E", "GB").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(catalog.FindOrderable(ctx, "CFQ7TTC0HE03:0001", "US").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(catalog.FindOrderable(ctx, kBasic, "").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(CatalogApiTest, OperatorImportsOverHttpPartnersCannot) {
  const std::string csv =
      "csphub-catalog-version,2026.05\n"
      "id,name,minimumQuantity,maximumQuantity,billing,supportedBillingCycles,termDurations,"
      "unitType,countries\n"
      "OFFER-1,Only Offer,1,5,license,monthly,P1M,Licenses,US\n";
  auto denied = server_.Put(server_.UserToken(kProvider, kGlobalAdmin), "/admin/v1/catalog", csv);
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  auto res = server_.Put(server_.OperatorToken(), "/admin/v1/catalog", csv);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(JsonField(res->body, "/previousVersion"), "2026.04.1");
  EXPECT_EQ(JsonField(res->body, "/offers"), "1");
  auto offers = Get("/v1/offers?country=US");
  ASSERT_TRUE(offers);
  EXPECT_EQ(JsonField(offers->body, "/totalCount"), "1");
  auto products = Get("/v1/products?country=US");
  ASSERT_TRUE(products);
  EXPECT_EQ(JsonField(products->body, "/totalCount"), "0");
  // Going back to the demo version needs force.
  const std::string older = R"({"version":"2026.04.1","offers":[]})";
  auto refused = server_.Put(server_.OperatorToken(), "/admin/v1/catalog", older);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 409);
  EXPECT_EQ(JsonField(refused->body, "/code"), "700601");
  auto forced = server_.Put(server_.OperatorToken(), "/admin/v1/catalog?force=true", older);
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->status, 200) << forced->body;
}

}  // namespace
}  // namespace csphub::testing
