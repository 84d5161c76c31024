#pragma once
// The error vocabulary of csphub (after Abseil's status.h). Every failure carries:
//  - a StatusCode: what kind of failure it is, which decides the HTTP status by default;
//  - the stable Partner Center error `code` clients switch on (reference §4.1);
//  - a public description, safe to send to the caller;
//  - an internal detail, logged and never sent.
#include <optional>
#include <string>
#include <utility>

namespace csphub {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // 400: the request is wrong and will stay wrong.
  kNotFound,            // 404: no such thing, or the caller may not know it exists.
  kAlreadyExists,       // 409: a unique thing is taken.
  kFailedPrecondition,  // 400/409: the state of the system forbids it now.
  kAborted,             // 412: an optimistic race was lost (stale ETag).
  kPermissionDenied,    // 403: authenticated, but not allowed.
  kUnauthenticated,     // 401: no valid credentials.
  kResourceExhausted,   // 429 / 413: a limit was hit.
  kUnavailable,         // 503: try again later.
  kInternal,            // 500: a bug or a broken dependency.
};

// Partner Center error codes used across csphub (reference §4.1, plus [impl] ones of our own,
// listed in docs/error-codes.md). Stable: clients switch on them.
namespace pc {
inline constexpr int kAccessDenied = 400;
inline constexpr int kNotFound = 1000;
inline constexpr int kInvalidArgument = 2000;
inline constexpr int kInvalidProperty = 3000;
inline constexpr int kEtagInvalid = 2055;
inline constexpr int kNoCommerceRelationship = 20002;
inline constexpr int kMcaRequired = 13605;                 // no MCA attested: no purchase
inline constexpr int kSelfServePolicyExists = 600041;      // one per (partner, customer)
inline constexpr int kAgreementAlreadyConfirmed = 600061;  // same contact, same agreement type
inline constexpr int kTokenMissing = 800001;
inline constexpr int kInvalidInput = 800002;
inline constexpr int kMpnNotFound = 800015;
inline constexpr int kNotIndirectReseller = 800016;
inline constexpr int kQuantityWhileSuspending = 2001;  // quantity change in a suspending PATCH
inline constexpr int kQuantityOutOfRange = 2002;       // outside the offer's min/max
inline constexpr int kSubscriptionDeleted = 2011;      // no change to a deleted subscription
inline constexpr int kProviderMpnOnRecord = 2072;      // the provider's own MPN ID on record
inline constexpr int kSubscriptionNotFound = 20003;
inline constexpr int kParentNotActive = 27009;         // add-on active while its base is not
inline constexpr int kSubscriptionSuspended = 800091;  // no quantity change while suspended
inline constexpr int kPartnerOnRecordLocked = 800098;  // only a provider names the reseller
inline constexpr int kRoleLacksRights = 900150;
// [impl] codes of our own, 7xxxxx so they never collide with Partner Center's.
inline constexpr int kAlreadyExists = 700409;
inline constexpr int kPayloadTooLarge = 700413;
inline constexpr int kRateLimited = 700429;
inline constexpr int kInternal = 700500;
inline constexpr int kUnavailable = 700503;
inline constexpr int kPasswordChangeRequired = 700101;
inline constexpr int kInvalidCredentials = 700102;
inline constexpr int kAccountDisabled = 700103;
inline constexpr int kInvitationInvalid = 700201;
inline constexpr int kPartnershipExists = 700202;
inline constexpr int kPartnershipRegion = 700203;
inline constexpr int kPartnershipPrograms = 700204;
inline constexpr int kCustomerInvitationInvalid = 700205;
inline constexpr int kCustomerRegion = 700206;
inline constexpr int kActiveSubscriptions = 700207;  // relationship removal with active ones
inline constexpr int kNotBillingPartner = 700208;    // only the selling partner changes it
// Subscription transfers (docs/error-codes.md).
inline constexpr int kSubscriptionInTransfer = 700209;       // held by another Active transfer
inline constexpr int kSubscriptionNotTransferable = 700210;  // not active, not the source's, ...
inline constexpr int kTransferNotActive = 700211;  // Complete, Rejected, Withdrawn or Expired
inline constexpr int kWrongTransferSide = 700212;  // target accepts/rejects, source withdraws
// Customer users and licenses (docs/error-codes.md).
inline constexpr int kDelegatedAdminRequired = 700213;  // users and licenses need DAP
inline constexpr int kUsageLocationRequired = 700214;   // no license without a usage location
inline constexpr int kUserNotRestorable = 700215;       // soft-deleted more than 30 days ago
inline constexpr int kLicensesAssigned = 800090;        // quantity below the units assigned
inline constexpr int kOutOfLicenses = 60012;            // no units left to assign
inline constexpr int kUserNotFound = 60002;
inline constexpr int kLastGlobalAdmin = 700301;
inline constexpr int kIdempotencyKeyReused = 700422;
inline constexpr int kCatalogVersionOlder = 700601;  // catalog import older than the one in use
}  // namespace pc

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, int pc_code, std::string description, std::string detail = {})
      : code_(code),
        pc_code_(pc_code),
        description_(std::move(description)),
        detail_(std::move(detail)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  int pc_code() const { return pc_code_; }
  const std::string& description() const { return description_; }
  const std::string& detail() const { return detail_; }

  // Returns a copy with an internal detail appended (for logs only).
  Status WithDetail(std::string detail) const {
    Status copy = *this;
    copy.detail_ = detail_.empty() ? std::move(detail) : detail_ + "; " + detail;
    return copy;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  int pc_code_ = 0;
  std::string description_;
  std::string detail_;
};

// Constructors for the common cases. The description must be fit for the caller's eyes.
Status InvalidArgument(std::string description, int pc_code = pc::kInvalidInput);
Status InvalidField(const std::string& field, const std::string& problem);
Status NotFound(std::string description, int pc_code = pc::kNotFound);
Status AlreadyExists(std::string description, int pc_code = pc::kAlreadyExists);
Status FailedPrecondition(std::string description, int pc_code);
Status Aborted(std::string description, int pc_code = pc::kEtagInvalid);
Status PermissionDenied(std::string description, int pc_code = pc::kRoleLacksRights);
Status Unauthenticated(std::string description, int pc_code = pc::kAccessDenied);
Status ResourceExhausted(std::string description, int pc_code);
Status Unavailable(std::string description);
Status Internal(std::string detail);

// Result<T>: a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace csphub

#define CSPHUB_CONCAT_INNER(a, b) a##b
#define CSPHUB_CONCAT(a, b) CSPHUB_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::csphub::Status csphub_status_ = (expr);        \
    if (!csphub_status_.ok()) return csphub_status_; \
  } while (false)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(CSPHUB_CONCAT(csphub_result_, __LINE__), lhs, expr)
