#include "domain/audit/audit_service.hpp"

#include "domain/identity/permissions.hpp"

namespace csphub::domain {

Result<AuditPage> AuditService::Query(const CallContext& ctx, std::optional<TimePoint> start,
                                      std::optional<TimePoint> end, int size, AuditQuery filters) {
  // A customer's Global Administrator reads its own tenant's log (accepted and declined
  // invitations, delegated admin revoked); everyone else needs the partner role.
  if (!(ctx.IsCustomerUser() && ctx.customer_global_admin)) {
    RETURN_IF_ERROR(Authorize(ctx, Operation::kViewActivityLog));
  }
  using std::chrono::hours;
  const TimePoint now = deps_.clock.Now();
  const TimePoint e = end.value_or(now);
  const TimePoint s = start.value_or(e - hours(24 * 30));
  if (s < now - hours(24 * 90)) {
    return InvalidField("startDate", "must be within the last 90 days");
  }
  if (e < s) return InvalidField("endDate", "must not be before startDate");
  if (size < 1 || size > 1000) return InvalidField("size", "must be between 1 and 1000");

  filters.partner_id = ctx.tenant_id;
  filters.start = s;
  filters.end = e;
  filters.limit = size + 1;  // one extra tells whether there is a next page
  AuditPage page;
  page.start = s;
  page.end = e;
  RETURN_IF_ERROR(deps_.store.Read([&](Repositories& repos) -> Status {
    ASSIGN_OR_RETURN(page.records, repos.Audit().Query(filters));
    return Status::Ok();
  }));
  if (static_cast<int>(page.records.size()) > size) {
    page.records.resize(static_cast<size_t>(size));
    page.next_before_seq = page.records.back().seq;
  }
  return page;
}

}  // namespace csphub::domain
