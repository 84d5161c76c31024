#include "domain/commerce/order_service.hpp"

#include <array>

#include "common/ids.hpp"
#include "common/json_text.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/catalog/catalog_service.hpp"
#include "domain/commerce/commerce_rules.hpp"
#include "domain/commerce/reseller_of_record.hpp"
#include "domain/customer/agreement_service.hpp"
#include "domain/customer/customer_validation.hpp"
#include "domain/customer/customer_visibility.hpp"
#include "domain/identity/permissions.hpp"

namespace csphub::domain {
namespace {

// Reference §4.3 BillingCycleType, less "unknown".
constexpr std::array<std::string_view, 6> kBillingCycles = {"monthly",  "annual",   "triennial",
                                                            "biennial", "one_time", "none"};

Result<std::string> BillingCycle(const std::string& sent, const std::string& path) {
  const std::string cycle = ToLower(Trim(sent));
  for (auto known : kBillingCycles) {
    if (cycle == known) return cycle;
  }
  return InvalidField(path, "must be one of monthly, annual, triennial, biennial, one_time, none");
}

// Everything that needs no database. Normalizes IDs and cycles, numbers the lines.
Result<Order> ValidatedShape(NewOrder& req, bool* cycle_explicit) {
  Order order;
  if (req.line_items.empty()) return InvalidField("lineItems", "must hold at least one line item");
  if (req.line_items.size() > kMaxOrderLines) {
    return InvalidField("lineItems",
                        "may hold at most " + std::to_string(kMaxOrderLines) + " line items");
  }
  *cycle_explicit = !Trim(req.billing_cycle).empty();
  order.billing_cycle = "monthly";
  if (*cycle_explicit) {
    ASSIGN_OR_RETURN(order.billing_cycle, BillingCycle(req.billing_cycle, "billingCycle"));
  }
  const auto n = static_cast<std::int64_t>(req.line_items.size());
  std::vector<bool> numbered(req.line_items.size(), false);
  for (std::size_t i = 0; i < req.line_items.size(); ++i) {
    NewOrderLine& in = req.line_items[i];
    OrderLineItem line;
    const std::int64_t number = in.line_item_number.value_or(static_cast<std::int64_t>(i));
    if (number < 0 || number >= n) {
      return InvalidField(LineItemPath(i, "lineItemNumber"),
                          "must be between 0 and " + std::to_string(n - 1));
    }
    if (numbered[number]) {
      return InvalidField(LineItemPath(i, "lineItemNumber"), "is used by another line item");
    }
    numbered[number] = true;
    line.line_item_number = static_cast<int>(number);
    line.offer_id = Trim(in.offer_id);
    if (line.offer_id.empty()) return InvalidField(LineItemPath(i, "offerId"), "is required");
    if (!in.quantity) return InvalidField(LineItemPath(i, "quantity"), "is required");
    if (*in.quantity < 1) {
      return Status(StatusCode::kInvalidArgument, pc::kQuantityOutOfRange,
                    "The field '" + LineItemPath(i, "quantity") + "' must be at least 1");
    }
    line.quantity = *in.quantity;
    line.term_duration = Trim(in.term_duration);
    if (!Trim(in.billing_cycle).empty()) {
      ASSIGN_OR_RETURN(line.billing_cycle,
                       BillingCycle(in.billing_cycle, LineItemPath(i, "billingCycle")));
    }
    line.friendly_name = Trim(in.friendly_name);
    RETURN_IF_ERROR(
        ValidateFriendlyName(line.friendly_name, LineItemPath(i, "friendlyName"), true));
    line.partner_id_on_record = Trim(in.partner_id_on_record);
    line.parent_subscription_id = ToLower(Trim(in.parent_subscription_id));
    order.line_items.push_back(std::move(line));
  }
  return order;
}

std::string TermsText(const OrderableOffer& o) {
  std::string out;
  if (o.terms.empty()) {
    for (const auto& c : o.billing_cycles) out += (out.empty() ? "" : ", ") + c;
    return out.empty() ? "nothing" : "no term, billed " + out;
  }
  for (const auto& t : o.terms) {
    out += (out.empty() ? "" : ", ") + t.duration + "/" + t.billing_cycle;
  }
  return out;
}

// The (termDuration, billingCycle) the line buys: what it asked for, completed from the
// offer's terms when it left parts out.
Result<Term> ChooseTerm(const OrderableOffer& o, const OrderLineItem& line,
                        const std::string& order_cycle, bool order_cycle_explicit, std::size_t i) {
  const bool cycle_explicit = !line.billing_cycle.empty() || order_cycle_explicit;
  const std::string cycle = line.billing_cycle.empty() ? order_cycle : line.billing_cycle;
  const std::string refused = "offer " + o.offer_id + " sells " + TermsText(o);
  if (o.term_durations.empty() && o.terms.empty()) {
    if (!line.term_duration.empty()) {
      return InvalidField(LineItemPath(i, "termDuration"), "must be left out: " + refused);
    }
    if (!cycle_explicit && !o.billing_cycles.empty()) return Term{"", o.billing_cycles.front()};
    if (o.AllowsTerm("", cycle)) return Term{"", cycle};
    return InvalidField(LineItemPath(i, "billingCycle"), "is not sold: " + refused);
  }
  for (const Term& t : o.terms) {
    if (!line.term_duration.empty() && t.duration != line.term_duration) continue;
    if (cycle_explicit && t.billing_cycle != cycle) continue;
    return t;
  }
  return InvalidField(LineItemPath(i, line.term_duration.empty() ? "billingCycle" : "termDuration"),
                      "is not sold: " + refused);
}

// The add-on's base: a subscription of the customer sold by the caller, of an offer the add-on
// names as prerequisite, and active.
Result<Subscription> BaseOfAddOn(Repositories& repos, const OrderableOffer& o,
                                 const OrderLineItem& line, const std::string& customer_id,
                                 const std::string& caller, TimePoint now, std::size_t i) {
  const std::string path = LineItemPath(i, "parentSubscriptionId");
  if (line.parent_subscription_id.empty()) {
    return InvalidField(
        path, "is required: " + o.offer_id + " is an add-on, so name the subscription it adds to");
  }
  auto parent = repos.Subscriptions().Get(customer_id, line.parent_subscription_id);
  if (!parent.ok()) {
    if (parent.status().code() != StatusCode::kNotFound) return parent.status();
    return InvalidField(path, "names no subscription of this customer");
  }
  if (parent->partner_tenant_id != caller) {
    return InvalidField(path, "names no subscription of this customer");
  }
  const std::string base_key = o.kind == OrderableOffer::Kind::kLegacyOffer
                                   ? parent->offer_id
                                   : parent->product_id + ":" + parent->sku_id;
  bool fits = false;
  for (const auto& p : o.prerequisite_offer_ids) fits = fits || EqualsIgnoreCase(p, base_key);
  if (!fits) {
    return InvalidField(path,
                        "names a subscription the add-on " + o.offer_id + " cannot be added to");
  }
  if (parent->StatusAt(now) != SubscriptionStatus::kActive) {
    return FailedPrecondition(
        "An add-on can only be bought for an active subscription; reactivate the base "
        "subscription first.",
        pc::kParentNotActive);
  }
  return std::move(parent).value();
}

std::string OrderJson(const Order& o) {
  std::string lines = "[";
  for (const auto& l : o.line_items) {
    if (lines.size() > 1) lines += ",";
    lines += JsonObjectText()
                 .AddRaw("lineItemNumber", std::to_string(l.line_item_number))
                 .Add("offerId", l.offer_id)
                 .AddRaw("quantity", std::to_string(l.quantity))
                 .Add("termDuration", l.term_duration)
                 .Add("billingCycle", l.billing_cycle)
                 .Add("partnerIdOnRecord", l.partner_id_on_record)
                 .Add("subscriptionId", l.subscription_id)
                 .str();
  }
  return JsonObjectText()
      .Add("id", o.id)
      .Add("referenceCustomerId", o.customer_id)
      .Add("billingCycle", o.billing_cycle)
      .AddRaw("lineItems", lines + "]")
      .str();
}

// What `partner` may see of the order: all of it when it placed it, else its own lines.
std::optional<Order> VisiblePart(Order o, const std::string& partner) {
  if (o.partner_tenant_id == partner) return o;
  std::erase_if(o.line_items,
                [&](const OrderLineItem& l) { return l.reseller_tenant_id != partner; });
  if (o.line_items.empty()) return std::nullopt;
  return o;
}

}  // namespace

Result<Order> OrderService::Create(const CallContext& ctx, const std::string& customer_id,
                                   NewOrder req) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kPlaceOrder));
  bool cycle_explicit = false;
  ASSIGN_OR_RETURN(Order order, ValidatedShape(req, &cycle_explicit));
  const TimePoint now = deps_.clock.Now();
  order.id = deps_.ids.NewGuid();
  order.customer_id = ToLower(customer_id);
  order.partner_tenant_id = ctx.tenant_id;
  order.created_at = now;

  RETURN_IF_ERROR(deps_.store.Write([&](Repositories& repos) -> Status {
    // Reads in as few statements as they allow (on PostgreSQL each is a round trip): the
    // relationship with the customer, the caller, the agreement, the catalog's generation; the
    // country and offers come from memory for that generation, and the writes are queued
    // (Statement::Queue) to go with the COMMIT.
    ASSIGN_OR_RETURN(RelatedCustomer related,
                     RequireRelatedCustomer(repos, ctx.tenant_id, order.customer_id));
    const Customer& customer = related.view.customer;
    ASSIGN_OR_RETURN(Partner caller, repos.Partners().Get(ctx.tenant_id));
    RETURN_IF_ERROR(RequireSellingPartner(caller, "place orders"));
    RETURN_IF_ERROR(RequireCustomerAgreement(repos, order.customer_id));
    ASSIGN_OR_RETURN(OrderableCache::View catalog, orderable_.Open(repos.Catalog()));
    const std::string& country = customer.billing.default_address.country;
    ASSIGN_OR_RETURN(CatalogCountry market, catalog.Country(country));
    order.currency_code = market.currency_code;
    order.currency_symbol = market.currency_symbol;

    for (std::size_t i = 0; i < order.line_items.size(); ++i) {
      OrderLineItem& line = order.line_items[i];
      auto found = catalog.Find(line.offer_id, country);
      if (!found.ok()) {
        if (found.status().code() != StatusCode::kNotFound) return found.status();
        return InvalidField(LineItemPath(i, "offerId"), "names nothing sold in " + country + ": " +
                                                            found.status().description());
      }
      const OrderableOffer& offer = *found;
      if (!offer.AllowsQuantity(line.quantity)) {
        return Status(StatusCode::kInvalidArgument, pc::kQuantityOutOfRange,
                      "The field '" + LineItemPath(i, "quantity") + "' must be between " +
                          std::to_string(offer.minimum_quantity) + " and " +
                          std::to_string(offer.maximum_quantity) + " for offer " + offer.offer_id);
      }
      ASSIGN_OR_RETURN(Term term, ChooseTerm(offer, line, order.billing_cycle, cycle_explicit, i));
      line.term_duration = term.duration;
      line.billing_cycle = term.billing_cycle;

      Subscription s;
      if (offer.is_add_on) {
        ASSIGN_OR_RETURN(Subscription base,
                         BaseOfAddOn(repos, offer, line, order.customer_id, ctx.tenant_id, now, i));
        s.parent_subscription_id = base.id;
        s.commitment_end = base.commitment_end;  // add-ons align to their base's term
      } else if (!line.parent_subscription_id.empty()) {
        return InvalidField(LineItemPath(i, "parentSubscriptionId"),
                            "is only for add-ons, and " + offer.offer_id + " is not one");
      } else {
        s.commitment_end = AddTerm(now, term.duration);
      }
      if (!line.partner_id_on_record.empty()) {
        ASSIGN_OR_RETURN(Partner reseller,
                         ResolveResellerOfRecord(repos, caller, line.partner_id_on_record,
                                                 LineItemPath(i, "partnerIdOnRecord")));
        line.reseller_tenant_id = reseller.tenant_id;
        s.reseller_tenant_id = reseller.tenant_id;
        s.reseller_mpn_id = reseller.mpn_id;
      }
      s.id = deps_.ids.NewGuid();
      line.subscription_id = s.id;
      s.customer_id = order.customer_id;
      s.partner_tenant_id = caller.tenant_id;
      s.order_id = order.id;
      s.offer_id = offer.offer_id;
      s.offer_name = offer.name;
      s.product_id = offer.product_id;
      s.sku_id = offer.sku_id;
      s.availability_id = offer.availability_id;
      s.friendly_name = line.friendly_name.empty() ? offer.name : line.friendly_name;
      s.quantity = line.quantity;
      s.unit_type = offer.unit_type;
      s.billing_type = offer.billing;
      s.billing_cycle = term.billing_cycle;
      s.term_duration = term.duration;
      s.auto_renew = offer.auto_renewable;
      s.is_trial = offer.is_trial;
      s.support = {caller.tenant_id, caller.mpn_id, caller.name};
      s.created_at = now;
      s.updated_at = now;
      RETURN_IF_ERROR(repos.Subscriptions().Insert(s, "created", AuditActor(ctx)));
    }
    RETURN_IF_ERROR(repos.Orders().Insert(order));
    return AppendAudit(deps_, repos, ctx,
                       {.operation_type = "create_order",
                        .resource_type = "order",
                        .new_value = OrderJson(order),
                        .customer_id = order.customer_id,
                        .customer_name = customer.billing.company_name,
                        .customized_data = {{"OrderId", order.id}}});
  }));
  return order;
}

Result<std::vector<Order>> OrderService::List(const CallContext& ctx,
                                              const std::string& customer_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string id = ToLower(customer_id);
  std::vector<Order> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, id).status());
    ASSIGN_OR_RETURN(auto orders, repos.Orders().ListVisibleTo(id, ctx.tenant_id));
    for (Order& o : orders) {
      if (auto part = VisiblePart(std::move(o), ctx.tenant_id)) out.push_back(std::move(*part));
    }
    return Status::Ok();
  }));
  return out;
}

Result<Order> OrderService::Get(const CallContext& ctx, const std::string& customer_id,
                                const std::string& order_id) {
  RETURN_IF_ERROR(Authorize(ctx, Operation::kViewSubscriptions));
  const std::string id = ToLower(customer_id);
  std::optional<Order> out;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    RETURN_IF_ERROR(RequireCustomerRelationship(repos, ctx.tenant_id, id).status());
    ASSIGN_OR_RETURN(Order o, repos.Orders().Get(id, ToLower(order_id)));
    out = VisiblePart(std::move(o), ctx.tenant_id);
    return Status::Ok();
  }));
  if (!out) return NotFound("The customer has no order with this ID.");
  return std::move(*out);
}

}  // namespace csphub::domain
