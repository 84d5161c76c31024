#pragma once
// Per-tenant, per-route-group token buckets. In process memory: with several nodes each node
// counts on its own (docs/scale-out.md). Thread-safe.
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace csphub::http {

struct RateLimit {
  int requests_per_minute = 0;  // 0: unlimited
  int burst = 0;                // bucket size; 0 means requests_per_minute
};

struct RateDecision {
  bool allowed = true;
  int limit = 0;          // RateLimit-Limit
  int remaining = 0;      // RateLimit-Remaining
  int reset_seconds = 0;  // RateLimit-Reset: until the bucket is full again
  int retry_after = 0;    // Retry-After, when refused
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // `limits` by group name; "default" applies to groups not listed.
  explicit RateLimiter(std::map<std::string, RateLimit> limits) : limits_(std::move(limits)) {}
  RateDecision Take(const std::string& key, const std::string& group,
                    Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  std::map<std::string, RateLimit> limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace csphub::http
