#pragma once
// Shared by both backends: instantiated by storage/sqlite/order_repository.cpp and
// storage/postgres/order_repository.cpp (see storage/common/repositories.hpp).
// Orders and their line items (migration V006).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

#define CSPHUB_ORDER_COLUMNS                                                            \
  "id, customer_id, partner_tenant_id, billing_cycle, currency_code, currency_symbol, " \
  "status, transaction_type, created_at, etag"
#define CSPHUB_LINE_COLUMNS                                                           \
  "order_id, line_item_number, offer_id, quantity, term_duration, billing_cycle, "    \
  "friendly_name, partner_id_on_record, reseller_tenant_id, parent_subscription_id, " \
  "subscription_id"

constexpr const char* kInsertOrder =
    "INSERT INTO orders(" CSPHUB_ORDER_COLUMNS ") VALUES(?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertLine =
    "INSERT INTO order_line_items(" CSPHUB_LINE_COLUMNS ") VALUES(?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kGetOrder =
    "SELECT " CSPHUB_ORDER_COLUMNS " FROM orders WHERE customer_id=? AND id=?";
constexpr const char* kListOrders =
    "SELECT " CSPHUB_ORDER_COLUMNS
    " FROM orders WHERE customer_id=?1 AND (partner_tenant_id=?2 OR id IN ("
    "SELECT order_id FROM order_line_items WHERE reseller_tenant_id=?2 AND "
    "reseller_tenant_id != '')) ORDER BY created_at, id";
constexpr const char* kListLines = "SELECT " CSPHUB_LINE_COLUMNS
                                   " FROM order_line_items WHERE order_id=? "
                                   "ORDER BY line_item_number";
#undef CSPHUB_ORDER_COLUMNS
#undef CSPHUB_LINE_COLUMNS

template <typename Statement>
domain::Order ReadOrder(const Statement& s) {
  domain::Order o;
  o.id = s.Text(0);
  o.customer_id = s.Text(1);
  o.partner_tenant_id = s.Text(2);
  o.billing_cycle = s.Text(3);
  o.currency_code = s.Text(4);
  o.currency_symbol = s.Text(5);
  o.status = s.Text(6);
  o.transaction_type = s.Text(7);
  o.created_at = FromUnixMillis(s.Int(8));
  o.etag = s.Int(9);
  return o;
}

template <typename Connection>
Status LoadLines(Connection& c, domain::Order& o) {
  auto s = c.Prepare(kListLines);
  s.Bind(1, o.id);
  while (s.Step()) {
    domain::OrderLineItem l;
    l.line_item_number = static_cast<int>(s.Int(1));
    l.offer_id = s.Text(2);
    l.quantity = s.Int(3);
    l.term_duration = s.Text(4);
    l.billing_cycle = s.Text(5);
    l.friendly_name = s.Text(6);
    l.partner_id_on_record = s.Text(7);
    l.reseller_tenant_id = s.Text(8);
    l.parent_subscription_id = s.Text(9);
    l.subscription_id = s.Text(10);
    o.line_items.push_back(std::move(l));
  }
  return s.status();
}

}  // namespace

template <typename B>
Status SqlOrderRepository<B>::Insert(const domain::Order& o) {
  // Queue(): a new order's rows, under its new ID; a failure can only fail the transaction.
  {
    Statement s = c_.Prepare(kInsertOrder);
    s.Bind(1, o.id).Bind(2, o.customer_id).Bind(3, o.partner_tenant_id).Bind(4, o.billing_cycle);
    s.Bind(5, o.currency_code).Bind(6, o.currency_symbol).Bind(7, o.status);
    s.Bind(8, o.transaction_type).Bind(9, ToUnixMillis(o.created_at)).Bind(10, o.etag);
    RETURN_IF_ERROR(s.Queue());
  }
  for (const domain::OrderLineItem& l : o.line_items) {
    Statement s = c_.Prepare(kInsertLine);
    s.Bind(1, o.id).Bind(2, l.line_item_number).Bind(3, l.offer_id).Bind(4, l.quantity);
    s.Bind(5, l.term_duration).Bind(6, l.billing_cycle).Bind(7, l.friendly_name);
    s.Bind(8, l.partner_id_on_record).Bind(9, l.reseller_tenant_id);
    s.Bind(10, l.parent_subscription_id).Bind(11, l.subscription_id);
    RETURN_IF_ERROR(s.Queue());
  }
  return Status::Ok();
}

template <typename B>
Result<domain::Order> SqlOrderRepository<B>::Get(const std::string& customer_id,
                                                 const std::string& order_id) {
  domain::Order o;
  {
    Statement s = c_.Prepare(kGetOrder);
    s.Bind(1, customer_id).Bind(2, order_id);
    if (!s.Step()) {
      RETURN_IF_ERROR(s.status());
      return NotFound("The customer has no order with this ID.");
    }
    o = ReadOrder(s);
  }
  RETURN_IF_ERROR(LoadLines(c_, o));
  return o;
}

template <typename B>
Result<std::vector<domain::Order>> SqlOrderRepository<B>::ListVisibleTo(
    const std::string& customer_id, const std::string& partner) {
  std::vector<domain::Order> out;
  {
    Statement s = c_.Prepare(kListOrders);
    s.Bind(1, customer_id).Bind(2, partner);
    while (s.Step()) out.push_back(ReadOrder(s));
    RETURN_IF_ERROR(s.status());
  }
  for (domain::Order& o : out) RETURN_IF_ERROR(LoadLines(c_, o));
  return out;
}

}  // namespace csphub::storage
