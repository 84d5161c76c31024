#pragma once
// Secrets kept for one download (the temporary passwords of a bulk import): stored sealed
// (domain::SecretSealer), deleted by the read that returns them, purged once expired.
#include <string>

#include "common/clock.hpp"
#include "common/status.hpp"

namespace csphub::domain {

struct OneTimeDownload {
  std::string id;                 // SecretSealer::LookupId of the download token
  std::string partner_tenant_id;  // only this partner may take it
  std::string sealed;             // SecretSealer::Seal of the content
  TimePoint created_at;
  TimePoint expires_at;
};

class OneTimeDownloadRepository {
 public:
  virtual ~OneTimeDownloadRepository() = default;
  virtual Status Insert(const OneTimeDownload& d) = 0;
  // Returns it and deletes it in the caller's transaction: a second Take finds nothing
  // (NotFound).
  virtual Result<OneTimeDownload> Take(const std::string& id) = 0;
  // Deletes those that expired at or before `now`; returns how many.
  virtual Result<int> PurgeExpired(TimePoint now) = 0;
};

}  // namespace csphub::domain
