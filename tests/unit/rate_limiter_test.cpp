#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace csphub::http {
namespace {

using std::chrono::seconds;

TEST(RateLimiterTest, RefusesAfterLimit) {
  RateLimiter rl({{"g", {3, 0}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 3; ++i) {
    const RateDecision d = rl.Take("tenant", "g", t0);
    EXPECT_TRUE(d.allowed) << i;
    EXPECT_EQ(d.limit, 3);
    EXPECT_EQ(d.remaining, 2 - i);
  }
  const RateDecision d = rl.Take("tenant", "g", t0);
  EXPECT_FALSE(d.allowed);
  EXPECT_GE(d.retry_after, 1);
  EXPECT_EQ(d.remaining, 0);
  EXPECT_EQ(d.limit, 3);
}

TEST(RateLimiterTest, RefillsOverTime) {
  RateLimiter rl({{"g", {3, 0}}});  // one token per 20 s
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(rl.Take("k", "g", t0).allowed);
  EXPECT_FALSE(rl.Take("k", "g", t0 + seconds(5)).allowed);
  EXPECT_TRUE(rl.Take("k", "g", t0 + seconds(21)).allowed);
  EXPECT_FALSE(rl.Take("k", "g", t0 + seconds(22)).allowed);
  // A full minute later the bucket is full again, but never above capacity.
  const auto later = t0 + seconds(600);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(rl.Take("k", "g", later).allowed) << i;
  EXPECT_FALSE(rl.Take("k", "g", later).allowed);
}

TEST(RateLimiterTest, SeparateKeysAndGroups) {
  RateLimiter rl({{"g", {1, 0}}, {"h", {1, 0}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  EXPECT_TRUE(rl.Take("a", "g", t0).allowed);
  EXPECT_FALSE(rl.Take("a", "g", t0).allowed);
  EXPECT_TRUE(rl.Take("b", "g", t0).allowed);
  EXPECT_TRUE(rl.Take("a", "h", t0).allowed);
  EXPECT_FALSE(rl.Take("a", "h", t0).allowed);
}

TEST(RateLimiterTest, UnlistedGroupUsesDefault) {
  RateLimiter rl({{"default", {2, 0}}, {"g", {10, 0}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  RateDecision d = rl.Take("a", "other", t0);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.limit, 2);
  EXPECT_TRUE(rl.Take("a", "other", t0).allowed);
  EXPECT_FALSE(rl.Take("a", "other", t0).allowed);
  EXPECT_EQ(rl.Take("a", "g", t0).limit, 10);
}

TEST(RateLimiterTest, BurstSetsCapacity) {
  RateLimiter rl({{"g", {60, 2}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  EXPECT_EQ(rl.Take("a", "g", t0).limit, 2);
  EXPECT_TRUE(rl.Take("a", "g", t0).allowed);
  EXPECT_FALSE(rl.Take("a", "g", t0).allowed);
  EXPECT_TRUE(rl.Take("a", "g", t0 + seconds(1)).allowed);
}

TEST(RateLimiterTest, ZeroIsUnlimited) {
  RateLimiter rl({{"g", {0, 0}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 1000; ++i) {
    const RateDecision d = rl.Take("a", "g", t0);
    ASSERT_TRUE(d.allowed);
    ASSERT_EQ(d.limit, 0);
  }
}

TEST(RateLimiterTest, NoDefaultMeansUnlimited) {
  RateLimiter rl({{"g", {1, 0}}});
  const auto t0 = RateLimiter::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(rl.Take("a", "unlisted", t0).allowed);
}

}  // namespace
}  // namespace csphub::http
