#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace csphub::http {

RateDecision RateLimiter::Take(const std::string& key, const std::string& group,
                               Clock::time_point now) {
  auto it = limits_.find(group);
  if (it == limits_.end()) it = limits_.find("default");
  if (it == limits_.end() || it->second.requests_per_minute <= 0) return {};
  const RateLimit& limit = it->second;
  const double capacity = limit.burst > 0 ? limit.burst : limit.requests_per_minute;
  const double per_second = limit.requests_per_minute / 60.0;

  std::lock_guard lock(mu_);
  auto [bucket_it, inserted] = buckets_.try_emplace(group + "\x1f" + key, Bucket{capacity, now});
  Bucket& b = bucket_it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(capacity, b.tokens + elapsed * per_second);
  b.updated = now;

  RateDecision d;
  d.limit = static_cast<int>(capacity);
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    d.allowed = true;
  } else {
    d.allowed = false;
    d.retry_after = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second)));
  }
  d.remaining = static_cast<int>(std::floor(b.tokens));
  d.reset_seconds = static_cast<int>(std::ceil((capacity - b.tokens) / per_second));
  return d;
}

}  // namespace csphub::http
