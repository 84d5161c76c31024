#pragma once
// Shared by both backends: instantiated by storage/sqlite/subscription_repository.cpp and
// storage/postgres/subscription_repository.cpp (see storage/common/repositories.hpp).
// Subscriptions and their timeline (migration V006). The row in `subscriptions` is
// the current state; `subscription_events` keeps the state after every change, keyed by
// (subscription, etag): each change bumps the etag by one, so the etag doubles as the event's
// sequence number.
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

// The state columns, in the order BindState/ReadState use; both tables have them.
#define CSPHUB_SUBSCRIPTION_STATE                                                          \
  "customer_id, partner_tenant_id, order_id, offer_id, offer_name, product_id, sku_id, "   \
  "availability_id, parent_subscription_id, friendly_name, quantity, unit_type, "          \
  "billing_type, billing_cycle, term_duration, status, auto_renew, is_trial, "             \
  "reseller_tenant_id, reseller_mpn_id, support_tenant_id, support_mpn_id, support_name, " \
  "created_at, commitment_end, suspended_at, suspension_expires_at, etag, updated_at"
constexpr int kStateColumns = 29;
#define CSPHUB_29_MARKS "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?"

constexpr const char* kInsert =
    "INSERT INTO subscriptions(id, " CSPHUB_SUBSCRIPTION_STATE ") VALUES(?," CSPHUB_29_MARKS ")";
constexpr const char* kInsertEvent =
    "INSERT INTO subscription_events(subscription_id, seq, at, kind, "
    "actor, " CSPHUB_SUBSCRIPTION_STATE ") VALUES(?,?,?,?,?," CSPHUB_29_MARKS ")";
// Replaces every state column of the row still carrying the expected etag (?31).
constexpr const char* kUpdate = "UPDATE subscriptions SET (" CSPHUB_SUBSCRIPTION_STATE
                                ") = (" CSPHUB_29_MARKS ") WHERE id=?30 AND etag=?31";
constexpr const char* kExists = "SELECT etag FROM subscriptions WHERE id=?";
constexpr const char* kGet =
    "SELECT id, " CSPHUB_SUBSCRIPTION_STATE " FROM subscriptions WHERE customer_id=? AND id=?";
constexpr const char* kList = "SELECT id, " CSPHUB_SUBSCRIPTION_STATE
                              " FROM subscriptions WHERE customer_id=?1"
                              " AND (?2='' OR partner_tenant_id=?2 OR reseller_tenant_id=?2)"
                              " AND (?3='' OR order_id=?3) AND (?4='' OR reseller_tenant_id=?4)"
                              " ORDER BY created_at, id";
constexpr const char* kTimeline = "SELECT subscription_id, " CSPHUB_SUBSCRIPTION_STATE
                                  ", seq, at, kind, actor FROM subscription_events"
                                  " WHERE subscription_id=? AND customer_id=? ORDER BY seq";
constexpr const char* kAsOf =
    "SELECT subscription_id, " CSPHUB_SUBSCRIPTION_STATE
    " FROM subscription_events WHERE subscription_id=? AND customer_id=? AND at<=?"
    " ORDER BY seq DESC LIMIT 1";
constexpr const char* kCountActive =
    "SELECT COUNT(*) FROM subscriptions WHERE customer_id=?1 AND status='active'"
    " AND (partner_tenant_id=?2 OR reseller_tenant_id=?2)";
#undef CSPHUB_SUBSCRIPTION_STATE
#undef CSPHUB_29_MARKS

std::optional<std::int64_t> OptionalMillis(const std::optional<TimePoint>& t) {
  if (!t) return std::nullopt;
  return ToUnixMillis(*t);
}

// Binds consecutive parameters, one per call.
template <typename Statement>
class Binder {
 public:
  Binder(Statement& st, int first) : st_(st), next_(first) {}
  template <typename T>
  Binder& operator()(const T& value) {
    st_.Bind(next_++, value);
    return *this;
  }
  Binder& Optional(const std::optional<std::int64_t>& value) {
    st_.BindOptional(next_++, value);
    return *this;
  }

 private:
  Statement& st_;
  int next_;
};

// Binds the 29 state columns to parameters first .. first+28.
template <typename Statement>
void BindState(Statement& st, int first, const domain::Subscription& s) {
  Binder b(st, first);
  b(s.customer_id)(s.partner_tenant_id)(s.order_id)(s.offer_id)(s.offer_name)(s.product_id);
  b(s.sku_id)(s.availability_id)(s.parent_subscription_id)(s.friendly_name)(s.quantity);
  b(s.unit_type)(s.billing_type)(s.billing_cycle)(s.term_duration);
  b(domain::SubscriptionStatusName(s.status))(s.auto_renew)(s.is_trial);
  b(s.reseller_tenant_id)(s.reseller_mpn_id);
  b(s.support.tenant_id)(s.support.mpn_id)(s.support.name);
  b(ToUnixMillis(s.created_at))(ToUnixMillis(s.commitment_end));
  b.Optional(OptionalMillis(s.suspended_at)).Optional(OptionalMillis(s.suspension_expires_at));
  b(s.etag)(ToUnixMillis(s.updated_at));
}

template <typename Statement>
std::optional<TimePoint> ReadOptionalTime(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return FromUnixMillis(st.Int(col));
}

// Reads "id, <state>" starting at column 0.
template <typename Statement>
domain::Subscription ReadSubscription(const Statement& st) {
  domain::Subscription s;
  int i = 0;
  s.id = st.Text(i++);
  s.customer_id = st.Text(i++);
  s.partner_tenant_id = st.Text(i++);
  s.order_id = st.Text(i++);
  s.offer_id = st.Text(i++);
  s.offer_name = st.Text(i++);
  s.product_id = st.Text(i++);
  s.sku_id = st.Text(i++);
  s.availability_id = st.Text(i++);
  s.parent_subscription_id = st.Text(i++);
  s.friendly_name = st.Text(i++);
  s.quantity = st.Int(i++);
  s.unit_type = st.Text(i++);
  s.billing_type = st.Text(i++);
  s.billing_cycle = st.Text(i++);
  s.term_duration = st.Text(i++);
  // Only known names are written; an unknown one would come from a newer csphub.
  s.status = domain::ParseSubscriptionStatus(st.Text(i++))
                 .value_or(domain::SubscriptionStatus::kSuspended);
  s.auto_renew = st.Bool(i++);
  s.is_trial = st.Bool(i++);
  s.reseller_tenant_id = st.Text(i++);
  s.reseller_mpn_id = st.Text(i++);
  s.support.tenant_id = st.Text(i++);
  s.support.mpn_id = st.Text(i++);
  s.support.name = st.Text(i++);
  s.created_at = FromUnixMillis(st.Int(i++));
  s.commitment_end = FromUnixMillis(st.Int(i++));
  s.suspended_at = ReadOptionalTime(st, i++);
  s.suspension_expires_at = ReadOptionalTime(st, i++);
  s.etag = st.Int(i++);
  s.updated_at = FromUnixMillis(st.Int(i++));
  return s;
}

// Queued: the event's key (subscription, etag) is new, as its subscription was just inserted or
// just updated under a checked etag; a failure can only fail the transaction.
template <typename Connection>
Status AppendEvent(Connection& c, const domain::Subscription& s, const std::string& kind,
                   const std::string& actor) {
  auto st = c.Prepare(kInsertEvent);
  st.Bind(1, s.id).Bind(2, s.etag).Bind(3, ToUnixMillis(s.updated_at)).Bind(4, kind);
  st.Bind(5, actor);
  BindState(st, 6, s);
  return st.Queue();
}

Status NoSuchSubscription() {
  return NotFound("The customer has no subscription with this ID.", 20003);
}

}  // namespace

template <typename B>
Status SqlSubscriptionRepository<B>::Insert(const domain::Subscription& s, const std::string& kind,
                                            const std::string& actor) {
  // Queue(): a new subscription under a new ID, and its first event; a failure can only fail
  // the transaction.
  {
    Statement st = c_.Prepare(kInsert);
    st.Bind(1, s.id);
    BindState(st, 2, s);
    RETURN_IF_ERROR(st.Queue());
  }
  return AppendEvent(c_, s, kind, actor);
}

template <typename B>
Status SqlSubscriptionRepository<B>::Update(const domain::Subscription& s,
                                            std::int64_t expected_etag, const std::string& kind,
                                            const std::string& actor) {
  std::int64_t changed = 0;
  {
    Statement st = c_.Prepare(kUpdate);
    BindState(st, 1, s);
    st.Bind(kStateColumns + 1, s.id).Bind(kStateColumns + 2, expected_etag);
    RETURN_IF_ERROR(st.Run());
    changed = st.Changes();
  }
  if (changed == 0) {
    Statement st = c_.Prepare(kExists);
    st.Bind(1, s.id);
    const bool exists = st.Step();
    RETURN_IF_ERROR(st.status());
    if (!exists) return NoSuchSubscription();
    return Aborted("The subscription changed since it was read; read it again and retry.");
  }
  return AppendEvent(c_, s, kind, actor);
}

template <typename B>
Result<domain::Subscription> SqlSubscriptionRepository<B>::Get(const std::string& customer_id,
                                                               const std::string& id) {
  Statement st = c_.Prepare(kGet);
  st.Bind(1, customer_id).Bind(2, id);
  if (st.Step()) return ReadSubscription(st);
  RETURN_IF_ERROR(st.status());
  return NoSuchSubscription();
}

template <typename B>
Result<std::vector<domain::Subscription>> SqlSubscriptionRepository<B>::List(
    const domain::SubscriptionQuery& q) {
  Statement st = c_.Prepare(kList);
  st.Bind(1, q.customer_id).Bind(2, q.visible_to).Bind(3, q.order_id);
  st.Bind(4, q.reseller_tenant_id);
  std::vector<domain::Subscription> out;
  while (st.Step()) out.push_back(ReadSubscription(st));
  RETURN_IF_ERROR(st.status());
  return out;
}

template <typename B>
Result<std::vector<domain::SubscriptionEvent>> SqlSubscriptionRepository<B>::Timeline(
    const std::string& customer_id, const std::string& id) {
  Statement st = c_.Prepare(kTimeline);
  st.Bind(1, id).Bind(2, customer_id);
  std::vector<domain::SubscriptionEvent> out;
  while (st.Step()) {
    domain::SubscriptionEvent e;
    e.state = ReadSubscription(st);
    e.seq = st.Int(kStateColumns + 1);
    e.at = FromUnixMillis(st.Int(kStateColumns + 2));
    e.kind = st.Text(kStateColumns + 3);
    e.actor = st.Text(kStateColumns + 4);
    out.push_back(std::move(e));
  }
  RETURN_IF_ERROR(st.status());
  if (out.empty()) return NoSuchSubscription();
  return out;
}

template <typename B>
Result<domain::Subscription> SqlSubscriptionRepository<B>::GetAsOf(const std::string& customer_id,
                                                                   const std::string& id,
                                                                   TimePoint when) {
  Statement st = c_.Prepare(kAsOf);
  st.Bind(1, id).Bind(2, customer_id).Bind(3, ToUnixMillis(when));
  if (st.Step()) return ReadSubscription(st);
  RETURN_IF_ERROR(st.status());
  return NotFound("The subscription did not exist yet on that date.", 20003);
}

template <typename B>
Result<std::int64_t> SqlSubscriptionRepository<B>::CountActive(const std::string& customer_id,
                                                               const std::string& partner) {
  Statement st = c_.Prepare(kCountActive);
  st.Bind(1, customer_id).Bind(2, partner);
  if (st.Step()) return st.Int(0);
  RETURN_IF_ERROR(st.status());
  return std::int64_t{0};
}

}  // namespace csphub::storage
