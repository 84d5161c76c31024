#pragma once
// Subscriptions and their timeline (reference §1, §2.12, §4.3 Subscription and SupportContact).
// A subscription belongs to one customer and is sold by one partner (the provider or direct
// partner who ordered it: the "billing partner"); a provider may name an indirect reseller of
// record. Every change is kept as an event holding the state after it, so the state on any past
// date can be read back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace csphub::domain {

enum class SubscriptionStatus { kActive, kSuspended, kDeleted };
std::string_view SubscriptionStatusName(SubscriptionStatus s);                     // "active", ...
std::optional<SubscriptionStatus> ParseSubscriptionStatus(std::string_view name);  // any case

// Reference §4.3 SupportContact: who the customer calls. Defaults to the billing partner.
struct SupportContact {
  std::string tenant_id;
  std::string mpn_id;
  std::string name;
};

struct Subscription {
  std::string id;  // GUID, lower case
  std::string customer_id;
  std::string partner_tenant_id;  // the billing partner: who ordered it
  std::string order_id;
  std::string offer_id;  // legacy offer ID or catalogItemId, as ordered
  std::string offer_name;
  std::string product_id;
  std::string sku_id;
  std::string availability_id;
  std::string parent_subscription_id;  // add-ons: the base subscription
  std::string friendly_name;
  std::int64_t quantity = 0;
  std::string unit_type;
  std::string billing_type;   // license | usage | none
  std::string billing_cycle;  // monthly | annual | ...
  std::string term_duration;  // P1M | P1Y | P3Y, or empty for offers without a term
  SubscriptionStatus status = SubscriptionStatus::kActive;
  bool auto_renew = true;
  bool is_trial = false;
  // The reseller of record (partnerId on the wire is its MPN ID); empty when there is none.
  std::string reseller_tenant_id;
  std::string reseller_mpn_id;
  SupportContact support;
  TimePoint created_at;
  TimePoint commitment_end;  // created_at + term (or + one month without a term)
  // Set while suspended: when, and until when it can be reactivated (reference §2.12: data is
  // kept 90 days after suspension).
  std::optional<TimePoint> suspended_at;
  std::optional<TimePoint> suspension_expires_at;
  std::int64_t etag = 1;
  TimePoint updated_at;

  // The status as of `now`: a suspension past its expiry has deleted the subscription.
  SubscriptionStatus StatusAt(TimePoint now) const {
    if (status == SubscriptionStatus::kSuspended && suspension_expires_at &&
        now >= *suspension_expires_at) {
      return SubscriptionStatus::kDeleted;
    }
    return status;
  }
};

// One entry of a subscription's timeline: what happened, when, who did it, and the whole state
// right after it.
struct SubscriptionEvent {
  std::int64_t seq = 0;  // 1, 2, ... per subscription
  TimePoint at;
  std::string kind;   // created | quantity | suspended | reactivated | friendly_name |
                      // auto_renew | reseller | support_contact | transferred
  std::string actor;  // user principal name or app ID
  Subscription state;
};

// Calendar arithmetic for a term ("P1M", "P1Y", "P3Y"; empty = one month): the commitment end.
TimePoint AddTerm(TimePoint start, std::string_view term_duration);

}  // namespace csphub::domain
