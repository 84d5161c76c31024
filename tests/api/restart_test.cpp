// Durability over a real process: kill -9 right after a 2xx write, start again, the write is
// there. And SIGTERM stops the server cleanly (exit 0).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/server_process.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

class RestartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    database_ = std::make_unique<TestDatabase>(dir_);
    db_ = database_->url();
    const pid_t init = SpawnCsphub({"init", "--database", db_, "--output", "json"},
                                   dir_ + "/init.out", dir_ + "/stderr.log");
    ASSERT_GT(init, 0);
    const int status = WaitFor(init, std::chrono::seconds(30));
    ASSERT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << ReadFile(dir_ + "/stderr.log");
    operator_secret_ = JsonField(ReadFile(dir_ + "/init.out"), "/clientSecret");
    ASSERT_FALSE(operator_secret_.empty()) << ReadFile(dir_ + "/init.out");
  }

  void TearDown() override {
    server_.reset();
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Starts `csphub serve` on the test's database and waits for /healthz.
  void StartServer() {
    server_ = std::make_unique<ServerProcess>(dir_, std::vector<std::string>{"--database", db_});
    server_->Start();
  }
  void Kill9() { server_->Kill9(); }
  httplib::Client Client() const { return server_->Client(); }

  std::string OperatorToken() {
    httplib::Params form{{"grant_type", "client_credentials"},
                         {"client_id", "operator"},
                         {"client_secret", operator_secret_}};
    auto res = Client().Post("/operator/oauth2/v2.0/token", form);
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 200) << res->body;
    return JsonField(res->body, "/access_token");
  }

  httplib::Headers Auth(const std::string& token) const {
    return {{"Authorization", "Bearer " + token}};
  }

  std::string dir_;
  std::unique_ptr<TestDatabase> database_;
  std::string db_;
  std::string operator_secret_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(RestartTest, WriteSurvivesKill9RightAfter201) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  std::string token = OperatorToken();
  ASSERT_FALSE(token.empty());
  auto res = Client().Post(
      "/admin/v1/partners", Auth(token),
      R"({"name":"Restart Test Ltd","country":"US","programs":["indirect_reseller"],"mpnId":"555"})",
      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  ASSERT_NO_FATAL_FAILURE(Kill9());  // immediately after the 201
  const std::string tenant = JsonField(res->body, "/partner/tenantId");
  ASSERT_FALSE(tenant.empty()) << res->body;

  ASSERT_NO_FATAL_FAILURE(StartServer());
  token = OperatorToken();
  ASSERT_FALSE(token.empty());
  auto got = Client().Get("/admin/v1/partners/" + tenant, Auth(token));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(JsonField(got->body, "/name"), "Restart Test Ltd");
  EXPECT_EQ(JsonField(got->body, "/mpnId"), "555");
}

TEST_F(RestartTest, EveryWriteSurvivesRepeatedKill9) {
  std::vector<std::string> tenants;
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE("round " + std::to_string(i));
    ASSERT_NO_FATAL_FAILURE(StartServer());
    const std::string token = OperatorToken();
    ASSERT_FALSE(token.empty());
    // Everything written before the previous kills is still there.
    for (size_t k = 0; k < tenants.size(); ++k) {
      auto got = Client().Get("/admin/v1/partners/" + tenants[k], Auth(token));
      ASSERT_TRUE(got);
      EXPECT_EQ(got->status, 200) << got->body;
      EXPECT_EQ(JsonField(got->body, "/name"), "Restart Test " + std::to_string(k));
    }
    auto res = Client().Post("/admin/v1/partners", Auth(token),
                             R"({"name":"Restart Test )" + std::to_string(i) +
                                 R"(","country":"US","programs":["indirect_reseller"],"mpnId":")" +
                                 std::to_string(5550 + i) + R"("})",
                             "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
    ASSERT_NO_FATAL_FAILURE(Kill9());
    tenants.push_back(JsonField(res->body, "/partner/tenantId"));
    ASSERT_FALSE(tenants.back().empty()) << res->body;
  }
  ASSERT_NO_FATAL_FAILURE(StartServer());
  const std::string token = OperatorToken();
  for (size_t k = 0; k < tenants.size(); ++k) {
    SCOPED_TRACE(tenants[k]);
    auto got = Client().Get("/admin/v1/partners/" + tenants[k], Auth(token));
    ASSERT_TRUE(got);
    EXPECT_EQ(got->status, 200) << got->body;
    EXPECT_EQ(JsonField(got->body, "/name"), "Restart Test " + std::to_string(k));
  }
  auto list = Client().Get("/admin/v1/partners", Auth(token));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(JsonField(list->body, "/totalCount"), "5") << list->body;
}

TEST_F(RestartTest, EnrolledPartnerIsListedAfterKill9) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  std::string token = OperatorToken();
  auto res = Client().Post(
      "/admin/v1/partners", Auth(token),
      R"({"name":"Restart Admin Ltd","country":"US","programs":["indirect_reseller"],"mpnId":"556"})",
      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  ASSERT_NO_FATAL_FAILURE(Kill9());
  ASSERT_NO_FATAL_FAILURE(StartServer());
  token = OperatorToken();
  auto list = Client().Get("/admin/v1/partners", Auth(token));
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("Restart Admin Ltd"), std::string::npos) << list->body;
}

TEST_F(RestartTest, SigtermExitsZeroWithin15Seconds) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  const std::string token = OperatorToken();
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(::kill(server_->pid(), SIGTERM), 0);
  const int status = WaitFor(server_->pid(), std::chrono::seconds(15));
  ASSERT_NE(status, -1) << "csphub serve did not exit within 15 s of SIGTERM";
  server_->Forget();
  EXPECT_TRUE(WIFEXITED(status)) << "status " << status;
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFile(dir_ + "/stderr.log");
  // And the database opens again afterwards.
  ASSERT_NO_FATAL_FAILURE(StartServer());
  EXPECT_FALSE(OperatorToken().empty());
}

}  // namespace
}  // namespace csphub::testing
