#pragma once
// Which customers a partner may act on: the visibility rule of reference §4.4 "Get customer",
// shared by every customer-scoped resource (agreements, customer permissions, and later orders
// and subscriptions).
#include <string>

#include "common/status.hpp"
#include "domain/customer/customer.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

// The partner's relationship with the customer. 403 (20002) if the partner removed it; 404 if
// there never was one, so an unrelated partner learns nothing about the customer.
// `customer_id` must already be lower case.
Result<CustomerRelationship> RequireCustomerRelationship(Repositories& repos,
                                                         const std::string& partner_tenant_id,
                                                         const std::string& customer_id);

// The same rule, with the customer read in the same statement (CustomerRepository::GetRelated):
// for operations that need both, one round trip instead of two.
Result<RelatedCustomer> RequireRelatedCustomer(Repositories& repos,
                                               const std::string& partner_tenant_id,
                                               const std::string& customer_id);

}  // namespace csphub::domain
