#pragma once
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/customer/self_serve_policy.hpp"

namespace csphub::domain {

// Self-serve policies, keyed by (grantor, customer). Bound to one transaction; not thread-safe
// on its own.
class SelfServePolicyRepository {
 public:
  virtual ~SelfServePolicyRepository() = default;
  // AlreadyExists when the grantor already has a policy for the customer.
  virtual Status Insert(const SelfServePolicy& p) = 0;
  // NotFound when there is none.
  virtual Result<SelfServePolicy> Get(const std::string& grantor_tenant_id,
                                      const std::string& customer_id) = 0;
  // Replaces the permissions, etag and updated_at; NotFound when there is none.
  virtual Status Update(const SelfServePolicy& p) = 0;
  // NotFound when there is none.
  virtual Status Delete(const std::string& grantor_tenant_id, const std::string& customer_id) = 0;
};

}  // namespace csphub::domain
