#include "domain/commerce/subscription.hpp"

#include <chrono>

#include "common/ids.hpp"

namespace csphub::domain {

std::string_view SubscriptionStatusName(SubscriptionStatus s) {
  switch (s) {
    case SubscriptionStatus::kActive:
      return "active";
    case SubscriptionStatus::kSuspended:
      return "suspended";
    case SubscriptionStatus::kDeleted:
      return "deleted";
  }
  return "active";
}

std::optional<SubscriptionStatus> ParseSubscriptionStatus(std::string_view name) {
  for (auto s : {SubscriptionStatus::kActive, SubscriptionStatus::kSuspended,
                 SubscriptionStatus::kDeleted}) {
    if (EqualsIgnoreCase(name, SubscriptionStatusName(s))) return s;
  }
  return std::nullopt;
}

TimePoint AddTerm(TimePoint start, std::string_view term_duration) {
  using namespace std::chrono;
  int months = 1;
  if (term_duration == "P1Y") months = 12;
  if (term_duration == "P3Y") months = 36;
  const auto day = floor<days>(start);
  const auto time_of_day = start - day;
  year_month_day ymd{day};
  ymd += std::chrono::months{months};
  // 31 January + 1 month ends on the last day of February, as billing calendars do.
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;
  return sys_days{ymd} + time_of_day;
}

}  // namespace csphub::domain
