#pragma once
#include <optional>
#include <vector>

#include "domain/audit/audit_record.hpp"
#include "domain/call_context.hpp"
#include "domain/service_deps.hpp"

namespace csphub::domain {

struct AuditPage {
  std::vector<AuditRecord> records;
  std::optional<std::int64_t> next_before_seq;  // set when there may be more
  TimePoint start;                              // the window the query used (defaults applied)
  TimePoint end;
};

class AuditService {
 public:
  explicit AuditService(ServiceDeps& deps) : deps_(deps) {}
  // The caller's own log: a partner's, or (for its Global Administrator) a customer tenant's. The
  // window defaults to the last 30 days; a start older than 90 days is refused (reference §4.3), as
  // is an end before the start.
  Result<AuditPage> Query(const CallContext& ctx, std::optional<TimePoint> start,
                          std::optional<TimePoint> end, int size, AuditQuery filters);

 private:
  ServiceDeps& deps_;
};

}  // namespace csphub::domain
