#include "domain/directory/delegated_admin.hpp"

namespace csphub::domain {

Status RequireDelegatedAdmin(Repositories& repos, const std::string& partner,
                             const std::string& customer_id) {
  ASSIGN_OR_RETURN(bool dap, repos.Customers().HasDelegatedAdmin(partner, customer_id));
  if (dap) return Status::Ok();
  // A partner that has, or had, a relationship knows the customer exists; anyone else learns
  // nothing.
  auto current = repos.Customers().GetRelationship(partner, customer_id);
  if (!current.ok() && current.status().code() != StatusCode::kNotFound) return current.status();
  ASSIGN_OR_RETURN(bool had, repos.Customers().HadRelationship(partner, customer_id));
  if (!current.ok() && !had) return NotFound("No customer with this ID.");
  return PermissionDenied(
      "Managing this customer's users and licenses needs delegated admin privileges, which you "
      "do not hold (the customer may have removed them); ask the customer to grant them.",
      pc::kDelegatedAdminRequired);
}

}  // namespace csphub::domain
