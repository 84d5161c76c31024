#include "domain/customer/customer_visibility.hpp"

namespace csphub::domain {

Result<CustomerRelationship> RequireCustomerRelationship(Repositories& repos,
                                                         const std::string& partner_tenant_id,
                                                         const std::string& customer_id) {
  auto rel = repos.Customers().GetRelationship(partner_tenant_id, customer_id);
  if (rel.ok() || rel.status().code() != StatusCode::kNotFound) return rel;
  ASSIGN_OR_RETURN(bool had, repos.Customers().HadRelationship(partner_tenant_id, customer_id));
  if (had) {
    return PermissionDenied("You have no commerce relationship with this customer.",
                            pc::kNoCommerceRelationship);
  }
  return NotFound("No customer with the ID " + customer_id + ".");
}

}  // namespace csphub::domain
