#pragma once
// Builds activity-log records from the call context, so that every service writes them alike.
#include <string>

#include "domain/audit/audit_record.hpp"
#include "domain/call_context.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct AuditEntry {
  std::string partner_id;  // whose log; defaults to the caller's tenant
  std::string operation_type;
  std::string resource_type;
  std::string old_value;
  std::string new_value;
  std::string customer_id;
  std::string customer_name;
  std::vector<std::pair<std::string, std::string>> customized_data;
  std::string operation_status = "succeeded";  // or "decline" (reference §4.3 AuditRecord)
};

// Appends the record inside the caller's transaction (`repos`).
Status AppendAudit(ServiceDeps& deps, Repositories& repos, const CallContext& ctx,
                   AuditEntry entry);

}  // namespace csphub::domain
