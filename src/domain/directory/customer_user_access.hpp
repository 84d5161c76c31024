#pragma once
// What every customer-user and license operation does first, inside its transaction: the
// delegated-admin gate, finding a user within the restore window, and the rule that a tenant
// keeps an active Global Administrator.
#include <string>

#include "common/clock.hpp"
#include "common/status.hpp"
#include "domain/call_context.hpp"
#include "domain/customer/customer.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

// The customer, if the caller holds delegated admin on it (RequireDelegatedAdmin).
Result<Customer> OpenCustomerDirectory(Repositories& repos, const CallContext& ctx,
                                       const std::string& customer_id);
// The same in a write transaction, which also deletes for good the users whose restore window
// has closed (so their principal names can be used again).
Result<Customer> OpenCustomerDirectoryForWrite(Repositories& repos, const CallContext& ctx,
                                               const std::string& customer_id, TimePoint now);
// A soft-deleted user still within its 30 days.
bool RestorableAt(const CustomerUser& u, TimePoint now);
// The user, active or restorable; 404 (60002) otherwise.
Result<CustomerUser> FindUser(Repositories& repos, const std::string& customer_id,
                              const std::string& user_id, TimePoint now);
// OK when an active Global Administrator other than `user_id` remains; 409 (700301) otherwise.
Status KeepAnotherGlobalAdmin(Repositories& repos, const std::string& customer_id,
                              const std::string& user_id);

}  // namespace csphub::domain
