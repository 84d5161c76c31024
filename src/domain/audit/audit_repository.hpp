#pragma once
#include <vector>

#include "common/status.hpp"
#include "domain/audit/audit_record.hpp"

namespace csphub::domain {

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends; the record's seq is assigned by the store.
  virtual Status Append(const AuditRecord& record) = 0;
  // Newest first, at most query.limit records.
  virtual Result<std::vector<AuditRecord>> Query(const AuditQuery& query) = 0;
};

}  // namespace csphub::domain
