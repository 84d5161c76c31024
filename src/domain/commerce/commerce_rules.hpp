#pragma once
// Rules orders, subscriptions and transfers share.
#include <string>
#include <string_view>

#include "common/status.hpp"
#include "domain/call_context.hpp"
#include "domain/commerce/subscription.hpp"
#include "domain/partner/partner.hpp"

namespace csphub::domain {

// Most characters in a friendly name [impl].
inline constexpr std::size_t kMaxFriendlyName = 128;

// Whether the partner sells subscriptions itself: a direct-bill partner or an indirect provider.
bool SellsSubscriptions(const Partner& partner);

// OK for a direct-bill partner or an indirect provider: the partners who sell subscriptions.
// An indirect reseller's provider sells for it: 403 (700204). `what` completes "An indirect
// reseller cannot ...".
Status RequireSellingPartner(const Partner& partner, std::string_view what);

// At most kMaxFriendlyName characters, no control characters; empty only if `may_be_empty`.
Status ValidateFriendlyName(const std::string& name, const std::string& path, bool may_be_empty);

// "lineItems[i].field": how errors about one line item of an order or a transfer name it.
std::string LineItemPath(std::size_t i, std::string_view field);

// Who the timeline says made a change: the user's principal name, or the app's ID.
std::string AuditActor(const CallContext& ctx);

// The subscription as the activity log records it (old and new values).
std::string SubscriptionAuditJson(const Subscription& s);

}  // namespace csphub::domain
