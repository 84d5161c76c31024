#pragma once
// Which reseller a provider may name on a subscription: as the reseller of record
// (`partnerIdOnRecord` on an order line, `partnerId` on a subscription) or as its designated
// support contact (reference §4.4 "Order for reseller customer", "Support contact").
#include <string>

#include "common/status.hpp"
#include "domain/partner/partner.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

// `mpn_id` resolved for `provider` inside the caller's transaction: the reseller it names.
// Errors name `field`: 400 (2000) when it is not numeric; 404 (800015) when no partner has it;
// 404 (2072) when it is the provider's own; 400 (800016) when that partner is not an indirect
// reseller in partnership with `provider` (a direct partner has no resellers, so every MPN ID is
// 800016 for it).
Result<Partner> ResolveResellerOfRecord(Repositories& repos, const Partner& provider,
                                        const std::string& mpn_id, const std::string& field);

}  // namespace csphub::domain
