#include "common/clock.hpp"

#include <gtest/gtest.h>

namespace csphub {
namespace {

TEST(ClockTest, FormatParseRoundTrip) {
  const TimePoint t = FromUnixMillis(1795244340123);  // 2026-11-21T...
  const std::string text = FormatIso8601(t);
  EXPECT_EQ(text.size(), 24u) << text;
  EXPECT_EQ(text.back(), 'Z');
  TimePoint back;
  ASSERT_TRUE(ParseIso8601(text, &back)) << text;
  EXPECT_EQ(ToUnixMillis(back), 1795244340123);
}

TEST(ClockTest, FormatsKnownInstant) {
  EXPECT_EQ(FormatIso8601(FromUnixMillis(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(FromUnixMillis(86400000 + 1500)), "1970-01-02T00:00:01.500Z");
}

TEST(ClockTest, ParsesDateOnly) {
  TimePoint t;
  ASSERT_TRUE(ParseIso8601("1970-01-02", &t));
  EXPECT_EQ(ToUnixMillis(t), 86400000);
}

TEST(ClockTest, ParsesWithoutFraction) {
  TimePoint t;
  ASSERT_TRUE(ParseIso8601("1970-01-01T00:01:00Z", &t));
  EXPECT_EQ(ToUnixMillis(t), 60000);
}

TEST(ClockTest, RejectsBadInput) {
  TimePoint t;
  EXPECT_FALSE(ParseIso8601("2026-13-01", &t));
  EXPECT_FALSE(ParseIso8601("2026-02-30", &t));  // no rolling over into March
  EXPECT_FALSE(ParseIso8601("2025-02-29", &t));
  EXPECT_TRUE(ParseIso8601("2024-02-29", &t));
  EXPECT_FALSE(ParseIso8601("2300-01-01", &t));  // past what TimePoint holds: no wrap-around
  EXPECT_FALSE(ParseIso8601("2026-04-31T00:00:00Z", &t));
  EXPECT_FALSE(ParseIso8601("garbage", &t));
  EXPECT_FALSE(ParseIso8601("", &t));
}

TEST(ClockTest, ManualClockAdvances) {
  ManualClock c(FromUnixMillis(1000000));
  EXPECT_EQ(c.NowUnix(), 1000);
  c.Advance(std::chrono::seconds(61));
  EXPECT_EQ(c.NowUnix(), 1061);
}

}  // namespace
}  // namespace csphub
