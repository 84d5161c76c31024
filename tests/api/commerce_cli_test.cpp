// `csphub orders create|list` and `csphub subscriptions list|update`, run as real processes on
// the test server's SQLite file, checked through the API.
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_runner.hpp"
#include "support/commerce_fixture.hpp"

namespace csphub::testing {
namespace {

class CommerceCliTest : public CommerceApiBase {
 protected:
  CliResult Cli(const std::string& args) {
    return RunCli(args + " --database " + server_.app().config().database + " --partner " +
                  DemoOf(kProvider).tenant_id + " --customer " + CustomerId(kProvidersOwn));
  }
};

TEST_F(CommerceCliTest, OrdersAreCreatedAndListed) {
  CliResult r = Cli("orders create --offer " + kE3 + " --quantity 3 --term P1Y --output json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string order = JsonField(r.output, "/id");
  const std::string sub = JsonField(r.output, "/lineItems/0/subscriptionId");
  ASSERT_EQ(sub.size(), 36u) << r.output;
  auto got = server_.Get(provider_, Subscription(kProvidersOwn, sub));
  ASSERT_TRUE(got);
  EXPECT_EQ(JsonField(got->body, "/quantity"), "3");
  EXPECT_EQ(JsonField(got->body, "/termDuration"), "P1Y");

  const std::string file = TempDir() + "/order.json";
  std::ofstream(file) << OrderBody({Line(kBusinessBasic, 2), Line(kAzurePlan, 1)});
  r = Cli("orders create --file " + file);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("-> subscription"), std::string::npos) << r.output;
  EXPECT_EQ(SubscriptionCount(provider_, kProvidersOwn), 3);

  r = Cli("orders list");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("order " + order), std::string::npos) << r.output;

  // A refused order says why and exits non-zero, creating nothing.
  r = Cli("orders create --offer " + kBusinessBasic + " --quantity 301");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("between 1 and 300"), std::string::npos) << r.output;
  r = Cli("orders create");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(SubscriptionCount(provider_, kProvidersOwn), 3);
}

TEST_F(CommerceCliTest, SubscriptionsAreListedAndUpdated) {
  const std::string sub = Buy(provider_, kProvidersOwn, kE3, 10);
  CliResult r = Cli("subscriptions list");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(sub), std::string::npos) << r.output;

  r = Cli("subscriptions update " + sub + " --quantity 12 --friendly-name \"Head office\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto got = server_.Get(provider_, Subscription(kProvidersOwn, sub));
  ASSERT_TRUE(got);
  EXPECT_EQ(JsonField(got->body, "/quantity"), "12");
  EXPECT_EQ(JsonField(got->body, "/friendlyName"), "Head office");
  EXPECT_EQ(JsonField(got->body, "/attributes/etag"), "2");  // one change, one event

  r = Cli("subscriptions update " + sub + " --status suspended --output json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(JsonField(r.output, "/status"), "suspended");
  r = Cli("subscriptions update " + sub + " --quantity 5");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("suspended"), std::string::npos) << r.output;
  r = Cli("subscriptions list --mpn-id 2000002 --output json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "[]\n");
}

}  // namespace
}  // namespace csphub::testing
