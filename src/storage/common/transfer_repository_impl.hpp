#pragma once
// Shared by both backends: instantiated by storage/sqlite/transfer_repository.cpp and
// storage/postgres/transfer_repository.cpp (see storage/common/repositories.hpp).
// Subscription transfers and their line items (migration V007). A line "holds" its
// subscription while the transfer is Active; a unique partial index keeps a subscription in at
// most one Active transfer.
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

#define CSPHUB_TRANSFER_COLUMNS                                                     \
  "id, customer_id, source_tenant_id, source_name, target_tenant_id, target_name, " \
  "status, order_id, created_at, last_modified_at, expires_at, etag"
#define CSPHUB_TRANSFER_LINE_COLUMNS                                                       \
  "transfer_id, line_item_id, subscription_id, offer_id, quantity, partner_id_on_record, " \
  "reseller_tenant_id, holds"

constexpr const char* kInsert =
    "INSERT INTO transfers(" CSPHUB_TRANSFER_COLUMNS ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertLine =
    "INSERT INTO transfer_line_items(" CSPHUB_TRANSFER_LINE_COLUMNS ") VALUES(?,?,?,?,?,?,?,?)";
constexpr const char* kGet =
    "SELECT " CSPHUB_TRANSFER_COLUMNS " FROM transfers WHERE customer_id=? AND id=?";
constexpr const char* kList = "SELECT " CSPHUB_TRANSFER_COLUMNS
                              " FROM transfers WHERE customer_id=? AND "
                              "(source_tenant_id=? OR target_tenant_id=?) ORDER BY created_at, id";
constexpr const char* kHolding =
    "SELECT t.id, t.customer_id FROM transfer_line_items l "
    "JOIN transfers t ON t.id = l.transfer_id "
    "WHERE l.subscription_id=? AND l.holds=1";
constexpr const char* kLines = "SELECT " CSPHUB_TRANSFER_LINE_COLUMNS
                               " FROM transfer_line_items WHERE transfer_id=? "
                               "ORDER BY line_item_id";
constexpr const char* kUpdate =
    "UPDATE transfers SET status=?, order_id=?, last_modified_at=?, etag=? "
    "WHERE id=? AND etag=?";
constexpr const char* kRelease = "UPDATE transfer_line_items SET holds=0 WHERE transfer_id=?";
constexpr const char* kExists = "SELECT etag FROM transfers WHERE id=?";
#undef CSPHUB_TRANSFER_COLUMNS
#undef CSPHUB_TRANSFER_LINE_COLUMNS

Status NoSuchTransfer() { return NotFound("The customer has no transfer with this ID."); }

template <typename Statement>
domain::Transfer ReadTransfer(const Statement& s) {
  domain::Transfer t;
  t.id = s.Text(0);
  t.customer_id = s.Text(1);
  t.source_tenant_id = s.Text(2);
  t.source_name = s.Text(3);
  t.target_tenant_id = s.Text(4);
  t.target_name = s.Text(5);
  // Only known names are written; an unknown one would come from a newer csphub.
  t.status = domain::ParseTransferStatus(s.Text(6)).value_or(domain::TransferStatus::kExpired);
  t.order_id = s.Text(7);
  t.created_at = FromUnixMillis(s.Int(8));
  t.last_modified_at = FromUnixMillis(s.Int(9));
  t.expires_at = FromUnixMillis(s.Int(10));
  t.etag = s.Int(11);
  return t;
}

template <typename Connection>
Status LoadLines(Connection& c, domain::Transfer& t) {
  auto s = c.Prepare(kLines);
  s.Bind(1, t.id);
  while (s.Step()) {
    domain::TransferLineItem l;
    l.id = static_cast<int>(s.Int(1));
    l.subscription_id = s.Text(2);
    l.offer_id = s.Text(3);
    l.quantity = s.Int(4);
    l.partner_id_on_record = s.Text(5);
    l.reseller_tenant_id = s.Text(6);
    t.line_items.push_back(std::move(l));
  }
  return s.status();
}

}  // namespace

template <typename B>
Status SqlTransferRepository<B>::Insert(const domain::Transfer& t) {
  {
    Statement s = c_.Prepare(kInsert);
    s.Bind(1, t.id).Bind(2, t.customer_id).Bind(3, t.source_tenant_id).Bind(4, t.source_name);
    s.Bind(5, t.target_tenant_id).Bind(6, t.target_name);
    s.Bind(7, domain::TransferStatusName(t.status)).Bind(8, t.order_id);
    s.Bind(9, ToUnixMillis(t.created_at)).Bind(10, ToUnixMillis(t.last_modified_at));
    s.Bind(11, ToUnixMillis(t.expires_at)).Bind(12, t.etag);
    RETURN_IF_ERROR(s.Run());
  }
  const bool holds = t.status == domain::TransferStatus::kActive;
  for (const domain::TransferLineItem& l : t.line_items) {
    Statement s = c_.Prepare(kInsertLine);
    s.Bind(1, t.id).Bind(2, l.id).Bind(3, l.subscription_id).Bind(4, l.offer_id);
    s.Bind(5, l.quantity).Bind(6, l.partner_id_on_record).Bind(7, l.reseller_tenant_id);
    s.Bind(8, holds);
    RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

template <typename B>
Result<domain::Transfer> SqlTransferRepository<B>::Get(const std::string& customer_id,
                                                       const std::string& id) {
  domain::Transfer t;
  {
    Statement s = c_.Prepare(kGet);
    s.Bind(1, customer_id).Bind(2, id);
    if (!s.Step()) {
      RETURN_IF_ERROR(s.status());
      return NoSuchTransfer();
    }
    t = ReadTransfer(s);
  }
  RETURN_IF_ERROR(LoadLines(c_, t));
  return t;
}

template <typename B>
Result<std::vector<domain::Transfer>> SqlTransferRepository<B>::ListFor(
    const std::string& customer_id, const std::string& partner) {
  std::vector<domain::Transfer> out;
  {
    Statement s = c_.Prepare(kList);
    s.Bind(1, customer_id).Bind(2, partner).Bind(3, partner);
    while (s.Step()) out.push_back(ReadTransfer(s));
    RETURN_IF_ERROR(s.status());
  }
  for (domain::Transfer& t : out) RETURN_IF_ERROR(LoadLines(c_, t));
  return out;
}

template <typename B>
Result<domain::Transfer> SqlTransferRepository<B>::GetHolding(const std::string& subscription_id) {
  std::string id;
  std::string customer_id;
  {
    Statement s = c_.Prepare(kHolding);
    s.Bind(1, subscription_id);
    if (!s.Step()) {
      RETURN_IF_ERROR(s.status());
      return NotFound("No Active transfer holds this subscription.");
    }
    id = s.Text(0);
    customer_id = s.Text(1);
  }
  return Get(customer_id, id);
}

template <typename B>
Status SqlTransferRepository<B>::Update(const domain::Transfer& t, std::int64_t expected_etag) {
  std::int64_t changed = 0;
  {
    Statement s = c_.Prepare(kUpdate);
    s.Bind(1, domain::TransferStatusName(t.status)).Bind(2, t.order_id);
    s.Bind(3, ToUnixMillis(t.last_modified_at)).Bind(4, t.etag);
    s.Bind(5, t.id).Bind(6, expected_etag);
    RETURN_IF_ERROR(s.Run());
    changed = s.Changes();
  }
  if (changed == 0) {
    Statement s = c_.Prepare(kExists);
    s.Bind(1, t.id);
    const bool exists = s.Step();
    RETURN_IF_ERROR(s.status());
    if (!exists) return NoSuchTransfer();
    return Aborted("The transfer changed since it was read; read it again and retry.");
  }
  if (t.status == domain::TransferStatus::kActive) return Status::Ok();
  Statement s = c_.Prepare(kRelease);
  s.Bind(1, t.id);
  return s.Run();
}

}  // namespace csphub::storage
