// The activity log over the API: every write recorded, scoped to the caller, paged, filtered.
#include <gtest/gtest.h>

#include <set>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

TEST(AuditApi, WritesAreRecordedWithWhoWhatAndCorrelation) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  auto made = server.Post(token, "/v1/relationships/invitations", "",
                          {{"MS-CorrelationId", "corr-audit-1"}});
  ASSERT_EQ(made->status, 201);
  auto log = server.Get(token, "/v1/auditrecords?size=1");
  ASSERT_EQ(log->status, 200) << log->body;
  EXPECT_EQ(JsonField(log->body, "/items/0/operationType"), "create_partner_relationship_request");
  EXPECT_EQ(JsonField(log->body, "/items/0/resourceType"), "partner_relationship");
  EXPECT_EQ(JsonField(log->body, "/items/0/originalCorrelationId"), "corr-audit-1");
  EXPECT_EQ(JsonField(log->body, "/items/0/userPrincipalName"),
            app::Demo().partners[kProvider].users[0].user_principal_name);
  EXPECT_EQ(JsonField(log->body, "/items/0/attributes/objectType"), "AuditRecord");
  // The secret link is not in the log.
  EXPECT_EQ(log->body.find(JsonField(made->body, "/url")), std::string::npos);
}

TEST(AuditApi, PagesWithContinuationTokenAndStaysInTenant) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(server.Post(token, "/v1/relationships/invitations", "")->status, 201);
  std::set<std::string> seen;
  std::string continuation;
  int pages = 0;
  do {
    httplib::Headers headers;
    if (!continuation.empty()) headers.emplace("MS-ContinuationToken", continuation);
    auto page = server.Get(
        token,
        continuation.empty() ? "/v1/auditrecords?size=2" : "/v1/auditrecords?seekOperation=Next",
        headers);
    ASSERT_EQ(page->status, 200) << page->body;
    for (int i = 0; i < 2; ++i) {
      const std::string id = JsonField(page->body, "/items/" + std::to_string(i) + "/id");
      if (!id.empty()) {
        EXPECT_TRUE(seen.insert(id).second) << "record repeated across pages";
      }
      const std::string partner =
          JsonField(page->body, "/items/" + std::to_string(i) + "/partnerId");
      if (!partner.empty()) {
        EXPECT_EQ(partner, app::Demo().partners[kProvider].tenant_id);
      }
    }
    continuation = JsonField(page->body, "/continuationToken");
    ++pages;
  } while (!continuation.empty() && pages < 50);
  // 5 requests + the demo seed's records for this tenant (enrolment, users, app, partnership).
  EXPECT_GE(seen.size(), 10u);
  EXPECT_GE(pages, 5);
}

TEST(AuditApi, DateWindowAndFilterRules) {
  TestServer server;
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  EXPECT_EQ(server.Get(token, "/v1/auditrecords?startDate=2001-01-01")->status, 400);
  EXPECT_EQ(server.Get(token, "/v1/auditrecords?startDate=yesterday")->status, 400);
  EXPECT_EQ(server.Get(token, "/v1/auditrecords?size=0")->status, 400);
  auto bad_filter =
      server.Get(token, "/v1/auditrecords?filter=" +
                            httplib::detail::encode_query_param(R"({"Field":"Nope","Value":"x"})"));
  EXPECT_EQ(bad_filter->status, 400);
  auto none = server.Get(
      token, "/v1/auditrecords?filter=" +
                 httplib::detail::encode_query_param(
                     R"({"Field":"ResourceType","Value":"no_such_type","Operator":"equals"})"));
  ASSERT_EQ(none->status, 200);
  EXPECT_EQ(JsonField(none->body, "/totalCount"), "0");
  // Records older than the window fall out of the default (30-day) query.
  server.Advance(std::chrono::hours(24 * 31));
  auto later = server.Get(server.UserToken(kProvider, kGlobalAdmin), "/v1/auditrecords");
  ASSERT_EQ(later->status, 200);
  EXPECT_EQ(JsonField(later->body, "/totalCount"), "0");
}

TEST(AuditApi, FailedWritesLeaveNoRecord) {
  TestServer server;
  const std::string token = server.UserToken(kReseller, kGlobalAdmin);
  auto before = server.Get(token, "/v1/auditrecords?size=1000");
  ASSERT_EQ(server.Post(token, "/v1/relationships/invitations", "")->status, 403);
  auto after = server.Get(token, "/v1/auditrecords?size=1000");
  EXPECT_EQ(JsonField(before->body, "/totalCount"), JsonField(after->body, "/totalCount"));
}

}  // namespace
}  // namespace csphub::testing
