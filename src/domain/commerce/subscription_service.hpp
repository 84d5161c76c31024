#pragma once
// Subscriptions: GET /v1/customers/{id}/subscriptions[?order_id=|?mpn_id=], GET/PATCH
// …/subscriptions/{sid}, its timeline, and GET/PUT …/subscriptions/{sid}/supportcontact
// (issue 4; reference §2.12, §4.3 Subscription and SupportContact, §4.4).
//
// Who sees a subscription: the partner who sells it (the billing partner) and its reseller of
// record, each only while it has a relationship with the customer. Only the billing partner
// changes it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_context.hpp"
#include "domain/commerce/subscription.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// The subscription as callers see it at `now`: a suspension past its expiry reads as deleted.
Subscription Presented(Subscription s, TimePoint now);

// Reference §2.12: a suspended subscription can be reactivated for 90 days; then its data is
// gone and it reads as deleted.
inline constexpr std::chrono::hours kSuspensionRetention{24 * 90};

// A PATCH: the fields the caller sent, to be compared with the stored ones (Partner Center
// clients send the whole resource with one field changed).
struct SubscriptionChange {
  std::int64_t etag = 0;  // If-Match
  std::optional<std::int64_t> quantity;
  std::optional<std::string> status;  // "active" | "suspended"
  std::optional<std::string> friendly_name;
  std::optional<bool> auto_renew;
  std::optional<std::string> partner_id;  // the reseller of record's MPN ID; "" removes it
};

// PUT …/supportcontact: who to name, by tenant ID or MPN ID (at least one).
struct SupportContactRequest {
  std::string tenant_id;
  std::string mpn_id;
};

class SubscriptionService {
 public:
  explicit SubscriptionService(ServiceDeps& deps) : deps_(deps) {}

  // The customer's subscriptions the caller may see, oldest first; `order_id` keeps one order's,
  // `mpn_id` those on record for that reseller (400 when not numeric, 404 800015 when unknown).
  Result<std::vector<Subscription>> List(const CallContext& ctx, const std::string& customer_id,
                                         const std::string& order_id, const std::string& mpn_id);
  // The subscription now, or as it was at `as_of` (404 20003 if it did not exist yet).
  Result<Subscription> Get(const CallContext& ctx, const std::string& customer_id,
                           const std::string& id, std::optional<TimePoint> as_of = {});
  // The subscription's add-ons (reference §4.2 …/addons), oldest first.
  Result<std::vector<Subscription>> AddOns(const CallContext& ctx, const std::string& customer_id,
                                           const std::string& id);
  // Every change, oldest first, with the state after it.
  Result<std::vector<SubscriptionEvent>> Timeline(const CallContext& ctx,
                                                  const std::string& customer_id,
                                                  const std::string& id);
  // Applies the fields that differ from the stored ones as one change (one timeline event, one
  // `update_subscription` audit record); nothing changes when none differ. Errors: 412 (2055) on
  // a stale etag; 403 700208 for anyone but the billing partner; 400 2011 when deleted; quantity:
  // 2002 out of bounds, 2001 in a suspending PATCH, 800091 while suspended; status other than
  // active/suspended 400; reactivating an add-on whose base is not active 409 27009; partnerId:
  // 800098 unless the caller is an indirect provider, then as ResolveResellerOfRecord.
  // Suspending a base subscription suspends its active add-ons.
  Result<Subscription> Update(const CallContext& ctx, const std::string& customer_id,
                              const std::string& id, SubscriptionChange change);
  // Names the designated support contact: the billing partner itself, or an indirect reseller
  // in partnership with it (400 800016 otherwise). Returns the subscription.
  Result<Subscription> SetSupportContact(const CallContext& ctx, const std::string& customer_id,
                                         const std::string& id, SupportContactRequest req);

 private:
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
