#include "domain/audit/audit_log.hpp"

namespace csphub::domain {

Status AppendAudit(ServiceDeps& deps, Repositories& repos, const CallContext& ctx,
                   AuditEntry entry) {
  AuditRecord r;
  r.id = deps.ids.NewGuid();
  r.partner_id = entry.partner_id.empty() ? ctx.tenant_id : std::move(entry.partner_id);
  r.customer_id = std::move(entry.customer_id);
  r.customer_name = std::move(entry.customer_name);
  r.user_principal_name = ctx.user_principal_name;
  r.application_id = ctx.application_id;
  r.resource_type = std::move(entry.resource_type);
  r.resource_old_value = std::move(entry.old_value);
  r.resource_new_value = std::move(entry.new_value);
  r.operation_type = std::move(entry.operation_type);
  r.original_correlation_id = ctx.correlation_id;
  r.operation_date = deps.clock.Now();
  r.customized_data = std::move(entry.customized_data);
  r.operation_status = std::move(entry.operation_status);
  return repos.Audit().Append(r);
}

}  // namespace csphub::domain
