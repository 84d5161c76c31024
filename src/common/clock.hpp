#pragma once
// Time comes from an injected Clock so that tests can move it (30-day windows, token expiry).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace csphub {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  std::int64_t NowUnix() const;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void Advance(std::chrono::seconds by) {
    now_ += std::chrono::duration_cast<TimePoint::duration>(by).count();
  }

 private:
  std::atomic<TimePoint::duration::rep> now_;
};

// ISO-8601 UTC with milliseconds, "2026-11-21T06:59:00.123Z", as Partner Center writes dates.
std::string FormatIso8601(TimePoint t);
// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[.fff][Z]"; false when it is neither.
bool ParseIso8601(const std::string& text, TimePoint* out);
// Milliseconds since the epoch: how times are stored.
std::int64_t ToUnixMillis(TimePoint t);
TimePoint FromUnixMillis(std::int64_t ms);

}  // namespace csphub
