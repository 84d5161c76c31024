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

Result<RelatedCustomer> RequireRelatedCustomer(Repositories& repos,
                                               const std::string& partner_tenant_id,
                                               const std::string& customer_id) {
  auto related = repos.Customers().GetRelated(partner_tenant_id, customer_id);
  if (related.ok() || related.status().code() != StatusCode::kNotFound) return related;
  // No relationship in this snapshot: which refusal, 403 (20002) or 404.
  RETURN_IF_ERROR(RequireCustomerRelationship(repos, partner_tenant_id, customer_id).status());
  return related.status();  // (a relationship without its customer row cannot be: a key holds it)
}

}  // namespace csphub::domain
