#include "domain/commerce/commerce_rules.hpp"

#include "common/json_text.hpp"
#include "domain/customer/customer_validation.hpp"

namespace csphub::domain {

bool SellsSubscriptions(const Partner& partner) {
  return partner.programs.Has(Program::kDirectBill) ||
         partner.programs.Has(Program::kIndirectProvider);
}

Status RequireSellingPartner(const Partner& partner, std::string_view what) {
  if (SellsSubscriptions(partner)) return Status::Ok();
  return PermissionDenied(
      "An indirect reseller cannot " + std::string(what) + "; its indirect provider does.",
      pc::kPartnershipPrograms);
}

Status ValidateFriendlyName(const std::string& name, const std::string& path, bool may_be_empty) {
  if (name.empty()) {
    return may_be_empty ? Status::Ok() : InvalidField(path, "cannot be empty");
  }
  if (Utf8Length(name) > kMaxFriendlyName) {
    return InvalidField(path,
                        "may have at most " + std::to_string(kMaxFriendlyName) + " characters");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return InvalidField(path, "cannot contain control characters");
  }
  return Status::Ok();
}

std::string LineItemPath(std::size_t i, std::string_view field) {
  return "lineItems[" + std::to_string(i) + "]." + std::string(field);
}

std::string AuditActor(const CallContext& ctx) {
  if (!ctx.user_principal_name.empty()) return ctx.user_principal_name;
  if (!ctx.application_id.empty()) return ctx.application_id;
  return ctx.subject_id;
}

std::string SubscriptionAuditJson(const Subscription& s) {
  return JsonObjectText()
      .Add("id", s.id)
      .Add("offerId", s.offer_id)
      .Add("friendlyName", s.friendly_name)
      .AddRaw("quantity", std::to_string(s.quantity))
      .Add("status", std::string(SubscriptionStatusName(s.status)))
      .AddRaw("autoRenewEnabled", s.auto_renew ? "true" : "false")
      .Add("partnerId", s.reseller_mpn_id)
      .Add("supportMpnId", s.support.mpn_id)
      .str();
}

}  // namespace csphub::domain
