// Two nodes on one database (issue 7): the test server, and a `csphub serve` process on its
// database (its own pool, port and memory; the token signing key it finds in the database).
// What must hold across nodes: uniqueness held by the database (racing creates of one domain:
// exactly one wins), optimistic concurrency (racing billing-profile updates and subscription
// PATCHes with one ETag: exactly one wins), and idempotent replay of an answer given by the
// other node. Runs on both backends (on SQLite the nodes share the file's one-writer lock); it is
// the point of the PostgreSQL one.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "app/demo_data.hpp"
#include "support/customers_fixture.hpp"
#include "support/server_process.hpp"

namespace csphub::testing {
namespace {

class MultiNodeTest : public CustomersApiBase {
 protected:
  void SetUp() override {
    node_b_ = std::make_unique<ServerProcess>(
        dir_, std::vector<std::string>{"--database", server_.app().config().database});
    ASSERT_NO_FATAL_FAILURE(node_b_->Start());
  }
  void TearDown() override {
    node_b_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // A client of node 0 (the test server) or node 1 (the `csphub serve` process).
  httplib::Client Node(int n) const {
    if (n == 1) return node_b_->Client();
    httplib::Client c("127.0.0.1", server_.port());
    c.set_read_timeout(30, 0);
    return c;
  }
  static httplib::Headers Auth(const std::string& token, httplib::Headers more = {}) {
    more.emplace("Authorization", "Bearer " + token);
    return more;
  }

  // Runs `calls` at once on `threads` threads, alternating nodes; returns the statuses.
  std::vector<int> Race(int threads, const std::function<httplib::Result(int node, int i)>& call) {
    std::vector<int> statuses(threads, 0);
    std::atomic<int> ready{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
      pool.emplace_back([&, i] {
        ++ready;
        while (ready.load() < threads) std::this_thread::yield();  // start together
        auto res = call(i % 2, i);
        statuses[i] = res ? res->status : -1;
      });
    }
    for (auto& t : pool) t.join();
    return statuses;
  }

  std::string dir_ = TempDir();
  std::unique_ptr<ServerProcess> node_b_;
};

int CountOf(const std::vector<int>& statuses, int status) {
  return static_cast<int>(std::count(statuses.begin(), statuses.end(), status));
}

TEST_F(MultiNodeTest, ATokenFromOneNodeWorksOnTheOther) {
  auto res = Node(1).Get("/v1/customers?size=1", Auth(direct_));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(MultiNodeTest, RacingCreatesOfOneDomainExactlyOneWins) {
  const auto statuses = Race(6, [&](int node, int i) {
    return Node(node).Post("/v1/customers", Auth(direct_),
                           CustomerJson(Named("racedomain", "Race " + std::to_string(i))),
                           "application/json");
  });
  EXPECT_EQ(CountOf(statuses, 201), 1);
  EXPECT_EQ(CountOf(statuses, 409), 5);
  EXPECT_EQ(Count(direct_, "&filter=" + httplib::detail::encode_query_param(
                                            R"({"Field":"Domain","Value":"racedomain"})")),
            1);
}

TEST_F(MultiNodeTest, RacingUpdatesWithOneEtagExactlyOneWins) {
  const std::string id = Create(direct_, Named("etagrace", "Etag Race"));
  ASSERT_FALSE(id.empty());
  const std::string path = "/v1/customers/" + id + "/profiles/billing";
  for (int round = 0; round < 3; ++round) {
    auto got = Node(round % 2).Get(path, Auth(direct_));
    ASSERT_TRUE(got);
    const std::string etag = JsonField(got->body, "/attributes/etag");
    ASSERT_FALSE(etag.empty());
    const auto statuses = Race(4, [&](int node, int i) {
      CustomerFields f = Named("etagrace", "Etag Race");
      f.city = "City " + std::to_string(round) + "-" + std::to_string(i);
      return Node(node).Put(path, Auth(direct_, {{"If-Match", "\"" + etag + "\""}}),
                            BillingJson(f, ""), "application/json");
    });
    EXPECT_EQ(CountOf(statuses, 200), 1) << "round " << round;
    EXPECT_EQ(CountOf(statuses, 412), 3) << "round " << round;
  }
}

// The demo's Wingtip Toys holds two subscriptions bought from the provider. Each round, six
// PATCHes of one of them carry the etag read just before, three through each node: exactly one
// changes it (200), the others are stale (412), and the timeline gains exactly one event, the
// winner's quantity.
TEST_F(MultiNodeTest, RacingSubscriptionPatchesWithOneEtagExactlyOneWins) {
  const std::string list = "/v1/customers/" + app::Demo().customers[1].tenant_id + "/subscriptions";
  auto subs = Node(0).Get(list, Auth(provider_));
  ASSERT_TRUE(subs);
  ASSERT_EQ(subs->status, 200) << subs->body;
  const std::string path = list + "/" + JsonField(subs->body, "/items/0/id");
  for (int round = 0; round < 3; ++round) {
    auto got = Node(round % 2).Get(path, Auth(provider_));
    ASSERT_TRUE(got);
    ASSERT_EQ(got->status, 200) << got->body;
    const std::string etag = JsonField(got->body, "/attributes/etag");
    ASSERT_FALSE(etag.empty());
    std::vector<std::string> bodies(6);
    const auto statuses = Race(6, [&](int node, int i) {
      auto res = Node(node).Patch(path, Auth(provider_, {{"If-Match", etag}}),
                                  R"({"quantity":)" + std::to_string(round * 10 + i + 1) + "}",
                                  "application/json");
      if (res) bodies[i] = res->body;
      return res;
    });
    ASSERT_EQ(CountOf(statuses, 200), 1) << "round " << round;
    EXPECT_EQ(CountOf(statuses, 412), 5) << "round " << round;
    const auto winner = std::find(statuses.begin(), statuses.end(), 200) - statuses.begin();
    const std::string quantity = std::to_string(round * 10 + winner + 1);
    EXPECT_EQ(JsonField(bodies[winner], "/quantity"), quantity);
    auto now = Node(1 - round % 2).Get(path, Auth(provider_));
    ASSERT_TRUE(now);
    EXPECT_EQ(JsonField(now->body, "/quantity"), quantity);
    EXPECT_EQ(JsonField(now->body, "/attributes/etag"), std::to_string(std::stoll(etag) + 1));
    auto events = Node(0).Get(path + "/events", Auth(provider_));
    ASSERT_TRUE(events);
    EXPECT_EQ(JsonField(events->body, "/totalCount"), std::to_string(round + 2));
  }
}

TEST_F(MultiNodeTest, AnIdempotentReplayOnTheOtherNodeGivesTheSameAnswer) {
  const httplib::Headers headers =
      Auth(direct_, {{"MS-RequestId", "5b0f7f38-1d3e-4c1e-9a57-2f3c1b1a0d01"}});
  const std::string body = CustomerJson(Named("replayed", "Replayed Corp"));
  auto first = Node(0).Post("/v1/customers", headers, body, "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto again = Node(1).Post("/v1/customers", headers, body, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 201) << again->body;
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(again->get_header_value("Idempotent-Replayed"), "true");
}

}  // namespace
}  // namespace csphub::testing
