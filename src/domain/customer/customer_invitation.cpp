#include "domain/customer/customer_invitation.hpp"

#include "common/ids.hpp"

namespace csphub::domain {
namespace {

Status Invalid(const std::string& why) {
  return Status(StatusCode::kInvalidArgument, pc::kCustomerInvitationInvalid,
                "This invitation link is not valid: " + why + ". Ask the partner for a new link.");
}

bool MayInviteCustomers(const Partner& p) {
  return p.programs.Has(Program::kDirectBill) || p.programs.Has(Program::kIndirectProvider) ||
         p.programs.Has(Program::kIndirectReseller);
}

// A known, enabled partner; the same answer for unknown and disabled, which the link's holder
// has no business telling apart.
Result<Partner> Inviter(Repositories& repos, const std::string& id, const char* field) {
  const std::string what = std::string("it names no active partner in ") + field;
  if (!IsGuid(id)) return Invalid(what);
  auto p = repos.Partners().Get(ToLower(id));
  if (!p.ok() && p.status().code() != StatusCode::kNotFound) return p.status();
  if (!p.ok() || p->disabled) return Invalid(what);
  return p;
}

}  // namespace

std::string_view InvitationTypeName(InvitationType t) {
  return t == InvitationType::kIndirectResellerRelationship ? "IndirectResellerRelationship"
                                                            : "ResellerRelationship";
}

std::optional<InvitationType> ParseInvitationType(std::string_view text) {
  for (auto t :
       {InvitationType::kResellerRelationship, InvitationType::kIndirectResellerRelationship}) {
    if (EqualsIgnoreCase(text, InvitationTypeName(t))) return t;
  }
  return std::nullopt;
}

std::string CustomerInvitationUrl(const std::string& public_url, const CustomerInvitation& inv) {
  std::string url =
      public_url + "/#/customer-invitations?invType=" + std::string(InvitationTypeName(inv.type)) +
      "&partnerId=" + inv.partner_id + "&msppId=" + (inv.mspp_id.empty() ? "0" : inv.mspp_id);
  if (inv.type == InvitationType::kIndirectResellerRelationship) {
    url += "&indirectCSPId=" + inv.indirect_csp_id;
  }
  return url + "&DAP=" + (inv.delegated_admin ? "true" : "false");
}

Result<InvitingPartners> ResolveInvitation(Repositories& repos, const CustomerInvitation& inv) {
  InvitingPartners out;
  ASSIGN_OR_RETURN(out.partner, Inviter(repos, inv.partner_id, "partnerId"));
  if (!MayInviteCustomers(out.partner)) return Invalid("the partner cannot resell");
  if (inv.type == InvitationType::kResellerRelationship) {
    if (!inv.indirect_csp_id.empty()) {
      return Invalid("indirectCSPId belongs to IndirectResellerRelationship invitations only");
    }
    return out;
  }
  ASSIGN_OR_RETURN(out.provider, Inviter(repos, inv.indirect_csp_id, "indirectCSPId"));
  if (!out.partner.programs.Has(Program::kIndirectReseller) ||
      !out.provider->programs.Has(Program::kIndirectProvider)) {
    return Invalid("partnerId must be an indirect reseller and indirectCSPId its provider");
  }
  // The partnership may have ended since the link was made: then the link is dead.
  ASSIGN_OR_RETURN(bool partnered,
                   repos.Partnerships().Exists(out.provider->tenant_id, out.partner.tenant_id));
  if (!partnered) return Invalid("the reseller and the provider are no longer partners");
  return out;
}

}  // namespace csphub::domain
