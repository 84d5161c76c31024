#include "api/commerce_json.hpp"

#include "api/customer_json.hpp"

namespace csphub::api {
namespace {

void WriteLink(JsonOut& j, std::string_view name, std::initializer_list<std::string_view> uri) {
  j.BeginObject(name).Field("uri", uri).Field("method", "GET");
  j.BeginArray("headers").EndArray().EndObject();
}

}  // namespace

void WriteOrder(JsonOut& j, const domain::Order& o) {
  j.BeginObject().Field("id", o.id);
  // Partner Center shows a short, human-friendly form of the order ID alongside it.
  j.Field("alternateId", o.id.substr(0, 8) + o.id.substr(9, 4));
  j.Field("referenceCustomerId", o.customer_id).Field("billingCycle", o.billing_cycle);
  j.Field("currencyCode", o.currency_code).Field("currencySymbol", o.currency_symbol);
  j.BeginArray("lineItems");
  for (const domain::OrderLineItem& l : o.line_items) {
    j.BeginObject()
        .Field("lineItemNumber", l.line_item_number)
        .Field("offerId", l.offer_id)
        .Field("subscriptionId", l.subscription_id)
        .Field("quantity", l.quantity)
        .Field("billingCycle", l.billing_cycle);
    if (!l.term_duration.empty()) j.Field("termDuration", l.term_duration);
    if (!l.friendly_name.empty()) j.Field("friendlyName", l.friendly_name);
    if (!l.partner_id_on_record.empty()) j.Field("partnerIdOnRecord", l.partner_id_on_record);
    if (!l.parent_subscription_id.empty()) {
      j.Field("parentSubscriptionId", l.parent_subscription_id);
    }
    j.Field("transactionType", "new");
    j.BeginObject("links");
    WriteLink(j, "subscription",
              {"/customers/", o.customer_id, "/subscriptions/", l.subscription_id});
    j.EndObject().EndObject();
  }
  j.EndArray();
  j.Field("creationDate", FormatIso8601(o.created_at)).Field("status", o.status);
  j.Field("transactionType", o.transaction_type);
  WriteSelfLink(j, {"/customers/", o.customer_id, "/orders/", o.id});
  j.Attributes("Order", std::to_string(o.etag)).EndObject();
}

void WriteSubscription(JsonOut& j, const domain::Subscription& s) {
  j.BeginObject().Field("id", s.id).Field("entitlementId", s.id);
  j.Field("offerId", s.offer_id).Field("offerName", s.offer_name);
  j.Field("friendlyName", s.friendly_name).Field("quantity", s.quantity);
  j.Field("unitType", s.unit_type);
  if (!s.parent_subscription_id.empty()) {
    j.Field("parentSubscriptionId", s.parent_subscription_id);
  }
  j.Field("creationDate", FormatIso8601(s.created_at));
  j.Field("effectiveStartDate", FormatIso8601(s.created_at));
  j.Field("commitmentEndDate", FormatIso8601(s.commitment_end));
  j.Field("status", domain::SubscriptionStatusName(s.status));
  if (s.suspended_at) j.Field("suspendedDate", FormatIso8601(*s.suspended_at));
  if (s.suspension_expires_at) {
    j.Field("suspensionExpiryDate", FormatIso8601(*s.suspension_expires_at));
  }
  j.Field("autoRenewEnabled", s.auto_renew).Field("billingType", s.billing_type);
  j.Field("billingCycle", s.billing_cycle).Field("isTrial", s.is_trial);
  if (!s.reseller_mpn_id.empty()) j.Field("partnerId", s.reseller_mpn_id);
  j.Field("contractType", "subscription").Field("orderId", s.order_id);
  if (!s.term_duration.empty()) j.Field("termDuration", s.term_duration);
  j.BeginObject("links");
  if (!s.product_id.empty()) WriteLink(j, "product", {"/products/", s.product_id});
  if (!s.sku_id.empty()) WriteLink(j, "sku", {"/products/", s.product_id, "/skus/", s.sku_id});
  if (!s.parent_subscription_id.empty()) {
    WriteLink(j, "parentSubscription",
              {"/customers/", s.customer_id, "/subscriptions/", s.parent_subscription_id});
  }
  WriteLink(j, "self", {"/customers/", s.customer_id, "/subscriptions/", s.id});
  j.EndObject();
  j.Attributes("Subscription", std::to_string(s.etag)).EndObject();
}

void WriteSupportContact(JsonOut& j, const domain::Subscription& s) {
  j.BeginObject().Field("supportTenantId", s.support.tenant_id);
  j.Field("supportMpnId", s.support.mpn_id).Field("name", s.support.name);
  WriteSelfLink(j, {"/customers/", s.customer_id, "/subscriptions/", s.id, "/supportcontact"});
  j.Attributes("SupportContact").EndObject();
}

void WriteSubscriptionEvent(JsonOut& j, const domain::SubscriptionEvent& e) {
  j.BeginObject().Field("sequence", e.seq).Field("date", FormatIso8601(e.at));
  j.Field("changes", e.kind).Field("actor", e.actor).Key("subscription");
  WriteSubscription(j, e.state);
  j.Attributes("SubscriptionEvent").EndObject();
}

Status ReadObjectArray(const ObjectReader& root, std::string_view name,
                       const std::function<Status(const ObjectReader&)>& read) {
  const std::string field(name);
  const rapidjson::Value* items = root.Find(name);
  if (items == nullptr || items->IsNull()) return InvalidField(field, "is required");
  if (!items->IsArray()) return InvalidField(field, "must be an array");
  for (rapidjson::SizeType i = 0; i < items->Size(); ++i) {
    const std::string path = field + "[" + std::to_string(i) + "]";
    if (!(*items)[i].IsObject()) return InvalidField(path, "must be an object");
    RETURN_IF_ERROR(read(ObjectReader(&(*items)[i], path + ".")));
  }
  return Status::Ok();
}

Result<domain::NewOrder> ReadNewOrder(const ObjectReader& root) {
  domain::NewOrder order;
  ASSIGN_OR_RETURN(order.billing_cycle, root.StringOrEmpty("billingCycle"));
  RETURN_IF_ERROR(ReadObjectArray(root, "lineItems", [&](const ObjectReader& item) -> Status {
    domain::NewOrderLine line;
    ASSIGN_OR_RETURN(line.line_item_number, item.OptionalInt("lineItemNumber"));
    ASSIGN_OR_RETURN(line.offer_id, item.StringOrEmpty("offerId"));
    if (line.offer_id.empty()) {  // the product catalog's name for the same thing
      ASSIGN_OR_RETURN(line.offer_id, item.StringOrEmpty("catalogItemId"));
    }
    ASSIGN_OR_RETURN(line.quantity, item.OptionalInt("quantity"));
    ASSIGN_OR_RETURN(line.term_duration, item.StringOrEmpty("termDuration"));
    ASSIGN_OR_RETURN(line.billing_cycle, item.StringOrEmpty("billingCycle"));
    ASSIGN_OR_RETURN(line.friendly_name, item.StringOrEmpty("friendlyName"));
    ASSIGN_OR_RETURN(line.partner_id_on_record, item.StringOrEmpty("partnerIdOnRecord"));
    ASSIGN_OR_RETURN(line.parent_subscription_id, item.StringOrEmpty("parentSubscriptionId"));
    order.line_items.push_back(std::move(line));
    return Status::Ok();
  }));
  return order;
}

Result<domain::SubscriptionChange> ReadSubscriptionChange(const ObjectReader& root) {
  domain::SubscriptionChange c;
  ASSIGN_OR_RETURN(c.quantity, root.OptionalInt("quantity"));
  ASSIGN_OR_RETURN(c.status, root.OptionalString("status"));
  ASSIGN_OR_RETURN(c.friendly_name, root.OptionalString("friendlyName"));
  ASSIGN_OR_RETURN(c.auto_renew, root.OptionalBool("autoRenewEnabled"));
  ASSIGN_OR_RETURN(c.partner_id, root.OptionalString("partnerId"));
  return c;
}

}  // namespace csphub::api
