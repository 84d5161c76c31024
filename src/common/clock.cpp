#include "common/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace csphub {

std::int64_t Clock::NowUnix() const {
  return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
}

std::int64_t ToUnixMillis(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint FromUnixMillis(std::int64_t ms) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms)));
}

std::string FormatIso8601(TimePoint t) {
  const std::int64_t ms = ToUnixMillis(t);
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  int millis = static_cast<int>(ms % 1000);
  if (millis < 0) {
    millis += 1000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

bool ParseIso8601(const std::string& text, TimePoint* out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10) {
    return false;
  }
  std::string rest = text.substr(10);
  if (!rest.empty()) {
    int n = 0;
    if (std::sscanf(rest.c_str(), "T%2d:%2d:%2d%n", &h, &mi, &s, &n) != 3) return false;
    rest = rest.substr(static_cast<size_t>(n));
    if (!rest.empty() && rest[0] == '.') {
      size_t i = 1;
      int digits = 0;
      while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
        if (digits < 3) ms = ms * 10 + (rest[i] - '0');
        ++digits;
        ++i;
      }
      for (; digits < 3; ++digits) ms *= 10;
      rest = rest.substr(i);
    }
    if (rest == "Z" || rest == "+00:00") rest.clear();
    if (!rest.empty()) return false;
  }
  if (h > 23 || mi > 59 || s > 60) return false;
  // A real calendar day (no 30 February), within what TimePoint holds (nanoseconds since 1970
  // reach 2262; timegm would silently wrap or roll over).
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2261) return false;
  const auto since_epoch = sys_days(ymd).time_since_epoch() + hours(h) + minutes(mi) + seconds(s);
  *out = FromUnixMillis(duration_cast<milliseconds>(since_epoch).count() + ms);
  return true;
}

}  // namespace csphub
