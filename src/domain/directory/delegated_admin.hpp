#pragma once
// Managing a customer's users and licenses needs delegated admin privileges on the customer, not
// only a relationship (reference §3.3; issue 5).
#include <string>

#include "common/status.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

// OK when `partner` holds delegated admin on the customer. Otherwise 403 (700209) when the
// partner knows the customer (it has or had a relationship), 404 when it never did.
// `customer_id` lower case.
Status RequireDelegatedAdmin(Repositories& repos, const std::string& partner,
                             const std::string& customer_id);

}  // namespace csphub::domain
