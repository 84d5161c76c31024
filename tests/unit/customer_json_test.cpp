// The customer list item is spelled out as constant JSON text for speed (customer_json.cpp):
// these tests hold it to what the member-by-member writers produce.
#include "api/customer_json.hpp"

#include <gtest/gtest.h>

#include "api/json.hpp"

namespace csphub::api {
namespace {

// The list item as WriteCompanyProfile, WriteSelfLink and Attributes would write it.
void WriteListItemMemberByMember(JsonOut& j, const domain::CustomerSummary& c) {
  j.BeginObject().Field("id", c.id).Field("commerceId", c.commerce_id);
  j.BeginObject("companyProfile")
      .Field("tenantId", c.id)
      .Field("domain", c.domain)
      .Field("companyName", c.company_name);
  WriteSelfLink(j, {"/customers/", c.id, "/profiles/company"});
  j.Attributes("CustomerCompanyProfile").EndObject();
  j.Field("relationshipToPartner", "reseller");
  if (!c.indirect_reseller_id.empty()) j.Field("associatedPartnerId", c.indirect_reseller_id);
  WriteSelfLink(j, {"/customers/", c.id});
  j.Attributes("Customer").EndObject();
}

std::string Page(const std::vector<domain::CustomerSummary>& items, bool spelled_out) {
  JsonOut j;
  j.BeginObject().Field("totalCount", static_cast<std::int64_t>(items.size()));
  j.BeginArray("items");
  for (const auto& c : items) {
    if (spelled_out) {
      WriteCustomerListItem(j, c);
    } else {
      WriteListItemMemberByMember(j, c);
    }
  }
  j.EndArray().Attributes("Collection").EndObject();
  return std::move(j).str();
}

TEST(CustomerJsonTest, ListItemsAreWhatMemberByMemberWritingWrites) {
  const std::vector<domain::CustomerSummary> items = {
      {"c1111111-0000-4000-8000-000000000001", "01a23bfd-9ba9-7dac-a8dc-945acb983c54",
       "adatum.onmicrosoft.com", "Adatum Corporation", "22222222-2222-4222-8222-222222222222", ""},
      // No reseller (a direct partner's customer), and a name that needs escaping.
      {"5af17155-48b4-4c93-b909-32e243ef11c2", "6c878a2a", "quote.onmicrosoft.com",
       "\"Quoted\" \\ Bakery\n\t\x01 \xe5\xa4\xa7", "", "33333333-3333-4333-8333-333333333333"},
      {"ffffffff-0000-4000-8000-000000000003", "", "x.onmicrosoft.com", "", "r", ""},
  };
  EXPECT_EQ(Page(items, true), Page(items, false));
  EXPECT_EQ(Page({}, true), Page({}, false));
  EXPECT_EQ(Page({items[1]}, true), Page({items[1]}, false));
  // And the text is JSON.
  auto parsed = JsonIn::Parse(Page(items, true));
  ASSERT_TRUE(parsed.ok()) << parsed.status().description();
}

}  // namespace
}  // namespace csphub::api
