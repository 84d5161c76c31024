#include "domain/customer/customer_creation.hpp"

#include <cctype>

#include "common/ids.hpp"
#include "domain/customer/customer_validation.hpp"

namespace csphub::domain {

Status NormalizeNewCustomer(NewCustomer& req, const std::string& domain_suffix) {
  ASSIGN_OR_RETURN(req.domain, NormalizeCustomerDomain(req.domain, domain_suffix));
  for (char& c : req.billing.default_address.country) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return Status::Ok();
}

Result<CreatedTenant> InsertCustomerTenant(ServiceDeps& deps, Repositories& repos,
                                           const NewCustomer& req, const TenantAdmin& admin,
                                           const std::string& created_by,
                                           const std::string& partner_domain, TimePoint now) {
  RETURN_IF_ERROR(ValidateBillingProfile(req.billing, partner_domain));
  CreatedTenant out;
  Customer& c = out.customer;
  c.id = req.fixed_tenant_id.empty() ? deps.ids.NewGuid() : ToLower(req.fixed_tenant_id);
  c.commerce_id = deps.ids.NewGuid();
  c.domain = req.domain;
  c.organization_registration_number = req.organization_registration_number;
  c.billing = req.billing;
  c.billing_etag = 1;
  c.created_by = created_by;
  c.created_at = c.updated_at = now;
  RETURN_IF_ERROR(repos.Customers().Insert(c));

  CustomerUser& u = out.admin;
  u.id = deps.ids.NewGuid();
  u.customer_id = c.id;
  u.user_principal_name = "admin@" + c.domain;
  u.display_name = "Administrator";
  u.usage_location = c.billing.default_address.country;
  u.password_hash = admin.password_hash;
  u.must_change_password = admin.must_change_password;
  u.global_admin = true;
  u.created_at = u.updated_at = now;
  RETURN_IF_ERROR(repos.CustomerUsers().Insert(u));
  return out;
}

}  // namespace csphub::domain
