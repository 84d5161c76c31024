#pragma once
// Creating a customer tenant: the part that POST /v1/customers (a partner adds a customer) and
// POST /v1/invitations/signup (a company with no account accepts an invitation) share, so that
// both apply the same rules and write the same rows (reference §2.2).
#include <string>

#include "domain/customer/customer.hpp"
#include "domain/customer/customer_service.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

// Before the transaction: normalizes the domain ("contoso" → "contoso.<suffix>", lower case)
// and the country (upper case) in place. 400 naming the field when the domain is malformed.
Status NormalizeNewCustomer(NewCustomer& req, const std::string& domain_suffix);

// The tenant's first user, admin@<domain>, Global Administrator.
struct TenantAdmin {
  std::string password_hash;  // argon2id, hashed before the transaction
  bool must_change_password = true;
};

struct CreatedTenant {
  Customer customer;
  CustomerUser admin;
};

// Inside the caller's transaction (`repos`): validates the billing profile (its email may not
// use `partner_domain`), then inserts the customer, claims its domain (409 when taken by any
// tenant) and inserts its admin user. No relationship, no audit record: the caller adds those.
Result<CreatedTenant> InsertCustomerTenant(ServiceDeps& deps, Repositories& repos,
                                           const NewCustomer& req, const TenantAdmin& admin,
                                           const std::string& created_by,
                                           const std::string& partner_domain, TimePoint now);

}  // namespace csphub::domain
