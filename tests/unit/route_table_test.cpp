// The route table keeps the RESTinio express router's matching (docs/adr/0007-own-router.md).
#include "http/route_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace csphub::http {
namespace {

std::vector<Route> Routes(std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::vector<Route> out;
  for (const auto& [method, pattern] : rows) out.push_back({{method, pattern, "g", true}, {}});
  return out;
}

const std::vector<Route> kRoutes = Routes({
    {"GET", "/healthz"},
    {"POST", "/:tenant/oauth2/v2.0/token"},
    {"GET", "/v1/customers"},
    {"GET", "/v1/customers/export"},
    {"GET", "/v1/customers/:id"},
    {"PATCH", "/v1/customers/:id"},
    {"GET", "/v1/customers/:id/profiles/company"},
    {"HEAD", "/v1/domains/:domain"},
});

struct Found {
  std::size_t route;
  bool known;
  Pairs params;
};
Found Find(std::string_view method, std::string_view path) {
  static const RouteTable table(kRoutes);
  Pairs params;
  const auto m = table.Find(method, path, params);
  return {m.route, m.path_known, params};
}

TEST(RouteTable, FirstMatchInTableOrderWins) {
  EXPECT_EQ(Find("GET", "/healthz").route, 0u);
  EXPECT_EQ(Find("GET", "/v1/customers").route, 2u);
  EXPECT_EQ(Find("GET", "/v1/customers/export").route, 3u);  // before /:id
  const Found f = Find("GET", "/v1/customers/abc");
  EXPECT_EQ(f.route, 4u);
  EXPECT_EQ(f.params, (Pairs{{"id", "abc"}}));
  EXPECT_EQ(Find("PATCH", "/v1/customers/abc").route, 5u);
  const Found t = Find("POST", "/contoso.com/oauth2/v2.0/token");
  EXPECT_EQ(t.route, 1u);
  EXPECT_EQ(t.params, (Pairs{{"tenant", "contoso.com"}}));
  EXPECT_EQ(Find("GET", "/v1/customers/a/profiles/company").params, (Pairs{{"id", "a"}}));
}

TEST(RouteTable, CaseInsensitiveLiteralsAndOneOptionalTrailingSlash) {
  EXPECT_EQ(Find("GET", "/V1/Customers/AbC").route, 4u);
  EXPECT_EQ(Find("GET", "/V1/Customers/AbC").params, (Pairs{{"id", "AbC"}}));  // as sent
  EXPECT_EQ(Find("GET", "/healthz/").route, 0u);
  EXPECT_EQ(Find("GET", "/v1/customers/abc/").route, 4u);
  EXPECT_EQ(Find("GET", "/healthz//").route, RouteTable::kNone);
  EXPECT_FALSE(Find("GET", "/healthz//").known);
  EXPECT_FALSE(Find("POST", "/x/oauth2/v2x0/token").known);  // '.' is a literal
}

TEST(RouteTable, UnknownPathsAndOtherMethods) {
  for (const char* path : {"/", "", "/nowhere", "/v1", "/v1/customers//profiles/company",
                           "/v1/customers/a/b", "healthz", "/v1//"}) {
    const Found f = Find("GET", path);
    EXPECT_EQ(f.route, RouteTable::kNone) << path;
    EXPECT_FALSE(f.known) << path;
  }
  const Found d = Find("DELETE", "/v1/customers/abc");
  EXPECT_EQ(d.route, RouteTable::kNone);
  EXPECT_TRUE(d.known);
  EXPECT_TRUE(d.params.empty());
  EXPECT_TRUE(Find("HEAD", "/v1/customers").known);  // HEAD is not GET
  EXPECT_EQ(Find("HEAD", "/v1/domains/x.com").route, 7u);
  EXPECT_TRUE(Find("GET", "/v1/domains/x.com").known);
}

TEST(RouteTable, RefusesPatternsItCannotMatchLikeExpress) {
  EXPECT_THROW(RouteTable(Routes({{"GET", "/a/:id?"}})), std::invalid_argument);
  EXPECT_THROW(RouteTable(Routes({{"GET", "/a/:id(\\d+)"}})), std::invalid_argument);
  EXPECT_THROW(RouteTable(Routes({{"GET", "/a/"}})), std::invalid_argument);
  EXPECT_THROW(RouteTable(Routes({{"GET", "a"}})), std::invalid_argument);
  EXPECT_THROW(RouteTable(Routes({{"GET", "/a//b"}})), std::invalid_argument);
  EXPECT_THROW(RouteTable(Routes({{"FETCH", "/a"}})), std::invalid_argument);
}

}  // namespace
}  // namespace csphub::http
