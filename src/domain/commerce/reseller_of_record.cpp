#include "domain/commerce/reseller_of_record.hpp"

namespace csphub::domain {

Result<Partner> ResolveResellerOfRecord(Repositories& repos, const Partner& provider,
                                        const std::string& mpn_id, const std::string& field) {
  if (mpn_id.empty() || mpn_id.size() > 20 ||
      mpn_id.find_first_not_of("0123456789") != std::string::npos) {
    return InvalidField(field, "must be a numeric MPN ID");
  }
  auto reseller = repos.Partners().GetByMpnId(mpn_id);
  if (!reseller.ok()) {
    if (reseller.status().code() != StatusCode::kNotFound) return reseller.status();
    return NotFound(field + ": no partner has the MPN ID " + mpn_id + ".", pc::kMpnNotFound);
  }
  if (reseller->tenant_id == provider.tenant_id) {
    return NotFound(field + ": the MPN ID " + mpn_id +
                        " is your own; the partner on record must be an indirect reseller.",
                    pc::kProviderMpnOnRecord);
  }
  ASSIGN_OR_RETURN(bool partnered,
                   repos.Partnerships().Exists(provider.tenant_id, reseller->tenant_id));
  if (!partnered || !reseller->programs.Has(Program::kIndirectReseller)) {
    return InvalidArgument(field + ": the partner with MPN ID " + mpn_id +
                               " is not an indirect reseller in partnership with you.",
                           pc::kNotIndirectReseller);
  }
  return std::move(reseller).value();
}

}  // namespace csphub::domain
