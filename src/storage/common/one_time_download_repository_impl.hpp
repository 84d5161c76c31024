#pragma once
// Shared by both backends: instantiated by storage/sqlite/one_time_download_repository.cpp and
// storage/postgres/one_time_download_repository.cpp (see storage/common/repositories.hpp).
// One-time downloads (migration V009).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsert =
    "INSERT INTO one_time_downloads(id, partner_tenant_id, sealed, created_at, expires_at) "
    "VALUES(?,?,?,?,?)";
constexpr const char* kGet =
    "SELECT partner_tenant_id, sealed, created_at, expires_at FROM one_time_downloads "
    "WHERE id=?";
constexpr const char* kDelete = "DELETE FROM one_time_downloads WHERE id=?";
constexpr const char* kPurge = "DELETE FROM one_time_downloads WHERE expires_at<=?";

}  // namespace

template <typename B>
Status SqlOneTimeDownloadRepository<B>::Insert(const domain::OneTimeDownload& d) {
  Statement s = c_.Prepare(kInsert);
  s.Bind(1, d.id).Bind(2, d.partner_tenant_id).Bind(3, d.sealed);
  s.Bind(4, ToUnixMillis(d.created_at)).Bind(5, ToUnixMillis(d.expires_at));
  return s.Run();
}

template <typename B>
Result<domain::OneTimeDownload> SqlOneTimeDownloadRepository<B>::Take(const std::string& id) {
  domain::OneTimeDownload d;
  {
    Statement s = c_.Prepare(kGet);
    s.Bind(1, id);
    if (!s.Step()) {
      RETURN_IF_ERROR(s.status());
      return NotFound("No such download (each can be taken once).");
    }
    d.id = id;
    d.partner_tenant_id = s.Text(0);
    d.sealed = s.Text(1);
    d.created_at = FromUnixMillis(s.Int(2));
    d.expires_at = FromUnixMillis(s.Int(3));
  }
  Statement del = c_.Prepare(kDelete);
  del.Bind(1, id);
  RETURN_IF_ERROR(del.Run());
  return d;
}

template <typename B>
Result<int> SqlOneTimeDownloadRepository<B>::PurgeExpired(TimePoint now) {
  Statement s = c_.Prepare(kPurge);
  s.Bind(1, ToUnixMillis(now));
  RETURN_IF_ERROR(s.Run());
  return static_cast<int>(s.Changes());
}

}  // namespace csphub::storage
