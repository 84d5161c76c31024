// MS-RequestId idempotency over real sockets, on a write that returns a once-shown secret
// (POST /v1/users answers with a temporary password).
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

constexpr const char* kRequestId = "7f0c8a9e-1d2b-4c3d-9e8f-0a1b2c3d4e5f";

std::string NewUserBody(const std::string& local) {
  return R"({"userPrincipalName":")" + local + R"(","displayName":")" + local +
         R"(","roles":["SalesAgent"]})";
}

int CountUsers(TestServer& server, const std::string& token) {
  auto list = server.Get(token, "/v1/users");
  return list ? std::stoi(JsonField(list->body, "/totalCount")) : -1;
}

class IdempotencyApiTest : public ::testing::Test {
 protected:
  TestServer server_;
  std::string admin_ = server_.UserToken(kProvider, kGlobalAdmin);
};

TEST_F(IdempotencyApiTest, ReplayReturnsTheFirstAnswerAndCreatesNothing) {
  ASSERT_FALSE(admin_.empty());
  const int before = CountUsers(server_, admin_);
  auto first =
      server_.Post(admin_, "/v1/users", NewUserBody("once"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  EXPECT_FALSE(first->has_header("Idempotent-Replayed"));

  auto replay =
      server_.Post(admin_, "/v1/users", NewUserBody("once"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 201);
  EXPECT_EQ(replay->body, first->body);  // the same user, the same once-shown password
  EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay->get_header_value("MS-RequestId"), kRequestId);
  EXPECT_EQ(CountUsers(server_, admin_), before + 1);
}

TEST_F(IdempotencyApiTest, SameRequestIdWithAnotherBodyIsRefused) {
  auto first =
      server_.Post(admin_, "/v1/users", NewUserBody("first"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201);
  const int before = CountUsers(server_, admin_);
  auto other =
      server_.Post(admin_, "/v1/users", NewUserBody("second"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 422) << other->body;
  EXPECT_EQ(JsonField(other->body, "/code"), "700422");
  EXPECT_EQ(CountUsers(server_, admin_), before);
}

TEST_F(IdempotencyApiTest, RequestIdsAreScopedToTheCallersTenant) {
  const std::string other_admin = server_.UserToken(kReseller, kGlobalAdmin);
  auto mine =
      server_.Post(admin_, "/v1/users", NewUserBody("mine"), {{"MS-RequestId", kRequestId}});
  auto theirs =
      server_.Post(other_admin, "/v1/users", NewUserBody("theirs"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(mine);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(mine->status, 201);
  EXPECT_EQ(theirs->status, 201) << theirs->body;
  EXPECT_NE(JsonField(theirs->body, "/id"), JsonField(mine->body, "/id"));
}

TEST_F(IdempotencyApiTest, ErrorsAreReplayedToo) {
  const std::string bad = R"({"userPrincipalName":"x","roles":["NoSuchRole"]})";
  auto first = server_.Post(admin_, "/v1/users", bad, {{"MS-RequestId", kRequestId}});
  auto again = server_.Post(admin_, "/v1/users", bad, {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(first);
  ASSERT_TRUE(again);
  EXPECT_EQ(first->status, 400);
  EXPECT_EQ(again->status, 400);
  EXPECT_EQ(again->body, first->body);
}

TEST_F(IdempotencyApiTest, WithoutRequestIdEveryPostIsNew) {
  const int before = CountUsers(server_, admin_);
  auto a = server_.Post(admin_, "/v1/users", NewUserBody("a1"));
  auto b = server_.Post(admin_, "/v1/users", NewUserBody("a2"));
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_EQ(a->status, 201);
  EXPECT_EQ(b->status, 201);
  EXPECT_EQ(CountUsers(server_, admin_), before + 2);
}

TEST_F(IdempotencyApiTest, AnswersExpireAfterTheirTimeToLive) {
  auto first =
      server_.Post(admin_, "/v1/users", NewUserBody("ttl1"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201);
  server_.Advance(std::chrono::hours(25));  // default idempotency_ttl_hours is 24
  // Tokens expire too: sign in again after the jump.
  const std::string admin = server_.UserToken(kProvider, kGlobalAdmin);
  auto later =
      server_.Post(admin, "/v1/users", NewUserBody("ttl2"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, 201) << later->body;
  EXPECT_FALSE(later->has_header("Idempotent-Replayed"));
}

TEST_F(IdempotencyApiTest, StoredAnswersHoldNoSecretInClear) {
  auto first =
      server_.Post(admin_, "/v1/users", NewUserBody("sealed"), {{"MS-RequestId", kRequestId}});
  ASSERT_TRUE(first);
  const std::string password = JsonField(first->body, "/passwordProfile/password");
  ASSERT_FALSE(password.empty());
  std::string everything;
  // Read the raw table: neither the request ID nor the password is there.
  const auto rows = QueryColumn(server_.app().config().database,
                                "SELECT lookup_id || sealed FROM idempotency_records");
  for (const auto& row : rows) everything += row;
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_EQ(everything.find(password), std::string::npos);
  EXPECT_EQ(everything.find(kRequestId), std::string::npos);
  EXPECT_EQ(everything.find("sealed"), std::string::npos);
}

}  // namespace
}  // namespace csphub::testing
