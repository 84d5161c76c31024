// /v1/customers over real sockets after creation: list (paging, filters), read, billing profile
// with ETags, removal, delegated admin, visibility, the demo customers.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support/customers_fixture.hpp"

namespace csphub::testing {
namespace {

class CustomersApiTest : public CustomersApiBase {};

// The member names of the object at `pointer` in `body` (empty if there is none).
std::set<std::string> MembersOf(const std::string& body, const std::string& pointer) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  std::set<std::string> out;
  if (d.HasParseError()) return out;
  const rapidjson::Value* v = rapidjson::Pointer(pointer.c_str()).Get(d);
  if (v == nullptr || !v->IsObject()) return out;
  for (const auto& m : v->GetObject()) out.insert(m.name.GetString());
  return out;
}

// A list item is Partner Center's documented list item ("Get a list of customers"): no billing
// profile, no contact details; associatedPartnerId is ours (the provider's view shows it).
void ExpectListItem(const std::string& body, const std::string& item, const std::string& id,
                    const std::string& reseller_id) {
  std::set<std::string> members = {"id",    "commerceId", "companyProfile", "relationshipToPartner",
                                   "links", "attributes"};
  if (!reseller_id.empty()) members.insert("associatedPartnerId");
  EXPECT_EQ(MembersOf(body, item), members) << body;
  EXPECT_EQ(JsonField(body, item + "/id"), id);
  EXPECT_FALSE(JsonField(body, item + "/commerceId").empty());
  EXPECT_EQ(MembersOf(body, item + "/companyProfile"),
            (std::set<std::string>{"tenantId", "domain", "companyName", "links", "attributes"}));
  EXPECT_EQ(JsonField(body, item + "/companyProfile/tenantId"), id);
  EXPECT_EQ(JsonField(body, item + "/companyProfile/links/self/uri"),
            "/customers/" + id + "/profiles/company");
  EXPECT_EQ(JsonField(body, item + "/companyProfile/attributes/objectType"),
            "CustomerCompanyProfile");
  EXPECT_EQ(JsonField(body, item + "/relationshipToPartner"), "reseller");
  EXPECT_EQ(JsonField(body, item + "/associatedPartnerId"), reseller_id);
  EXPECT_EQ(JsonField(body, item + "/links/self/uri"), "/customers/" + id);
  EXPECT_EQ(JsonField(body, item + "/links/self/method"), "GET");
  EXPECT_EQ(JsonField(body, item + "/attributes/objectType"), "Customer");
}

TEST_F(CustomersApiTest, ListPagesWithContinuationTokensInNameOrder) {
  const std::vector<std::string> names = {"Delta Co Ltd", "alpha Corp", "Echo Corp", "Bravo Corp",
                                          "charlie Ltd"};
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_FALSE(Create(direct_, Named("page" + std::to_string(i), names[i])).empty());
  }
  std::vector<std::string> seen;
  auto page = server_.Get(direct_, "/v1/customers?size=2");
  for (int guard = 0; page && guard < 10; ++guard) {
    ASSERT_EQ(page->status, 200) << page->body;
    const int n = std::stoi(JsonField(page->body, "/totalCount"));
    for (int i = 0; i < n; ++i) {
      seen.push_back(
          JsonField(page->body, "/items/" + std::to_string(i) + "/companyProfile/companyName"));
    }
    const std::string token = JsonField(page->body, "/continuationToken");
    if (token.empty()) break;
    EXPECT_EQ(n, 2);
    EXPECT_EQ(JsonField(page->body, "/links/next/headers/0/key"), "MS-ContinuationToken");
    EXPECT_EQ(JsonField(page->body, "/links/next/headers/0/value"), token);
    const std::string next = JsonField(page->body, "/links/next/uri");
    EXPECT_EQ(next, "/customers?seekOperation=Next");
    page =
        server_.Get(direct_, "/v1/customers?seekOperation=Next", {{"MS-ContinuationToken", token}});
  }
  // Ours and the demo partner's own two (Alpine Ski House, Fourth Coffee), case-insensitively.
  EXPECT_EQ(seen,
            (std::vector<std::string>{"alpha Corp", "Alpine Ski House", "Bravo Corp", "charlie Ltd",
                                      "Delta Co Ltd", "Echo Corp", "Fourth Coffee"}));
  // A garbled token is a clear 400.
  auto bad =
      server_.Get(direct_, "/v1/customers?seekOperation=Next", {{"MS-ContinuationToken", "%%%"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(CustomersApiTest, ListItemsHavePartnerCentersListShapeAndGetByIdTheWholeCustomer) {
  CustomerFields f = Named("shapeco", "Shape Co");
  f.associated_partner_id = DemoOf(kReseller).tenant_id;
  const std::string id = Create(provider_, f);
  ASSERT_FALSE(id.empty());
  const std::string filter = R"({"Field":"IndirectReseller","Value":")" +
                             DemoOf(kReseller).tenant_id + R"(","Operator":"starts_with"})";
  const std::string query = "/v1/customers?filter=" + httplib::detail::encode_query_param(filter);
  // The provider's list, a page at a time: the first page and the seekOperation=Next pages.
  std::vector<std::string> ids;
  auto page = server_.Get(provider_, query + "&size=1");
  for (int guard = 0; page && guard < 10; ++guard) {
    ASSERT_EQ(page->status, 200) << page->body;
    ASSERT_EQ(JsonField(page->body, "/totalCount"), "1");
    ids.push_back(JsonField(page->body, "/items/0/id"));
    ExpectListItem(page->body, "/items/0", ids.back(), DemoOf(kReseller).tenant_id);
    EXPECT_EQ(page->body.find("billingProfile"), std::string::npos) << page->body;
    const std::string token = JsonField(page->body, "/continuationToken");
    if (token.empty()) break;
    page = server_.Get(provider_, "/v1/customers?seekOperation=Next",
                       {{"MS-ContinuationToken", token}});
  }
  EXPECT_EQ(ids.size(), 3u);  // ours and the two demo customers made for that reseller
  EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end());
  // The reseller's own list: no associated partner on its side.
  auto theirs = server_.Get(reseller_, "/v1/customers?size=500");
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->status, 200) << theirs->body;
  const int n = std::stoi(JsonField(theirs->body, "/totalCount"));
  ASSERT_GT(n, 0);
  for (int i = 0; i < n; ++i) {
    const std::string item = "/items/" + std::to_string(i);
    ExpectListItem(theirs->body, item, JsonField(theirs->body, item + "/id"), "");
  }
  // GET by ID is still the whole customer: the billing profile with its address, the company
  // profile, allowDelegatedAccess.
  auto one = server_.Get(provider_, "/v1/customers/" + id);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  EXPECT_EQ(JsonField(one->body, "/billingProfile/companyName"), "Shape Co");
  EXPECT_EQ(JsonField(one->body, "/billingProfile/email"), f.email);
  EXPECT_EQ(JsonField(one->body, "/billingProfile/defaultAddress/city"), "Redmond");
  EXPECT_EQ(JsonField(one->body, "/billingProfile/attributes/objectType"),
            "CustomerBillingProfile");
  EXPECT_EQ(JsonField(one->body, "/companyProfile/domain").rfind("shapeco.", 0), 0u);
  EXPECT_EQ(JsonField(one->body, "/associatedPartnerId"), DemoOf(kReseller).tenant_id);
  EXPECT_FALSE(JsonField(one->body, "/allowDelegatedAccess").empty());
}

TEST_F(CustomersApiTest, FiltersArePrefixMatchesIgnoringCase) {
  // (The direct partner's demo customers are Alpine Ski House and Fourth Coffee.)
  ASSERT_FALSE(Create(direct_, Named("wingtipco", "Wingtip Toys")).empty());
  ASSERT_FALSE(Create(direct_, Named("wideworld", "Wide World Importers")).empty());
  ASSERT_FALSE(Create(direct_, Named("adatumco", "Adatum Corporation")).empty());
  ASSERT_FALSE(Create(direct_, Named("romashka2", "Ромашка Трейд")).empty());
  auto by = [&](const std::string& field, const std::string& value) {
    const std::string f =
        R"({"Field":")" + field + R"(","Value":")" + value + R"(","Operator":"starts_with"})";
    return Count(direct_, "&filter=" + httplib::detail::encode_query_param(f));
  };
  EXPECT_EQ(by("CompanyName", "wI"), 2);
  EXPECT_EQ(by("CompanyName", "wingtip t"), 1);
  EXPECT_EQ(by("CompanyName", "РОМАШ"), 1);
  EXPECT_EQ(by("CompanyName", "zzz"), 0);
  EXPECT_EQ(by("Domain", "WIDE"), 1);
  EXPECT_EQ(by("Domain", "a"), 2);  // adatumco and alpineskihouse
  for (const std::string& bad :
       {std::string(R"({"Field":"Email","Value":"a","Operator":"starts_with"})"),
        std::string(R"({"Field":"CompanyName","Value":"a","Operator":"equals"})"),
        std::string(R"({"Field":"CompanyName"})"), std::string("not json")}) {
    auto res =
        server_.Get(direct_, "/v1/customers?filter=" + httplib::detail::encode_query_param(bad));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad << " → " << res->body;
  }
  for (const char* size : {"0", "-1", "501", "ten"}) {
    auto res = server_.Get(direct_, std::string("/v1/customers?size=") + size);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << size;
  }
}

TEST_F(CustomersApiTest, OthersSeeNothingOfACustomer) {
  const std::string id = Create(direct_, Named("private", "Private Corp"));
  ASSERT_FALSE(id.empty());
  for (const std::string& token : {provider_, reseller_, other_}) {
    for (const std::string& path :
         {"/v1/customers/" + id, "/v1/customers/" + id + "/profiles/company",
          "/v1/customers/" + id + "/profiles/billing", "/v1/customers/" + id + "/relationships"}) {
      auto res = server_.Get(token, path);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 404) << path;
    }
    auto patch = server_.Patch(token, "/v1/customers/" + id, R"({"relationshipToPartner":"none"})");
    ASSERT_TRUE(patch);
    EXPECT_EQ(patch->status, 404);
    EXPECT_EQ(Count(token, "&filter=" + httplib::detail::encode_query_param(
                                            R"({"Field":"Domain","Value":"private"})")),
              0);
  }
  // An unknown ID and a malformed one answer the same.
  auto unknown = server_.Get(direct_, "/v1/customers/0b0b0b0b-0000-4000-8000-000000000000");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(CustomersApiTest, BillingProfileUpdatesNeedTheCurrentEtag) {
  const std::string id = Create(direct_, Named("billing", "Billing Corp"));
  ASSERT_FALSE(id.empty());
  const std::string path = "/v1/customers/" + id + "/profiles/billing";
  auto got = server_.Get(direct_, path);
  ASSERT_TRUE(got);
  const std::string etag = JsonField(got->body, "/attributes/etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(got->get_header_value("ETag"), "\"" + etag + "\"");

  CustomerFields f = Named("billing", "Billing Renamed Corp");
  f.city = "Seattle";
  auto missing = server_.Put(direct_, path, BillingJson(f, ""));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400) << missing->body;
  auto ok = server_.Put(direct_, path, BillingJson(f, ""), {{"If-Match", "\"" + etag + "\""}});
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(JsonField(ok->body, "/defaultAddress/city"), "Seattle");
  const std::string etag2 = JsonField(ok->body, "/attributes/etag");
  EXPECT_NE(etag2, etag);
  // The old etag is stale now: 412, and nothing changes.
  f.city = "Tacoma";
  auto stale = server_.Put(direct_, path, BillingJson(f, etag));
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 412) << stale->body;
  EXPECT_EQ(JsonField(stale->body, "/code"), "2055");
  auto after = server_.Get(direct_, path);
  EXPECT_EQ(JsonField(after->body, "/defaultAddress/city"), "Seattle");
  // The list shows the new name, and searches by it.
  EXPECT_EQ(Count(direct_, "&filter=" + httplib::detail::encode_query_param(
                                            R"({"Field":"CompanyName","Value":"billing ren"})")),
            1);
  // The country is fixed; validation applies as on create.
  f.country = "CA";
  auto moved = server_.Put(direct_, path, BillingJson(f, etag2));
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->status, 400) << moved->body;
  f.country = "US";
  f.email = "bad";
  auto invalid = server_.Put(direct_, path, BillingJson(f, etag2));
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  EXPECT_NE(JsonField(invalid->body, "/description").find("billingProfile.email"),
            std::string::npos);
  // Audited with old and new values.
  auto audit = server_.Get(direct_, "/v1/auditrecords");
  EXPECT_NE(audit->body.find("update_customer_billing_profile"), std::string::npos);
}

TEST_F(CustomersApiTest, RemovingTheRelationshipKeepsDelegatedAdminAndCanBeUndoneOnlyByInvitation) {
  const std::string id = Create(direct_, Named("leaving", "Leaving Corp"));
  ASSERT_FALSE(id.empty());
  const int before = Count(direct_);
  // The partner's Global admin removes it; a Sales agent may not.
  auto denied = server_.Patch(server_.UserToken(kDirect, kSalesAgent), "/v1/customers/" + id,
                              R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  auto bad =
      server_.Patch(direct_, "/v1/customers/" + id, R"({"relationshipToPartner":"advisor"})");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto removed =
      server_.Patch(direct_, "/v1/customers/" + id, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->status, 200) << removed->body;
  EXPECT_EQ(JsonField(removed->body, "/relationshipToPartner"), "none");
  EXPECT_EQ(JsonField(removed->body, "/allowDelegatedAccess"), "true");  // left as it was
  EXPECT_EQ(Count(direct_), before - 1);
  auto later = server_.Get(direct_, "/v1/customers/" + id);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, 403);
  EXPECT_EQ(JsonField(later->body, "/code"), "20002");
  auto again = server_.Patch(direct_, "/v1/customers/" + id, R"({"relationshipToPartner":"none"})");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 403);
  auto audit = server_.Get(direct_, "/v1/auditrecords");
  EXPECT_NE(audit->body.find("remove_partner_customer_relationship"), std::string::npos);
}

TEST_F(CustomersApiTest, PartnerCanGiveUpDelegatedAdmin) {
  const std::string id = Create(direct_, Named("nodap", "No Dap Corp"));
  ASSERT_FALSE(id.empty());
  auto no_change = server_.Patch(direct_, "/v1/customers/" + id, R"({})");
  ASSERT_TRUE(no_change);
  EXPECT_EQ(no_change->status, 400);
  auto grant = server_.Patch(direct_, "/v1/customers/" + id, R"({"allowDelegatedAccess":true})");
  ASSERT_TRUE(grant);
  EXPECT_EQ(grant->status, 400);
  auto drop = server_.Patch(direct_, "/v1/customers/" + id, R"({"allowDelegatedAccess":false})");
  ASSERT_TRUE(drop);
  ASSERT_EQ(drop->status, 200) << drop->body;
  EXPECT_EQ(JsonField(drop->body, "/allowDelegatedAccess"), "false");
  EXPECT_EQ(JsonField(drop->body, "/relationshipToPartner"), "reseller");  // commerce stays
  auto company = server_.Get(direct_, "/v1/customers/" + id + "/profiles/company");
  ASSERT_TRUE(company);
  EXPECT_EQ(company->status, 200);
  EXPECT_EQ(JsonField(company->body, "/email"), "");  // contact details need admin access
  // The one-statement read (CustomerRepository::GetRelated) sees the grant gone too.
  auto got = server_.Get(direct_, "/v1/customers/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(JsonField(got->body, "/allowDelegatedAccess"), "false");
}

TEST_F(CustomersApiTest, DemoCustomersAreThereWithTheirAdmins) {
  for (const app::DemoCustomer& c : app::Demo().customers) {
    SCOPED_TRACE(c.company_name);
    const std::string partner =
        server_.UserToken(static_cast<DemoPartner>(c.created_by), kGlobalAdmin);
    auto got = server_.Get(partner, "/v1/customers/" + c.tenant_id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->status, 200) << got->body;
    EXPECT_EQ(JsonField(got->body, "/companyProfile/domain"), c.domain);
    if (c.reseller) {
      auto theirs =
          server_.Get(server_.UserToken(static_cast<DemoPartner>(*c.reseller), kAdminAgent),
                      "/v1/customers/" + c.tenant_id);
      ASSERT_TRUE(theirs);
      EXPECT_EQ(theirs->status, 200);
    }
    // The customer's admin signs in with the demo password, no change required.
    const std::string admin =
        server_.CustomerToken(c.tenant_id, c.admin_user_principal_name, c.admin_password);
    ASSERT_FALSE(admin.empty());
    auto me = server_.Get(admin, "/v1/customertenant/partners");
    ASSERT_TRUE(me);
    EXPECT_EQ(me->status, 200) << me->body;
  }
}

}  // namespace
}  // namespace csphub::testing
