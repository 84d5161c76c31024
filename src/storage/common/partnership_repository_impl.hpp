#pragma once
// Shared by both backends: instantiated by storage/sqlite/partnership_repository.cpp and
// storage/postgres/partnership_repository.cpp (see storage/common/repositories.hpp).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsertPartnership =
    "INSERT INTO partnerships(provider_tenant_id, reseller_tenant_id, created_at) VALUES(?,?,?)";
constexpr const char* kDeletePartnership =
    "DELETE FROM partnerships WHERE provider_tenant_id=? AND reseller_tenant_id=?";
constexpr const char* kPartnershipExists =
    "SELECT 1 FROM partnerships WHERE provider_tenant_id=? AND reseller_tenant_id=?";
constexpr const char* kResellersOf =
    "SELECT provider_tenant_id, reseller_tenant_id, created_at FROM partnerships "
    "WHERE provider_tenant_id=? ORDER BY reseller_tenant_id";
constexpr const char* kProvidersOf =
    "SELECT provider_tenant_id, reseller_tenant_id, created_at FROM partnerships "
    "WHERE reseller_tenant_id=? ORDER BY provider_tenant_id";
constexpr const char* kInsertInvitation =
    "INSERT INTO partnership_invitations(id, provider_tenant_id, token_hash, created_by, "
    "created_at, expires_at, revoked_at) VALUES(?,?,?,?,?,?,NULL)";
#define CSPHUB_INVITATION_COLUMNS                                                   \
  "SELECT id, provider_tenant_id, token_hash, created_by, created_at, expires_at, " \
  "revoked_at FROM partnership_invitations "
constexpr const char* kInvitationByHash = CSPHUB_INVITATION_COLUMNS "WHERE token_hash=?";
constexpr const char* kListInvitations =
    CSPHUB_INVITATION_COLUMNS "WHERE provider_tenant_id=? ORDER BY created_at DESC, id";
#undef CSPHUB_INVITATION_COLUMNS
constexpr const char* kRevokeInvitation =
    "UPDATE partnership_invitations SET revoked_at=? "
    "WHERE id=? AND provider_tenant_id=? AND revoked_at IS NULL";

template <typename Statement>
domain::PartnershipInvitation ReadInvitation(const Statement& s) {
  domain::PartnershipInvitation inv;
  inv.id = s.Text(0);
  inv.provider_tenant_id = s.Text(1);
  inv.token_hash = s.Text(2);
  inv.created_by = s.Text(3);
  inv.created_at = FromUnixMillis(s.Int(4));
  inv.expires_at = FromUnixMillis(s.Int(5));
  if (!s.IsNull(6)) inv.revoked_at = FromUnixMillis(s.Int(6));
  return inv;
}

}  // namespace

template <typename B>
Status SqlPartnershipRepository<B>::Insert(const domain::Partnership& p) {
  Statement s = c_.Prepare(kInsertPartnership);
  s.Bind(1, p.provider_tenant_id).Bind(2, p.reseller_tenant_id).Bind(3, ToUnixMillis(p.created_at));
  return s.Run();
}

template <typename B>
Status SqlPartnershipRepository<B>::Delete(const std::string& provider,
                                           const std::string& reseller) {
  Statement s = c_.Prepare(kDeletePartnership);
  s.Bind(1, provider).Bind(2, reseller);
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No such partnership.");
  return Status::Ok();
}

template <typename B>
Result<bool> SqlPartnershipRepository<B>::Exists(const std::string& provider,
                                                 const std::string& reseller) {
  Statement s = c_.Prepare(kPartnershipExists);
  s.Bind(1, provider).Bind(2, reseller);
  const bool found = s.Step();
  RETURN_IF_ERROR(s.status());
  return found;
}

template <typename B>
Result<std::vector<domain::Partnership>> SqlPartnershipRepository<B>::ListResellersOf(
    const std::string& provider) {
  Statement s = c_.Prepare(kResellersOf);
  s.Bind(1, provider);
  std::vector<domain::Partnership> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), FromUnixMillis(s.Int(2))});
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<std::vector<domain::Partnership>> SqlPartnershipRepository<B>::ListProvidersOf(
    const std::string& reseller) {
  Statement s = c_.Prepare(kProvidersOf);
  s.Bind(1, reseller);
  std::vector<domain::Partnership> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), FromUnixMillis(s.Int(2))});
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlPartnershipRepository<B>::InsertInvitation(const domain::PartnershipInvitation& inv) {
  Statement s = c_.Prepare(kInsertInvitation);
  s.Bind(1, inv.id).Bind(2, inv.provider_tenant_id).Bind(3, inv.token_hash).Bind(4, inv.created_by);
  s.Bind(5, ToUnixMillis(inv.created_at)).Bind(6, ToUnixMillis(inv.expires_at));
  return s.Run();
}

template <typename B>
Result<domain::PartnershipInvitation> SqlPartnershipRepository<B>::GetInvitationByTokenHash(
    const std::string& hash) {
  Statement s = c_.Prepare(kInvitationByHash);
  s.Bind(1, hash);
  if (s.Step()) return ReadInvitation(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such invitation.");
}

template <typename B>
Result<std::vector<domain::PartnershipInvitation>> SqlPartnershipRepository<B>::ListInvitations(
    const std::string& provider) {
  Statement s = c_.Prepare(kListInvitations);
  s.Bind(1, provider);
  std::vector<domain::PartnershipInvitation> out;
  while (s.Step()) out.push_back(ReadInvitation(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlPartnershipRepository<B>::RevokeInvitation(const std::string& provider,
                                                     const std::string& id, TimePoint when) {
  Statement s = c_.Prepare(kRevokeInvitation);
  s.Bind(1, ToUnixMillis(when)).Bind(2, id).Bind(3, provider);
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No open invitation with that ID.");
  return Status::Ok();
}

}  // namespace csphub::storage
