#pragma once
// Stored answers to writes sent with an MS-RequestId, so that a retry gets the first answer
// instead of doing the work twice (api/idempotency.cpp). The store sees only a keyed hash of
// the request ID and a sealed payload: without the request ID nothing in a record is readable.
#include <string>

#include "common/clock.hpp"
#include "common/status.hpp"

namespace csphub::domain {

struct IdempotencyRecord {
  std::string lookup_id;  // keyed hash of (caller scope, MS-RequestId), hex
  std::string sealed;     // encrypted fingerprint + status + headers + body
  TimePoint created_at;
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  // NotFound when there is no record.
  virtual Result<IdempotencyRecord> Get(const std::string& lookup_id) = 0;
  // Inserts, or replaces an expired record with the same lookup ID.
  virtual Status Put(const IdempotencyRecord& record) = 0;
  // Deletes up to `limit` records created before `cutoff`; returns how many went.
  virtual Result<int> PurgeBefore(TimePoint cutoff, int limit) = 0;
};

}  // namespace csphub::domain
