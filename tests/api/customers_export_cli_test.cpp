// The customer list as CSV (GET /v1/customers/export) and the `csphub customers` CLI, run as a
// real process against the same SQLite file the test server uses.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "support/cli_runner.hpp"
#include "support/customer_requests.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

// Standard output of `csphub ARGS`; its exit code in *exit_code when asked.
std::string RunCliOut(const std::string& args, int* exit_code = nullptr) {
  CliResult r = RunCli(args, /*with_stderr=*/false);
  if (exit_code) *exit_code = r.exit_code;
  return r.output;
}

class CustomersExportCliTest : public ::testing::Test {
 protected:
  std::string Create(const std::string& domain, const std::string& name) {
    CustomerFields f;
    f.domain = domain;
    f.company_name = name;
    auto res = server_.Post(token_, "/v1/customers", CustomerJson(f));
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 201) << res->body;
    return JsonField(res->body, "/id");
  }
  std::string Cli(const std::string& args, int* exit_code = nullptr) {
    return RunCliOut(args + " --database " + server_.app().config().database + " --partner " +
                         app::Demo().partners[kDirect].tenant_id,
                     exit_code);
  }

  TestServer server_;
  std::string token_ = server_.UserToken(kDirect, kGlobalAdmin);
};

TEST_F(CustomersExportCliTest, ExportIsTheWholeListAsCsv) {
  const std::string a = Create("exporta", "Export, \"Quoted\" Ltd");
  const std::string b = Create("exportb", "=HYPERLINK(1) Corp");
  auto res = server_.Get(token_, "/v1/customers/export");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  const std::string header = "Microsoft ID,Company name,Primary domain name,Relationship,Tags\r\n";
  // In company-name order: "=hyperlink…" < "alpine ski house" (demo) < "export…" < "fourth
  // coffee" (demo); quoted per RFC 4180, formula-like cells defused.
  const std::string row_b = b + ",'=HYPERLINK(1) Corp,exportb.onmicrosoft.com,Cloud reseller,\r\n";
  const std::string row_a =
      a + ",\"Export, \"\"Quoted\"\" Ltd\",exporta.onmicrosoft.com,Cloud reseller,\r\n";
  EXPECT_EQ(res->body.rfind(header + row_b, 0), 0u) << res->body;
  EXPECT_LT(res->body.find("Alpine Ski House"), res->body.find(row_a));
  EXPECT_LT(res->body.find(row_a), res->body.find("Fourth Coffee"));
  // Another partner's export has none of them.
  auto other = server_.Get(server_.UserToken(kProvider, kGlobalAdmin), "/v1/customers/export");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(other->body.find("export"), std::string::npos) << other->body;
}

// More customers than one export page (500): the body is streamed page by page, chunked.
TEST_F(CustomersExportCliTest, LargeExportsAreStreamedInChunks) {
  const std::string partner = app::Demo().partners[kDirect].tenant_id;
  constexpr int kExtra = 1203;
  const Status st = server_.app().store().Write([&](domain::Repositories& repos) -> Status {
    const TimePoint now = std::chrono::system_clock::now();
    for (int i = 0; i < kExtra; ++i) {
      char id[40];
      std::snprintf(id, sizeof id, "e0000000-0000-4000-8000-%012d", i);
      domain::Customer c;
      c.id = id;
      c.commerce_id = id;
      c.domain = "bulk" + std::to_string(i) + ".onmicrosoft.com";
      c.billing.company_name = "Bulk Customer " + std::to_string(100000 + i);
      c.billing.default_address.country = "US";
      c.created_at = c.updated_at = now;
      RETURN_IF_ERROR(repos.Customers().Insert(c));
      RETURN_IF_ERROR(repos.Customers().InsertRelationship({partner, c.id, "", "", now}));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.description() << st.detail();
  auto res = server_.Get(token_, "/v1/customers/export");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
  std::size_t lines = 0;
  for (char ch : res->body) lines += ch == '\n';
  EXPECT_EQ(lines, 1u + kExtra + 2u);  // header, ours, the two demo customers
  // In name order across page boundaries, each once.
  std::size_t at = 0;
  for (int i = 0; i < kExtra; ++i) {
    const std::size_t next = res->body.find("Bulk Customer " + std::to_string(100000 + i), at);
    ASSERT_NE(next, std::string::npos) << i;
    at = next;
  }
  // The CLI streams the same rows.
  const std::string csv = Cli("customers export");
  EXPECT_EQ(csv, res->body);
}

TEST_F(CustomersExportCliTest, CliCreatesListsGetsAndExports) {
  const std::string body_path = TempDir() + "/customer.json";
  CustomerFields f;
  f.domain = "clitest";
  f.company_name = "Cli Test Corp";
  {
    std::FILE* out = std::fopen(body_path.c_str(), "w");
    ASSERT_NE(out, nullptr);
    const std::string json = CustomerJson(f);
    std::fwrite(json.data(), 1, json.size(), out);
    std::fclose(out);
  }
  int rc = -1;
  const std::string created = Cli("customers create --output json --file " + body_path, &rc);
  ASSERT_EQ(rc, 0) << created;
  const std::string id = JsonField(created, "/id");
  ASSERT_EQ(id.size(), 36u) << created;
  EXPECT_EQ(JsonField(created, "/userCredentials/userName"), "admin@clitest.onmicrosoft.com");
  // The server sees what the CLI wrote.
  auto got = server_.Get(token_, "/v1/customers/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);

  const std::string listed = Cli("customers list --output json --all");
  EXPECT_NE(listed.find("\"id\":\"" + id + "\""), std::string::npos) << listed;
  // Items as GET /v1/customers lists them: the company profile, no billing profile.
  EXPECT_EQ(JsonField(listed, "/0/companyProfile/companyName"), "Alpine Ski House") << listed;
  EXPECT_EQ(JsonField(listed, "/0/attributes/objectType"), "Customer");
  EXPECT_EQ(listed.find("billingProfile"), std::string::npos) << listed;
  const std::string lines = Cli("customers list --all");
  EXPECT_NE(lines.find(id + "  Cli Test Corp"), std::string::npos) << lines;
  EXPECT_NE(lines.find("clitest.onmicrosoft.com"), std::string::npos) << lines;
  const std::string shown = Cli("customers get --output json " + id);
  EXPECT_EQ(JsonField(shown, "/companyProfile/domain"), "clitest.onmicrosoft.com");
  EXPECT_EQ(JsonField(shown, "/billingProfile/companyName"), "Cli Test Corp");
  const std::string csv = Cli("customers export");
  EXPECT_NE(csv.find(id + ",Cli Test Corp,clitest.onmicrosoft.com"), std::string::npos) << csv;

  // Refusals come back as a message and exit code 2, and change nothing.
  Cli("customers create --file " + body_path, &rc);
  EXPECT_EQ(rc, 2);
  Cli("customers get 0b0b0b0b-0000-4000-8000-000000000000", &rc);
  EXPECT_EQ(rc, 2);
}

// demo-credentials --output json once crashed: its option's storage died before parsing.
TEST(DemoCredentialsCliTest, PrintsTheWholeDataSetAsJson) {
  int rc = -1;
  const std::string out = RunCliOut("demo-credentials --output json", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(JsonField(out, "/partners/0/tenantId"), app::Demo().partners[0].tenant_id);
  EXPECT_EQ(JsonField(out, "/customers/0/tenantId"), app::Demo().customers[0].tenant_id);
  EXPECT_EQ(JsonField(out, "/customers/0/admin/password"), "Demo!Pass-2026");
}

}  // namespace
}  // namespace csphub::testing
