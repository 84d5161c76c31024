#pragma once
// Partners as the store keeps them. All methods run inside the transaction of the Repositories
// object they came from; none is thread-safe on its own (the Store serializes transactions).
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/partner/partner.hpp"

namespace csphub::domain {

class PartnerRepository {
 public:
  virtual ~PartnerRepository() = default;
  // AlreadyExists when the tenant ID, domain or MPN ID is taken.
  virtual Status Insert(const Partner& partner) = 0;
  // NotFound when there is no such partner.
  virtual Result<Partner> Get(const std::string& tenant_id) = 0;
  virtual Result<Partner> GetByDomain(const std::string& domain) = 0;
  virtual Result<Partner> GetByMpnId(const std::string& mpn_id) = 0;
  // Ordered by tenant ID; the page starts after `after_tenant_id` when it is set.
  virtual Result<std::vector<Partner>> List(const std::optional<std::string>& after_tenant_id,
                                            int limit) = 0;
  virtual Status SetDisabled(const std::string& tenant_id, bool disabled) = 0;
};

}  // namespace csphub::domain
