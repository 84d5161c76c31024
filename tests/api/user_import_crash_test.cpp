// A bulk import survives kill -9: a real `csphub serve` importing 10,000 users is killed with
// SIGKILL twice while its job runs (seen running by polling), restarted each time, and resumes;
// in the end every row is imported exactly once: 10,000 rows "Created", none failed (a row
// redone after a lost mark would fail as "already exists"), 10,000 new users whose IDs are
// the ones the rows record.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <rapidjson/document.h>

#include "app/demo_data.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

constexpr int kRows = 10000;

class UserImportCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    // Small batches: many commits to land a kill between, and a visible running state. The
    // test polls fast: no rate limit on the users routes.
    std::ofstream(dir_ + "/config.json")
        << R"({"user_import_batch_rows": 100, "rate_limits": {"users": {"requests_per_minute": 0}}})";
    // The test's database: a SQLite file, or a fresh PostgreSQL database for the .pg copy.
    database_ = std::make_unique<TestDatabase>(dir_);
    server_ = std::make_unique<ServerProcess>(
        dir_, std::vector<std::string>{"--demo", "--database", database_->url(), "--config",
                                       dir_ + "/config.json"});
  }
  void TearDown() override {
    server_.reset();
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  // The provider's Global admin (bulk import is Global admin only); the signing key lives in
  // the database, so the token outlives restarts.
  std::string AdminToken() {
    const auto& p = app::Demo().partners[kProvider];
    httplib::Params form{{"grant_type", "password"},
                         {"client_id", p.client_id},
                         {"client_secret", p.client_secret},
                         {"username", p.users[kGlobalAdmin].user_principal_name},
                         {"password", p.users[kGlobalAdmin].password}};
    auto res = server_->Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", form);
    return res && res->status == 200 ? JsonField(res->body, "/access_token") : "";
  }
  httplib::Headers Auth() const { return {{"Authorization", "Bearer " + token_}}; }
  std::string Job() {
    auto res = server_->Client().Get("/v1/userimports/" + job_, Auth());
    return res && res->status == 200 ? res->body : "";
  }
  // Polls until the job has processed at least `rows` (and is still running), then kills.
  void KillWhenProcessed(int rows) {
    for (int i = 0; i < 20000; ++i) {
      const std::string job = Job();
      const std::string state = JsonField(job, "/state");
      ASSERT_NE(state, "completed") << "the job ended before the kill: " << job;
      if (state == "running" && std::stoi(JsonField(job, "/processedRows")) >= rows) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_NO_FATAL_FAILURE(server_->Kill9());
  }

  std::string dir_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<ServerProcess> server_;
  std::string token_;
  std::string job_;
  const app::DemoCustomer& litware_ = app::Demo().customers[2];
};

TEST_F(UserImportCrashTest, KilledTwiceDuringA10000RowImportEveryRowIsImportedExactlyOnce) {
  ASSERT_NO_FATAL_FAILURE(server_->Start());
  token_ = AdminToken();
  ASSERT_FALSE(token_.empty());
  // Two parts, as a client streaming a large file sends them.
  auto rows = [&](int from, int to) {
    std::string out;
    for (int i = from; i < to; ++i) {
      out += "Bulk,User,Bulk User " + std::to_string(i) + ",bulk" + std::to_string(i) + "@" +
             litware_.domain + "\r\n";
    }
    return out;
  };
  auto first = server_->Client().Post(
      "/v1/userimports?usageLocation=US&complete=false&customerId=" + litware_.tenant_id, Auth(),
      "First name,Last name,Display name,Email\r\n" + rows(0, kRows / 2), "text/csv");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 202) << first->body;
  job_ = JsonField(first->body, "/id");
  auto rest = server_->Client().Post("/v1/userimports/" + job_ + "/rows?complete=true", Auth(),
                                     rows(kRows / 2, kRows), "text/csv");
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->status, 202) << rest->body;

  ASSERT_NO_FATAL_FAILURE(KillWhenProcessed(1500));
  ASSERT_NO_FATAL_FAILURE(server_->Start());  // resumes by itself
  ASSERT_NO_FATAL_FAILURE(KillWhenProcessed(6000));
  ASSERT_NO_FATAL_FAILURE(server_->Start());
  std::string job;
  for (int i = 0; i < 1200 && JsonField(job, "/state") != "completed"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    job = Job();
  }
  ASSERT_EQ(JsonField(job, "/state"), "completed") << job;
  EXPECT_EQ(JsonField(job, "/totalRows"), std::to_string(kRows));
  EXPECT_EQ(JsonField(job, "/processedRows"), std::to_string(kRows));
  EXPECT_EQ(JsonField(job, "/createdRows"), std::to_string(kRows));
  EXPECT_EQ(JsonField(job, "/failedRows"), "0");

  // Every row Created once, with the ID of the user that exists under its email.
  auto results = server_->Client().Get("/v1/userimports/" + job_ + "/results", Auth());
  ASSERT_TRUE(results);
  ASSERT_EQ(results->status, 200);
  std::map<std::string, std::string> by_email;  // email -> user ID, from the results
  std::size_t at = results->body.find("\r\n") + 2;
  int created = 0;
  for (std::size_t end; (end = results->body.find("\r\n", at)) != std::string::npos; at = end + 2) {
    const std::string line = results->body.substr(at, end - at);
    std::vector<std::string> cells;
    for (std::size_t a = 0, b; a <= line.size(); a = b + 1) {
      b = line.find(',', a);
      if (b == std::string::npos) b = line.size();
      cells.push_back(line.substr(a, b - a));
    }
    ASSERT_EQ(cells.size(), 8u) << line;
    EXPECT_EQ(cells[4], "Created") << line;
    created += cells[4] == "Created";
    EXPECT_TRUE(by_email.emplace(cells[2], cells[6]).second) << "row twice: " << line;
  }
  EXPECT_EQ(created, kRows);
  int listed = 0;
  std::string continuation;
  do {
    httplib::Headers h = Auth();
    if (!continuation.empty()) h.emplace("MS-ContinuationToken", continuation);
    auto page = server_->Client().Get("/v1/customers/" + litware_.tenant_id + "/users?size=500", h);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200) << page->body;
    // Parsed once per page (JsonField parses the whole body on each call).
    rapidjson::Document users;
    users.Parse(page->body.c_str());
    ASSERT_FALSE(users.HasParseError());
    for (const auto& user : users["items"].GetArray()) {
      const std::string upn = user["userPrincipalName"].GetString();
      if (upn.rfind("bulk", 0) != 0) continue;
      ++listed;
      EXPECT_EQ(by_email[upn], user["id"].GetString()) << upn;
    }
    continuation = JsonField(page->body, "/continuationToken");
  } while (!continuation.empty());
  EXPECT_EQ(listed, kRows);
}

}  // namespace
}  // namespace csphub::testing
