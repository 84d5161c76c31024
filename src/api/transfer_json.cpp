#include "api/transfer_json.hpp"

#include "api/commerce_json.hpp"
#include "api/customer_json.hpp"

namespace csphub::api {

void WriteTransfer(JsonOut& j, const domain::Transfer& t) {
  j.BeginObject().Field("id", t.id);
  j.Field("createdTime", FormatIso8601(t.created_at));
  j.Field("lastModifiedTime", FormatIso8601(t.last_modified_at));
  j.Field("expirationTime", FormatIso8601(t.expires_at));
  j.Field("customerTenantId", t.customer_id);
  j.Field("sourcePartnerTenantId", t.source_tenant_id).Field("sourcePartnerName", t.source_name);
  j.Field("targetPartnerTenantId", t.target_tenant_id).Field("targetPartnerName", t.target_name);
  j.Field("status", domain::TransferStatusName(t.status));
  j.BeginArray("lineItems");
  for (const domain::TransferLineItem& l : t.line_items) {
    j.BeginObject().Field("id", l.id).Field("subscriptionId", l.subscription_id);
    j.Field("quantity", l.quantity).Field("offerId", l.offer_id);
    if (!l.partner_id_on_record.empty()) j.Field("partnerIdOnRecord", l.partner_id_on_record);
    j.EndObject();
  }
  j.EndArray();
  j.BeginArray("orders");
  for (const domain::Order& o : t.orders) WriteOrder(j, o);
  j.EndArray();
  j.BeginArray("transferErrors").EndArray();
  WriteSelfLink(j, {"/customers/", t.customer_id, "/transfers/", t.id});
  j.Attributes("TransferEntity", std::to_string(t.etag)).EndObject();
}

Result<domain::NewTransfer> ReadNewTransfer(const ObjectReader& root) {
  domain::NewTransfer t;
  ASSIGN_OR_RETURN(t.source_tenant_id, root.StringOrEmpty("sourcePartnerTenantId"));
  ASSIGN_OR_RETURN(t.target_tenant_id, root.StringOrEmpty("targetPartnerTenantId"));
  RETURN_IF_ERROR(ReadObjectArray(root, "lineItems", [&](const ObjectReader& item) -> Status {
    domain::NewTransferLine line;
    ASSIGN_OR_RETURN(line.subscription_id, item.StringOrEmpty("subscriptionId"));
    ASSIGN_OR_RETURN(line.partner_id_on_record, item.StringOrEmpty("partnerIdOnRecord"));
    t.line_items.push_back(std::move(line));
    return Status::Ok();
  }));
  return t;
}

}  // namespace csphub::api
