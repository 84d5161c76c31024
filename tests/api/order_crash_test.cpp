// Orders are all-or-nothing across crashes: a real `csphub serve` placing 5-line orders back to
// back for several clients at once (so that SQLite group-commits them, ADR 0013) is killed with
// SIGKILL at a random instant, 50 times; after each restart every order on
// record has all five subscriptions, no subscription is without its order, and every order that
// was acknowledged (201) is there. On both backends: on PostgreSQL the kill drops the session
// and the server rolls back whatever transaction it had open.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>

#include "app/demo_data.hpp"
#include "support/server_process.hpp"
#include "support/test_server.hpp"

namespace csphub::testing {
namespace {

constexpr int kRounds = 50;
constexpr int kLines = 5;
constexpr int kClients = 4;
const std::string kE3 = "6F1E0A2B-7C3D-4E5F-8A9B-0C1D2E3F4004";

std::string FiveLineOrder() {
  std::string body = R"({"lineItems":[)";
  for (int i = 0; i < kLines; ++i) {
    body += std::string(i ? "," : "") + R"({"offerId":")" + kE3 + R"(","quantity":)" +
            std::to_string(i + 1) + "}";
  }
  return body + "]}";
}

class OrderCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    database_ = std::make_unique<TestDatabase>(dir_);
    server_ = std::make_unique<ServerProcess>(
        dir_, std::vector<std::string>{"--demo", "--database", database_->url()});
  }
  void TearDown() override {
    server_.reset();
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  // The provider's app token (the signing key lives in the database, so it outlives restarts).
  std::string ProviderToken() {
    const auto& p = app::Demo().partners[kProvider];
    httplib::Params form{{"grant_type", "client_credentials"},
                         {"client_id", p.client_id},
                         {"client_secret", p.client_secret}};
    auto res = server_->Client().Post("/" + p.tenant_id + "/oauth2/v2.0/token", form);
    return res && res->status == 200 ? JsonField(res->body, "/access_token") : "";
  }
  httplib::Headers Auth() const { return {{"Authorization", "Bearer " + token_}}; }

  std::string dir_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<ServerProcess> server_;
  std::string token_;
  const std::string customer_ = "/v1/customers/" + app::Demo().customers[2].tenant_id;
};

TEST_F(OrderCrashTest, AFiveLineOrderKilledAtRandomPointsIsWholeOrAbsent) {
  ASSERT_NO_FATAL_FAILURE(server_->Start());
  token_ = ProviderToken();
  ASSERT_FALSE(token_.empty());
  auto mca = server_->Client().Post(
      customer_ + "/agreements", Auth(),
      R"({"primaryContact":{"firstName":"Ann","lastName":"Lee","email":"ann@northwind.example"},)"
      R"("dateAgreed":"2024-01-15"})",
      "application/json");
  ASSERT_TRUE(mca);
  ASSERT_EQ(mca->status, 201) << mca->body;

  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> kill_after_us(0, 40000);
  std::set<std::string> acknowledged;
  int interrupted = 0;
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      ASSERT_NO_FATAL_FAILURE(server_->Start());
    }
    std::atomic<bool> cut{false};
    std::vector<std::vector<std::string>> placed(kClients);
    std::vector<std::thread> clients;
    for (int k = 0; k < kClients; ++k) {
      clients.emplace_back([&, k] {
        httplib::Client c = server_->Client();
        while (true) {
          auto res = c.Post(customer_ + "/orders", Auth(), FiveLineOrder(), "application/json");
          if (!res) {  // the kill cut this request off
            cut = true;
            return;
          }
          if (res->status != 201) return;  // reported below as a missing acknowledgement
          placed[k].push_back(JsonField(res->body, "/id"));
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::microseconds(kill_after_us(rng)));
    ASSERT_NO_FATAL_FAILURE(server_->Kill9());
    for (auto& c : clients) c.join();
    interrupted += cut ? 1 : 0;
    for (const auto& p : placed) acknowledged.insert(p.begin(), p.end());
  }
  EXPECT_GT(interrupted, kRounds / 2) << "the kills should mostly land during a request";

  ASSERT_NO_FATAL_FAILURE(server_->Start());
  auto orders = server_->Client().Get(customer_ + "/orders", Auth());
  auto subs = server_->Client().Get(customer_ + "/subscriptions", Auth());
  ASSERT_TRUE(orders && subs);
  ASSERT_EQ(orders->status, 200) << orders->body;
  ASSERT_EQ(subs->status, 200) << subs->body;
  // Each body is parsed once: hundreds of orders make JsonField's parse-per-lookup quadratic.
  rapidjson::Document order_list;
  rapidjson::Document sub_list;
  order_list.Parse(orders->body.c_str());
  sub_list.Parse(subs->body.c_str());
  ASSERT_FALSE(order_list.HasParseError() || sub_list.HasParseError());
  const int order_count = order_list["totalCount"].GetInt();
  const int sub_count = sub_list["totalCount"].GetInt();
  EXPECT_EQ(sub_count, order_count * kLines) << "a subscription without its order, or less";
  std::set<std::string> on_record;
  std::set<std::string> subscriptions;
  for (const auto& sub : sub_list["items"].GetArray()) subscriptions.insert(sub["id"].GetString());
  ASSERT_EQ(static_cast<int>(subscriptions.size()), sub_count);
  int i = 0;
  for (const auto& order : order_list["items"].GetArray()) {
    on_record.insert(order["id"].GetString());
    const auto& lines = order["lineItems"].GetArray();
    EXPECT_EQ(lines.Size(), static_cast<unsigned>(kLines)) << "order " << i;
    int line = 0;
    for (const auto& item : lines) {
      EXPECT_TRUE(subscriptions.count(item["subscriptionId"].GetString()))
          << "order " << i << " line " << line;
      ++line;
    }
    ++i;
  }
  ASSERT_EQ(i, order_count);
  for (const std::string& id : acknowledged) {
    EXPECT_TRUE(on_record.count(id)) << "acknowledged order " << id << " was lost";
  }
  EXPECT_GE(on_record.size(), acknowledged.size());
  RecordProperty("orders", order_count);
}

}  // namespace
}  // namespace csphub::testing
