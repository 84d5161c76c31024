#pragma once
// Subscription transfers between partners (reference §2.10, §4.2 [A14]): the partner who sells
// some of a customer's subscriptions (the source) offers them to another selling partner that
// also has a relationship with the customer (the target). The target accepts (every
// subscription moves to it, all or nothing) or rejects; the source may withdraw while the
// transfer is Active. An Active transfer holds its subscriptions: none of them can be in a
// second Active transfer.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/commerce/order.hpp"

namespace csphub::domain {

enum class TransferStatus { kActive, kComplete, kRejected, kWithdrawn, kExpired };
// Partner Center's names: "Active", "Complete", "Rejected", "Withdrawn", "Expired".
std::string_view TransferStatusName(TransferStatus s);
std::optional<TransferStatus> ParseTransferStatus(std::string_view name);  // any case

// How long the target has to accept [impl]: Partner Center lets transfers lapse; 30 days
// matches its other pending-offer windows (invitation links).
inline constexpr std::chrono::hours kTransferLifetime{24 * 30};

struct TransferLineItem {
  int id = 0;  // 0..n-1, in request order
  std::string subscription_id;
  // The subscription's offer and quantity when the transfer was created.
  std::string offer_id;
  std::int64_t quantity = 0;
  std::string partner_id_on_record;  // the reseller's MPN ID at the target, or empty
  std::string reseller_tenant_id;    // resolved from it (a partner of the target), or empty
};

struct Transfer {
  std::string id;
  std::string customer_id;
  std::string source_tenant_id;
  std::string source_name;
  std::string target_tenant_id;
  std::string target_name;
  TransferStatus status = TransferStatus::kActive;  // as stored; see StatusAt
  std::vector<TransferLineItem> line_items;
  std::string order_id;  // the target's order recording the moved subscriptions, once accepted
  TimePoint created_at;
  TimePoint last_modified_at;
  TimePoint expires_at;
  std::int64_t etag = 1;
  // Filled by the service for presentation (not stored here): the order named by order_id.
  std::vector<Order> orders;

  // The status at `now`: an Active transfer past its expiry has expired, even if no write has
  // recorded that yet.
  TransferStatus StatusAt(TimePoint now) const {
    if (status == TransferStatus::kActive && now >= expires_at) return TransferStatus::kExpired;
    return status;
  }
};

}  // namespace csphub::domain
