#include "api/json.hpp"

#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <limits>

namespace csphub::api {
namespace {

std::unique_ptr<JsonIn> MustParse(const std::string& body) {
  auto r = JsonIn::Parse(body);
  EXPECT_TRUE(r.ok()) << r.status().description();
  return r.ok() ? std::move(r).value() : nullptr;
}

TEST(JsonTest, RejectsMalformed) {
  for (const char* body : {"", "{", "{\"a\":}", "not json", "{\"a\":1,}"}) {
    auto r = JsonIn::Parse(body);
    EXPECT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << body;
  }
}

TEST(JsonTest, RejectsNonObjectRoot) {
  for (const char* body : {"[]", "1", "\"s\"", "null", "true"}) {
    auto r = JsonIn::Parse(body);
    EXPECT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << body;
  }
}

TEST(JsonTest, FindsMembersIgnoringCase) {
  auto in =
      MustParse(R"({"CompanyName":"Contoso","domain":"contoso.com","Enabled":true,"Count":7})");
  ASSERT_TRUE(in);
  const ObjectReader root = in->Root();
  auto name = root.RequiredString("companyName");
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "Contoso");
  auto domain = root.RequiredString("Domain");
  ASSERT_TRUE(domain.ok());
  EXPECT_EQ(*domain, "contoso.com");
  auto enabled = root.OptionalBool("enabled");
  ASSERT_TRUE(enabled.ok());
  EXPECT_EQ(*enabled, std::optional<bool>(true));
  auto count = root.OptionalInt("count");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, std::optional<std::int64_t>(7));
  auto missing = root.OptionalString("nothing");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST(JsonTest, RequiredStringMissingNamesField) {
  auto in = MustParse(R"({"other":"x"})");
  ASSERT_TRUE(in);
  auto r = in->Root().RequiredString("companyName");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().description().find("companyName"), std::string::npos)
      << r.status().description();
}

TEST(JsonTest, NullCountsAsMissing) {
  auto in = MustParse(R"({"name":null})");
  ASSERT_TRUE(in);
  EXPECT_FALSE(in->Root().RequiredString("name").ok());
}

TEST(JsonTest, NestedPath) {
  auto in = MustParse(R"({"BillingProfile":{"firstName":"A"}})");
  ASSERT_TRUE(in);
  auto profile = in->Root().OptionalObject("billingProfile");
  ASSERT_TRUE(profile.ok());
  ASSERT_TRUE(profile->has_value());
  auto first = (*profile)->RequiredString("FirstName");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, "A");
  auto email = (*profile)->RequiredString("email");
  ASSERT_FALSE(email.ok());
  EXPECT_NE(email.status().description().find("billingProfile.email"), std::string::npos)
      << email.status().description();
}

TEST(JsonTest, WrongTypesNameField) {
  auto in =
      MustParse(R"({"name":5,"flag":"yes","count":"7","list":[1],"obj":[],"tags":"x","frac":1.5})");
  ASSERT_TRUE(in);
  const ObjectReader root = in->Root();
  auto check = [](const Status& s, const std::string& field) {
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << field;
    EXPECT_NE(s.description().find("'" + field + "'"), std::string::npos) << s.description();
  };
  check(root.RequiredString("name").status(), "name");
  check(root.OptionalString("name").status(), "name");
  check(root.OptionalBool("flag").status(), "flag");
  check(root.OptionalInt("count").status(), "count");
  check(root.OptionalInt("frac").status(), "frac");
  check(root.OptionalStringArray("list").status(), "list");
  check(root.OptionalStringArray("tags").status(), "tags");
  check(root.OptionalObject("obj").status(), "obj");
}

TEST(JsonTest, StringArray) {
  auto in = MustParse(R"({"roles":["a","b"]})");
  ASSERT_TRUE(in);
  auto roles = in->Root().OptionalStringArray("Roles");
  ASSERT_TRUE(roles.ok());
  ASSERT_TRUE(roles->has_value());
  EXPECT_EQ(**roles, (std::vector<std::string>{"a", "b"}));
}

TEST(JsonTest, OutWritesEscapedStrings) {
  JsonOut out;
  out.BeginObject()
      .Field("s", std::string("quote\" back\\ nl\n tab\t ctl\x01"))
      .Field("n", 42)
      .Field("b", false)
      .StringArray("a", {"x", "y"})
      .Attributes("Customer", "e1")
      .EndObject();
  EXPECT_EQ(out.str(),
            R"({"s":"quote\" back\\ nl\n tab\t ctl\u0001","n":42,"b":false,"a":["x","y"],)"
            R"("attributes":{"etag":"e1","objectType":"Customer"}})");
}

TEST(JsonTest, OutRoundTripsThroughIn) {
  const std::string tricky = "é \"x\" </script> \\ \x7f";
  JsonOut out;
  out.BeginObject().Field("v", tricky).EndObject();
  auto in = MustParse(out.str());
  ASSERT_TRUE(in);
  auto v = in->Root().RequiredString("v");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, tricky);
}

// JsonOut writes its own JSON; it must be RapidJSON's Writer's, byte for byte, which is what
// responses were before (clients and stored idempotent answers compare bodies).
TEST(JsonTest, JsonOutWritesWhatRapidJsonWrote) {
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte.push_back(static_cast<char>(c));
  const std::vector<std::string> strings = {"",
                                            "plain",
                                            "quote\" and \\ back",
                                            "tab\tnl\ncr\rbs\bff\f",
                                            every_byte,
                                            "caf\xc3\xa9 \xe4\xb8\xad",
                                            std::string("nul\0inside", 11),
                                            "/slash/"};
  const std::vector<std::int64_t> ints = {0,
                                          -1,
                                          7,
                                          1234567890123,
                                          std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max()};

  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  JsonOut j(16);
  w.StartObject();
  j.BeginObject();
  for (const auto& s : strings) {
    w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    j.Field(s, s);
  }
  w.Key("ints");
  w.StartArray();
  j.BeginArray("ints");
  for (auto i : ints) {
    w.Int64(i);
    j.Value(i);
  }
  w.EndArray();
  j.EndArray();
  w.Key("empty");
  w.StartObject();
  w.EndObject();
  j.BeginObject("empty").EndObject();
  w.Key("nested");
  w.StartArray();
  w.StartArray();
  w.EndArray();
  w.StartObject();
  w.Key("t");
  w.Bool(true);
  w.Key("f");
  w.Bool(false);
  w.EndObject();
  w.String("/customers/a\"b/profiles");
  w.EndArray();
  j.BeginArray("nested").BeginArray().EndArray();
  j.BeginObject().Field("t", true).Field("f", false).EndObject();
  j.Value({"/customers/", "a\"b", "/profiles"}).EndArray();
  w.Key("after");
  w.Int64(1);
  j.Field("after", 1);
  w.EndObject();
  j.EndObject();

  const std::string expected(buf.GetString(), buf.GetSize());
  EXPECT_EQ(j.str(), expected);
  EXPECT_EQ(std::move(j).str(), expected);
}

}  // namespace
}  // namespace csphub::api
