#pragma once
// What creating, accepting, rejecting and withdrawing a transfer share: who may see it, which
// side may act, whether it is still open, and the audit record both partners get.
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/call_context.hpp"
#include "domain/commerce/subscription.hpp"
#include "domain/commerce/transfer.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

enum class TransferSide { kSource, kTarget };

// The transfer if the caller may see it: it still has a relationship with the customer (404 /
// 403 20002 otherwise) and is the source or the target (404 otherwise, so other partners learn
// nothing). `customer_id` must be lower case.
Result<Transfer> VisibleTransfer(Repositories& repos, const CallContext& ctx,
                                 const std::string& customer_id, const std::string& id);

// 403 (700212) unless the caller is the `side` that may do `what` ("accept", ...).
Status RequireTransferSide(const Transfer& t, const CallContext& ctx, TransferSide side,
                           const std::string& what);

// 409 (700211) unless the transfer is Active at `now`.
Status RequireActiveTransfer(const Transfer& t, TimePoint now);

// The transfer as callers see it at `now`: an Active one past its expiry reads as Expired.
inline Transfer PresentedTransfer(Transfer t, TimePoint now) {
  t.status = t.StatusAt(now);
  return t;
}

// The subscription with this ID among `all`, or null.
const Subscription* FindSubscription(const std::vector<Subscription>& all, const std::string& id);

// An add-on moves with its base and a base with its add-ons that are not deleted: the target
// could not sell one without the other (an add-on's base must be its seller's own). `all` is
// every subscription of the customer and must hold the transfer's. When creating, a violation
// is a 400 naming the line; when `accepting` (the source bought an add-on meanwhile), 409
// (700210).
Status AddOnsTravelTogether(const Transfer& t, const std::vector<Subscription>& all, TimePoint now,
                            bool accepting);

// Fills t.orders from t.order_id (the target's order, once accepted).
Status LoadTransferOrders(Repositories& repos, Transfer& t);

// Writes `operation` (resource "transfer") into the source's and the target's logs, with the
// customer's ID and name and the transfer as it is after the change.
Status AuditTransfer(ServiceDeps& deps, Repositories& repos, const CallContext& ctx,
                     const Transfer& t, const std::string& operation,
                     const std::string& old_status);

// The transfer as the activity log records it.
std::string TransferAuditJson(const Transfer& t);

}  // namespace csphub::domain
