#include "common/ids.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace csphub {
namespace {

TEST(IdsTest, GuidsAreVersion4AndUnique) {
  RandomIdGenerator ids;
  std::set<std::string> seen;
  for (int i = 0; i < 5000; ++i) {  // several refills of the per-thread pool
    const std::string g = ids.NewGuid();
    ASSERT_TRUE(IsGuid(g)) << g;
    EXPECT_EQ(g[14], '4') << g;
    EXPECT_NE(std::string("89ab").find(g[19]), std::string::npos) << g;
    EXPECT_EQ(ToLower(g), g);
    EXPECT_TRUE(seen.insert(g).second) << "duplicate " << g;
  }
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
