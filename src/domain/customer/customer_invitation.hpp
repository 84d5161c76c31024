#pragma once
// A partner's invitation to customers: what the link says, how it is written, and which
// partners it names (reference §2.3 "Link formats", §2.4). The link holds no secret and no
// customer data: it is the same for every customer, and the customer's Global Administrator
// accepting it is the control (reference §2.3 step 3–4).
#include <optional>
#include <string>
#include <string_view>

#include "common/status.hpp"
#include "domain/partner/partner.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

enum class InvitationType {
  kResellerRelationship,          // one partner: direct-bill, indirect provider or reseller
  kIndirectResellerRelationship,  // a reseller and its provider at once (reference §2.4)
};
std::string_view InvitationTypeName(InvitationType t);  // "ResellerRelationship", ...
std::optional<InvitationType> ParseInvitationType(std::string_view text);  // any case

struct CustomerInvitation {
  InvitationType type = InvitationType::kResellerRelationship;
  std::string partner_id;        // invType=Reseller…: the partner; joint: the reseller
  std::string mspp_id = "0";     // joint: the reseller's MPN ID; "0" otherwise (informative)
  std::string indirect_csp_id;   // joint: the provider's tenant ID; empty otherwise
  bool delegated_admin = false;  // DAP=true: the customer is asked for delegated admin too
};

// {public_url}/#/customer-invitations?invType=…&partnerId=…&msppId=…[&indirectCSPId=…]&DAP=…
// Everything rides in the fragment, where the portal reads it; servers never see it.
std::string CustomerInvitationUrl(const std::string& public_url, const CustomerInvitation& inv);

// The partners an invitation names, as the store knows them.
struct InvitingPartners {
  Partner partner;                  // the direct partner, or the reseller of a joint invitation
  std::optional<Partner> provider;  // the indirect provider of a joint invitation
};

// Inside the caller's transaction: 400 (700205) unless the invitation names partners that
// could have made it: known and enabled; for a joint invitation an indirect reseller in
// partnership with an indirect provider. IDs are compared in lower case.
Result<InvitingPartners> ResolveInvitation(Repositories& repos, const CustomerInvitation& inv);

}  // namespace csphub::domain
