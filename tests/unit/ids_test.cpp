#include "common/ids.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace csphub {
namespace {

TEST(IdsTest, GuidsAreVersion7AndUnique) {
  RandomIdGenerator ids;
  std::set<std::string> seen;
  for (int i = 0; i < 5000; ++i) {  // several refills of the per-thread pool
    const std::string g = ids.NewGuid();
    ASSERT_TRUE(IsGuid(g)) << g;
    EXPECT_EQ(g[14], '7') << g;
    EXPECT_NE(std::string("89ab").find(g[19]), std::string::npos) << g;
    EXPECT_EQ(ToLower(g), g);
    EXPECT_TRUE(seen.insert(g).second) << "duplicate " << g;
  }
}

// Time-ordered: a GUID made a millisecond later sorts after (as text, the way indexes compare
// them), and its first 48 bits are the Unix time in milliseconds.
TEST(IdsTest, GuidsSortByCreationTime) {
  RandomIdGenerator ids;
  const auto now_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const long long before = now_ms();
  const std::string first = ids.NewGuid();
  const long long after = now_ms();
  const long long stamped = std::stoll(first.substr(0, 8) + first.substr(9, 4), nullptr, 16);
  EXPECT_GE(stamped, before);
  EXPECT_LE(stamped, after);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_LT(first, ids.NewGuid());
}

TEST(IdsTest, ThreadsDrawDifferentGuids) {
  RandomIdGenerator ids;
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (auto& out : got) {
    threads.emplace_back([&ids, &out] {
      for (int i = 0; i < 500; ++i) out.push_back(ids.NewGuid());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& v : got) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 2000u);
}

TEST(IdsTest, IsGuidChecksShape) {
  EXPECT_TRUE(IsGuid("11111111-1111-4111-8111-111111111111"));
  EXPECT_TRUE(IsGuid("ABCDEF01-1111-4111-8111-111111111111"));
  EXPECT_FALSE(IsGuid("11111111-1111-4111-8111-11111111111"));
  EXPECT_FALSE(IsGuid("11111111x1111-4111-8111-111111111111"));
  EXPECT_FALSE(IsGuid("g1111111-1111-4111-8111-111111111111"));
}

}  // namespace
}  // namespace csphub
