#pragma once
// Shared by both backends: instantiated by storage/sqlite/idempotency_repository.cpp and
// storage/postgres/idempotency_repository.cpp (see storage/common/repositories.hpp).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kGet =
    "SELECT lookup_id, sealed, created_at FROM idempotency_records WHERE lookup_id=?";
constexpr const char* kPut =
    "INSERT INTO idempotency_records(lookup_id, sealed, created_at) VALUES(?, ?, ?) "
    "ON CONFLICT(lookup_id) DO UPDATE SET sealed=excluded.sealed, created_at=excluded.created_at";
constexpr const char* kPurge =
    "DELETE FROM idempotency_records WHERE lookup_id IN (SELECT lookup_id FROM "
    "idempotency_records WHERE created_at < ? ORDER BY created_at LIMIT ?)";

}  // namespace

template <typename B>
Result<domain::IdempotencyRecord> SqlIdempotencyRepository<B>::Get(const std::string& lookup_id) {
  Statement s = c_.Prepare(kGet);
  s.Bind(1, lookup_id);
  if (s.Step()) return domain::IdempotencyRecord{s.Text(0), s.Text(1), FromUnixMillis(s.Int(2))};
  RETURN_IF_ERROR(s.status());
  return NotFound("No stored answer for this request ID.");
}

template <typename B>
Status SqlIdempotencyRepository<B>::Put(const domain::IdempotencyRecord& r) {
  Statement s = c_.Prepare(kPut);
  s.Bind(1, r.lookup_id).Bind(2, r.sealed).Bind(3, ToUnixMillis(r.created_at));
  return s.Run();
}

template <typename B>
Result<int> SqlIdempotencyRepository<B>::PurgeBefore(TimePoint cutoff, int limit) {
  Statement s = c_.Prepare(kPurge);
  s.Bind(1, ToUnixMillis(cutoff)).Bind(2, limit);
  RETURN_IF_ERROR(s.Run());
  return static_cast<int>(s.Changes());
}

}  // namespace csphub::storage
