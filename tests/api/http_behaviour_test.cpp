// Listener and middleware behaviour: IDs, errors, limits, health.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

TEST(HttpBehaviour, HealthAndReadiness) {
  TestServer server;
  auto h = server.Client().Get("/healthz");
  ASSERT_EQ(h->status, 200);
  EXPECT_EQ(JsonField(h->body, "/status"), "ok");
  EXPECT_EQ(server.Client().Get("/readyz")->status, 200);
}

TEST(HttpBehaviour, RequestAndCorrelationIdsAreEchoedOrGenerated) {
  TestServer server;
  auto given =
      server.Client().Get("/healthz", {{"MS-RequestId", "req-1"}, {"MS-CorrelationId", "corr-1"}});
  EXPECT_EQ(given->get_header_value("MS-RequestId"), "req-1");
  EXPECT_EQ(given->get_header_value("MS-CorrelationId"), "corr-1");
  auto generated = server.Client().Get("/nowhere");
  EXPECT_EQ(generated->status, 404);
  EXPECT_EQ(generated->get_header_value("MS-RequestId").size(), 36u);
  EXPECT_EQ(generated->get_header_value("MS-CorrelationId").size(), 36u);
}

TEST(HttpBehaviour, NotFoundAndMethodNotAllowedInApiFaultShape) {
  TestServer server;
  auto nf = server.Client().Get("/v1/no-such-thing");
  ASSERT_EQ(nf->status, 404);
  EXPECT_EQ(JsonField(nf->body, "/code"), "1000");
  EXPECT_FALSE(JsonField(nf->body, "/description").empty());
  EXPECT_EQ(JsonField(nf->body, "/source"), "csphub");
  auto na = server.Client().Put("/v1/users", "{}", "application/json");
  EXPECT_EQ(na->status, 405);
  // Other methods on paths with parameters too (the express router's 405 crashed on these),
  // and the route table's matching: case-insensitive, one trailing slash, encoded unreserved
  // characters decoded.
  auto na_param = server.Client().Delete("/v1/customers/abc");
  ASSERT_TRUE(na_param);
  EXPECT_EQ(na_param->status, 405);
  EXPECT_EQ(JsonField(na_param->body, "/source"), "csphub");
  auto na_tenant = server.Client().Get("/contoso.com/oauth2/v2.0/token");
  ASSERT_TRUE(na_tenant);
  EXPECT_EQ(na_tenant->status, 405);
  for (const char* path : {"/HEALTHZ", "/healthz/", "/%68ealthz"}) {
    auto h = server.Client().Get(path);
    ASSERT_TRUE(h) << path;
    EXPECT_EQ(h->status, 200) << path;
  }
  EXPECT_EQ(server.Client().Get("/healthz//")->status, 404);
}

// A broken %XX escape in the path is answered (400, ApiFault), not a dropped connection.
TEST(HttpBehaviour, MalformedPathEscapeIs400) {
  TestServer server;
  for (const char* path : {"/v1/customers/%zz", "/healthz%", "/v1/customers/%4"}) {
    auto res = server.Client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_EQ(JsonField(res->body, "/source"), "csphub") << path;
    EXPECT_NE(JsonField(res->body, "/description").find("path"), std::string::npos);
  }
  EXPECT_EQ(server.Client().Get("/healthz")->status, 200);  // the server is still there
}

TEST(HttpBehaviour, MalformedJsonAndWrongTypesNameTheProblem) {
  TestServer server;
  const std::string op = server.OperatorToken();
  auto malformed = server.Post(op, "/admin/v1/partners", "{\"name\": ");
  ASSERT_EQ(malformed->status, 400);
  EXPECT_EQ(JsonField(malformed->body, "/code"), "800002");
  EXPECT_NE(JsonField(malformed->body, "/description").find("not valid JSON"), std::string::npos);

  auto wrong_type =
      server.Post(op, "/admin/v1/partners",
                  R"({"name": 5, "country":"US","programs":["direct_bill"],"mpnId":"9"})");
  ASSERT_EQ(wrong_type->status, 400);
  EXPECT_NE(JsonField(wrong_type->body, "/description").find("'name'"), std::string::npos);

  auto missing = server.Post(op, "/admin/v1/partners",
                             R"({"name":"Acme Ltd","programs":["direct_bill"],"mpnId":"9"})");
  ASSERT_EQ(missing->status, 400);
  EXPECT_NE(JsonField(missing->body, "/description").find("'country'"), std::string::npos);
  // Nothing was created by the failures.
  auto list = server.Get(op, "/admin/v1/partners");
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "4");
}

TEST(HttpBehaviour, BodyOverTheLimitIs413AndChangesNothing) {
  TestServer server([](app::Config& c) { c.body_limit_bytes = 4096; });
  const std::string op = server.OperatorToken();
  const std::string big = R"({"name":")" + std::string(5000, 'x') +
                          R"(","country":"US","programs":["direct_bill"],"mpnId":"77"})";
  auto res = server.Post(op, "/admin/v1/partners", big);
  ASSERT_EQ(res->status, 413);
  EXPECT_EQ(JsonField(res->body, "/code"), "700413");
  EXPECT_EQ(JsonField(server.Get(op, "/admin/v1/partners")->body, "/totalCount"), "4");
}

TEST(HttpBehaviour, RateLimitAnswers429WithRetryAfterAndHeaders) {
  TestServer server([](app::Config& c) { c.rate_limits["users"] = {3, 0}; });
  const std::string token = server.UserToken(kProvider, kGlobalAdmin);
  for (int i = 0; i < 3; ++i) {
    auto ok = server.Get(token, "/v1/users");
    ASSERT_EQ(ok->status, 200) << i;
    EXPECT_EQ(ok->get_header_value("RateLimit-Limit"), "3");
  }
  auto limited = server.Get(token, "/v1/users");
  ASSERT_EQ(limited->status, 429);
  EXPECT_GE(std::stoi(limited->get_header_value("Retry-After")), 1);
  EXPECT_EQ(limited->get_header_value("RateLimit-Remaining"), "0");
  EXPECT_TRUE(limited->has_header("RateLimit-Reset"));
  EXPECT_EQ(JsonField(limited->body, "/statusCode"), "429");
  // Another tenant has its own bucket.
  EXPECT_EQ(server.Get(server.UserToken(kReseller, kGlobalAdmin), "/v1/users")->status, 200);
}

TEST(HttpBehaviour, KeepAliveServesManyRequestsOnOneConnection) {
  TestServer server;
  httplib::Client c = server.Client();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(c.Get("/healthz")->status, 200);
}

}  // namespace
}  // namespace csphub::testing
