// `csphub catalog import|list` run as a real process against the test server's SQLite file:
// valid files replace the catalog atomically; every kind of invalid file is refused with the
// record and field named, and nothing changes; older versions need --force.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "support/cli_runner.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

// A small valid catalog: one product, one SKU, one availability, two offers. `offer_patch`
// (members ending in a comma) goes first in the add-on offer: the first of duplicate members wins.
std::string SmallCatalog(const std::string& version, const std::string& offer_patch = {}) {
  return R"({"version":")" + version + R"(",
  "countries":[{"code":"US","currency":"USD","currencySymbol":"$"}],
  "products":[{"id":"PROD1","title":"Product One","productType":{"id":"OnlineServices"},
    "skus":[{"id":"0001","title":"Seat","minimumQuantity":1,"maximumQuantity":50,
      "billing":"license","unitType":"Licenses",
      "availabilities":[{"id":"AV1","countries":["US"],"terms":[{"duration":"P1Y","billingCycle":"annual"}]}]}]}],
  "offers":[{"id":"OFFER-BASE","name":"Base","minimumQuantity":1,"maximumQuantity":50,
      "billing":"license","supportedBillingCycles":["annual"],"termDurations":["P1Y"],
      "unitType":"Licenses","countries":["US","DE"],"productId":"PROD1","skuId":"0001"},
    {)" + offer_patch +
         R"("id":"OFFER-ADDON","name":"Add-on","minimumQuantity":1,"maximumQuantity":50,
      "billing":"license","supportedBillingCycles":["monthly"],"termDurations":["P1M"],
      "unitType":"Licenses","countries":["US"],"isAddOn":true,"prerequisiteOffers":["OFFER-BASE"]}]})";
}

class CatalogCliTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  CliResult Cli(const std::string& args) {
    return RunCli("catalog " + args + " --database " + server_.app().config().database);
  }
  std::string Version() {
    domain::CallContext op;
    op.kind = domain::PrincipalKind::kOperator;
    auto v = server_.app().catalog().CurrentVersion(op);
    return v.ok() && *v ? (*v)->version : "";
  }
  std::string OfferCount(const std::string& country) {
    auto res = server_.Get(token_, "/v1/offers?country=" + country);
    return res ? JsonField(res->body, "/totalCount") : "";
  }

  TestServer server_;
  std::string token_ = server_.UserToken(kReseller, kGlobalAdmin);
  std::string dir_ = TempDir();
};

TEST_F(CatalogCliTest, ValidJsonFileReplacesTheWholeCatalog) {
  ASSERT_EQ(Version(), "2026.04.1");
  const auto r = Cli("import " + Write("small.json", SmallCatalog("2026.05")));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("imported catalog version 2026.05"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("replacing version 2026.04.1"), std::string::npos) << r.output;
  EXPECT_EQ(Version(), "2026.05");
  EXPECT_EQ(OfferCount("US"), "2");
  EXPECT_EQ(OfferCount("DE"), "1");
  // Nothing of the demo catalog is left.
  auto gone = server_.Get(token_, "/v1/offers/6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4001?country=US");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  auto products = server_.Get(token_, "/v1/products?country=US");
  ASSERT_TRUE(products);
  EXPECT_EQ(JsonField(products->body, "/totalCount"), "1");
  EXPECT_EQ(JsonField(products->body, "/items/0/id"), "PROD1");

  // list --output json prints the file format, which imports again.
  const auto listed = Cli("list --country us --output json");
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_EQ(JsonField(listed.output, "/version"), "2026.05");
  EXPECT_EQ(JsonField(listed.output, "/offers/1/id"), "OFFER-ADDON");
  const auto again = Cli("import --format json " + Write("listed.txt", listed.output));
  EXPECT_EQ(again.exit_code, 0) << again.output;
  const auto text = Cli("list");
  EXPECT_NE(text.output.find("PROD1:0001:AV1"), std::string::npos) << text.output;
}

TEST_F(CatalogCliTest, CsvOffersListImports) {
  const std::string csv =
      "csphub-catalog-version,2026.06.1\r\n"
      "ID,Name,minimumQuantity,maximumQuantity,billing,supportedBillingCycles,termDurations,"
      "unitType,countries,isAddOn,prerequisiteOffers,description\r\n"
      "CSV-BASE,\"Base, with comma\",1,300,license,monthly;annual,P1M;P1Y,Licenses,US;GB,,,\r\n"
      "CSV-ADDON,Add-on,1,300,license,monthly,P1M,Licenses,GB,true,CSV-BASE,\"two\nlines\"\r\n";
  const auto r = Cli("import " + Write("offers.csv", csv));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Version(), "2026.06.1");
  EXPECT_EQ(OfferCount("GB"), "2");
  auto base = server_.Get(token_, "/v1/offers/csv-base?country=GB");
  ASSERT_TRUE(base);
  EXPECT_EQ(JsonField(base->body, "/name"), "Base, with comma");
  EXPECT_EQ(JsonField(base->body, "/supportedBillingCycles/1"), "annual");
}

TEST_F(CatalogCliTest, EveryKindOfInvalidFileIsRefusedAndNothingChanges) {
  struct Case {
    std::string name, text, expect;
  };
  const std::string good_csv_head =
      "csphub-catalog-version,2026.07\n"
      "id,name,minimumQuantity,maximumQuantity,billing,supportedBillingCycles,termDurations,"
      "unitType,countries\n";
  const std::vector<Case> cases = {
      {"broken.json", "{\"version\":", "not valid JSON"},
      {"type.json", SmallCatalog("2026.07", R"("maximumQuantity":"fifty",)"),
       "offers[OFFER-ADDON].maximumQuantity"},
      {"version.json", SmallCatalog("v7"), "field 'version'"},
      {"bounds.json", SmallCatalog("2026.07", R"("minimumQuantity":60,)"),
       "offer 'OFFER-ADDON': field 'maximumQuantity' must not be less than minimumQuantity"},
      {"country.json", SmallCatalog("2026.07", R"("countries":["US","ZZ"],)"),
       "offer 'OFFER-ADDON': field 'countries' has 'ZZ'"},
      {"prereq.json", SmallCatalog("2026.07", R"("prerequisiteOffers":["NOPE"],)"),
       "offer 'OFFER-ADDON': field 'prerequisiteOffers' has 'NOPE'"},
      {"addon.json", SmallCatalog("2026.07", R"("prerequisiteOffers":[],)"),
       "offer 'OFFER-ADDON': field 'prerequisiteOffers' must name the base offer"},
      {"cycle.json", SmallCatalog("2026.07", R"("supportedBillingCycles":["weekly"],)"),
       "field 'supportedBillingCycles' has 'weekly'"},
      {"term.json", SmallCatalog("2026.07", R"("termDurations":["P2Y"],)"),
       "field 'termDurations' has 'P2Y'"},
      {"duplicate.json", SmallCatalog("2026.07", R"("id":"OFFER-BASE",)"),
       "offer 'OFFER-BASE': field 'id' is used by another offer"},
      {"missing.json", SmallCatalog("2026.07", R"("name":"",)"),
       "offer 'OFFER-ADDON': field 'name' is required"},
      {"sku.json", SmallCatalog("2026.07", R"("productId":"PROD1","skuId":"0009",)"),
       "offer 'OFFER-ADDON': field 'skuId' names no SKU 'PROD1:0009'"},
      {"nocolumn.csv", "csphub-catalog-version,2026.07\nid,name\n",
       "column 'minimumQuantity' is required"},
      {"noversion.csv", "id,name\n", "line 1: must be 'csphub-catalog-version"},
      {"number.csv", good_csv_head + "X1,One,one,5,license,monthly,P1M,Licenses,US\n",
       "line 3 (offer 'X1'): field 'minimumQuantity' must be a whole number"},
      {"usage.csv", good_csv_head + "X1,One,1,5,usage,monthly,P1M,Usage,US\n",
       "offer 'X1': field 'termDurations' must be empty for a usage-billed offer"},
  };
  for (const Case& c : cases) {
    const auto r = Cli("import " + Write(c.name, c.text));
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find(c.expect), std::string::npos) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find("nothing was imported"), std::string::npos)
        << c.name << ": " << r.output;
  }
  EXPECT_EQ(Version(), "2026.04.1");
  EXPECT_EQ(OfferCount("US"), "9");
}

TEST_F(CatalogCliTest, OlderVersionIsRefusedUnlessForced) {
  const std::string older = Write("older.json", SmallCatalog("2026.3.9"));
  const auto refused = Cli("import " + older);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
  EXPECT_EQ(Version(), "2026.04.1");
  EXPECT_EQ(OfferCount("US"), "9");
  const auto forced = Cli("import --force --output json " + older);
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_EQ(JsonField(forced.output, "/forced"), "true");
  EXPECT_EQ(Version(), "2026.3.9");
  // The same version again is a re-import, not a downgrade.
  EXPECT_EQ(Cli("import " + older).exit_code, 0);
}

}  // namespace
}  // namespace csphub::testing
