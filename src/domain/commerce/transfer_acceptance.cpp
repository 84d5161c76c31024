// Accepting a transfer: the target takes every subscription in one transaction. Each
// subscription must still be active and sold by the source; it then belongs to the target
// (reseller of record from the line or none, support contact the target, a "transferred" event
// on its timeline), one order of the target records them, and the transfer is Complete. If any
// line fails, nothing changes.
#include "common/ids.hpp"
#include "domain/commerce/commerce_rules.hpp"
#include "domain/commerce/reseller_of_record.hpp"
#include "domain/commerce/transfer_rules.hpp"
#include "domain/commerce/transfer_service.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// Partner Center's transaction type for orders the system places rather than a user
// (reference §4.3 Order): the target did not buy these subscriptions, it took them over.
constexpr const char* kTransferOrderType = "SystemPurchase";

// 409 (700210) unless the subscription can still move: sold by the source, and active.
Status StillTransferable(const Subscription& s, const Transfer& t, std::size_t line,
                         TimePoint now) {
  const std::string path = LineItemPath(line, "subscriptionId");
  std::string problem;
  if (s.partner_tenant_id != t.source_tenant_id) {
    problem = "is no longer sold by " + t.source_name;
  } else if (s.StatusAt(now) != SubscriptionStatus::kActive) {
    problem = "is " + std::string(SubscriptionStatusName(s.StatusAt(now))) +
              "; only active subscriptions can be transferred";
  } else {
    return Status::Ok();
  }
  return FailedPrecondition(
      "The subscription " + s.id + " (" + path + ") " + problem + "; nothing was transferred.",
      pc::kSubscriptionNotTransferable);
}

// The target's order: one line per moved subscription, as it is now.
Order TransferOrder(IdGenerator& ids, const Transfer& t, TimePoint now) {
  Order o;
  o.id = ids.NewGuid();
  o.customer_id = t.customer_id;
  o.partner_tenant_id = t.target_tenant_id;
  o.status = "completed";
  o.transaction_type = kTransferOrderType;
  o.created_at = now;
  return o;
}

}  // namespace

Result<Transfer> TransferService::Accept(const CallContext& ctx, const std::string& customer_id,
                                         const std::string& id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kTransferSubscriptions));
  const TimePoint now = deps_.clock.Now();
  const std::string cid = ToLower(customer_id);
  std::optional<Transfer> out;
  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(const Transfer current, VisibleTransfer(repos, ctx, cid, id));
    RETURN_IF_ERROR(RequireTransferSide(current, ctx, TransferSide::kTarget, "accept"));
    RETURN_IF_ERROR(RequireActiveTransfer(current, now));
    ASSIGN_OR_RETURN(Partner target, repos.Partners().Get(ctx.tenant_id));
    RETURN_IF_ERROR(RequireSellingPartner(target, "take over subscriptions"));
    ASSIGN_OR_RETURN(Customer customer, repos.Customers().Get(cid));
    ASSIGN_OR_RETURN(auto all, repos.Subscriptions().List({.customer_id = cid}));
    RETURN_IF_ERROR(AddOnsTravelTogether(current, all, now, /*accepting=*/true));

    Order order = TransferOrder(deps_.ids, current, now);
    auto market = repos.Catalog().GetCountry(customer.billing.default_address.country);
    if (market.ok()) {
      order.currency_code = market->currency_code;
      order.currency_symbol = market->currency_symbol;
    } else if (market.status().code() != StatusCode::kNotFound) {
      return market.status();
    }  // a country the catalog no longer sells in: the order carries no currency
    const std::string actor = AuditActor(ctx);
    for (std::size_t i = 0; i < current.line_items.size(); ++i) {
      const TransferLineItem& line = current.line_items[i];
      const Subscription* found = FindSubscription(all, line.subscription_id);
      if (found == nullptr)
        return Internal("transferred subscription is gone: " + line.subscription_id);
      const Subscription& s = *found;
      RETURN_IF_ERROR(StillTransferable(s, current, i, now));
      Subscription next = s;
      next.partner_tenant_id = target.tenant_id;
      next.reseller_tenant_id.clear();
      next.reseller_mpn_id.clear();
      if (!line.partner_id_on_record.empty()) {
        // Again now: the target's partnership with that reseller may have ended meanwhile.
        ASSIGN_OR_RETURN(Partner reseller,
                         ResolveResellerOfRecord(repos, target, line.partner_id_on_record,
                                                 LineItemPath(i, "partnerIdOnRecord")));
        next.reseller_tenant_id = reseller.tenant_id;
        next.reseller_mpn_id = reseller.mpn_id;
      }
      next.support = {target.tenant_id, target.mpn_id, target.name};
      next.order_id = order.id;
      next.etag = s.etag + 1;
      next.updated_at = now;
      RETURN_IF_ERROR(repos.Subscriptions().Update(next, s.etag, "transferred", actor));
      if (order.billing_cycle.empty()) order.billing_cycle = s.billing_cycle;
      order.line_items.push_back({.line_item_number = static_cast<int>(i),
                                  .offer_id = s.offer_id,
                                  .quantity = s.quantity,
                                  .term_duration = s.term_duration,
                                  .billing_cycle = s.billing_cycle,
                                  .friendly_name = s.friendly_name,
                                  .partner_id_on_record = next.reseller_mpn_id,
                                  .reseller_tenant_id = next.reseller_tenant_id,
                                  .parent_subscription_id = s.parent_subscription_id,
                                  .subscription_id = s.id});
    }
    RETURN_IF_ERROR(repos.Orders().Insert(order));

    Transfer after = current;
    after.status = TransferStatus::kComplete;
    after.order_id = order.id;
    after.last_modified_at = now;
    after.etag = current.etag + 1;
    RETURN_IF_ERROR(repos.Transfers().Update(after, current.etag));
    after.orders = {order};
    out = after;
    return AuditTransfer(deps_, repos, ctx, after, "accept_transfer", "Active");
  }));
  return std::move(*out);
}

}  // namespace csphub::domain
