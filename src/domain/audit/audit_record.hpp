#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

// One line of a partner's activity log (reference §4.3 AuditRecord).
struct AuditRecord {
  std::int64_t seq = 0;    // store-assigned, increasing: the paging key
  std::string id;          // GUID
  std::string partner_id;  // whose log this line is in
  std::string customer_id;
  std::string customer_name;
  std::string user_principal_name;
  std::string application_id;
  std::string resource_type;       // "partner_relationship", "partner_user", ...
  std::string resource_old_value;  // JSON text, or empty
  std::string resource_new_value;  // JSON text, or empty
  std::string operation_type;      // "create_partner_relationship", ...
  std::string original_correlation_id;
  TimePoint operation_date;
  std::string operation_status = "succeeded";
  std::vector<std::pair<std::string, std::string>> customized_data;
};

struct AuditQuery {
  std::string partner_id;
  TimePoint start;
  TimePoint end;
  int limit = 100;
  std::optional<std::int64_t> before_seq;  // keyset: records older than this one
  // Filters (reference §4.1): CustomerId equals, ResourceType equals, CompanyName substring.
  std::string customer_id;
  std::string resource_type;
  std::string customer_name_contains;
};

}  // namespace csphub::domain
