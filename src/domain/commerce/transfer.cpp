#include "domain/commerce/transfer.hpp"

#include "common/ids.hpp"

namespace csphub::domain {

std::string_view TransferStatusName(TransferStatus s) {
  switch (s) {
    case TransferStatus::kActive:
      return "Active";
    case TransferStatus::kComplete:
      return "Complete";
    case TransferStatus::kRejected:
      return "Rejected";
    case TransferStatus::kWithdrawn:
      return "Withdrawn";
    case TransferStatus::kExpired:
      return "Expired";
  }
  return "Active";
}

std::optional<TransferStatus> ParseTransferStatus(std::string_view name) {
  for (auto s : {TransferStatus::kActive, TransferStatus::kComplete, TransferStatus::kRejected,
                 TransferStatus::kWithdrawn, TransferStatus::kExpired}) {
    if (EqualsIgnoreCase(name, TransferStatusName(s))) return s;
  }
  return std::nullopt;
}

}  // namespace csphub::domain
