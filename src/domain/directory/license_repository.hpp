#pragma once
// License assignments in storage. Bound to one transaction; not thread-safe on its own.
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/directory/license.hpp"

namespace csphub::domain {

class LicenseRepository {
 public:
  virtual ~LicenseRepository() = default;
  // Inserts or replaces the (user, SKU) assignment.
  virtual Status Put(const LicenseAssignment& a) = 0;
  // OK whether or not it was assigned.
  virtual Status Remove(const std::string& customer_id, const std::string& user_id,
                        const std::string& sku_id) = 0;
  // Every assignment of the user, by SKU.
  virtual Status RemoveAllOf(const std::string& customer_id, const std::string& user_id) = 0;
  virtual Result<std::vector<LicenseAssignment>> ListForUser(const std::string& customer_id,
                                                             const std::string& user_id) = 0;
  // Units consumed per SKU: (sku_id, count), by SKU.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> ConsumedBySku(
      const std::string& customer_id) = 0;
  virtual Result<std::int64_t> Consumed(const std::string& customer_id,
                                        const std::string& sku_id) = 0;
};

}  // namespace csphub::domain
