#pragma once
// Shared by both backends: instantiated by storage/sqlite/partner_repository.cpp and
// storage/postgres/partner_repository.cpp (see storage/common/repositories.hpp).
#include "common/ids.hpp"
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kInsertPartner =
    "INSERT INTO partners(tenant_id, name, country, programs, mpn_id, domain, disabled, "
    "created_at) VALUES(?,?,?,?,?,?,?,?)";
#define CSPHUB_PARTNER_COLUMNS \
  "SELECT tenant_id, name, country, programs, mpn_id, domain, disabled, created_at FROM partners "
constexpr const char* kGetPartner = CSPHUB_PARTNER_COLUMNS "WHERE tenant_id = ?";
constexpr const char* kGetPartnerByDomain = CSPHUB_PARTNER_COLUMNS "WHERE domain = ?";
constexpr const char* kGetPartnerByMpn = CSPHUB_PARTNER_COLUMNS "WHERE mpn_id = ?";
constexpr const char* kListPartners =
    CSPHUB_PARTNER_COLUMNS "WHERE tenant_id > ? ORDER BY tenant_id LIMIT ?";
#undef CSPHUB_PARTNER_COLUMNS
constexpr const char* kClaimDomain =
    "INSERT INTO tenant_domains(domain, tenant_id, kind) VALUES(?, ?, 'partner')";
constexpr const char* kSetPartnerDisabled = "UPDATE partners SET disabled = ? WHERE tenant_id = ?";

template <typename Statement>
domain::Partner ReadPartner(const Statement& s) {
  domain::Partner p;
  p.tenant_id = s.Text(0);
  p.name = s.Text(1);
  p.country = s.Text(2);
  p.programs.bits = static_cast<std::uint32_t>(s.Int(3));
  p.mpn_id = s.Text(4);
  p.domain = s.Text(5);
  p.disabled = s.Bool(6);
  p.created_at = FromUnixMillis(s.Int(7));
  return p;
}

template <typename Connection>
Result<domain::Partner> GetOne(Connection& c, const char* sql, const std::string& key) {
  auto s = c.Prepare(sql);
  s.Bind(1, key);
  if (s.Step()) return ReadPartner(s);
  RETURN_IF_ERROR(s.status());
  return NotFound("No such partner.");
}

}  // namespace

template <typename B>
Status SqlPartnerRepository<B>::Insert(const domain::Partner& p) {
  Statement s = c_.Prepare(kInsertPartner);
  s.Bind(1, p.tenant_id).Bind(2, p.name).Bind(3, p.country);
  s.Bind(4, static_cast<std::int64_t>(p.programs.bits)).Bind(5, p.mpn_id).Bind(6, p.domain);
  s.Bind(7, p.disabled).Bind(8, ToUnixMillis(p.created_at));
  Status st = s.Run();
  if (st.ok()) {
    // Partners and customers share one domain namespace.
    Statement claim = c_.Prepare(kClaimDomain);
    claim.Bind(1, p.domain).Bind(2, p.tenant_id);
    st = claim.Run();
  }
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists("A partner with this MPN ID, domain or tenant ID already exists.")
        .WithDetail(st.detail());
  }
  return st;
}

template <typename B>
Result<domain::Partner> SqlPartnerRepository<B>::Get(const std::string& tenant_id) {
  return GetOne(c_, kGetPartner, tenant_id);
}
template <typename B>
Result<domain::Partner> SqlPartnerRepository<B>::GetByDomain(const std::string& domain) {
  return GetOne(c_, kGetPartnerByDomain, domain);
}
template <typename B>
Result<domain::Partner> SqlPartnerRepository<B>::GetByMpnId(const std::string& mpn_id) {
  return GetOne(c_, kGetPartnerByMpn, mpn_id);
}

template <typename B>
Result<std::vector<domain::Partner>> SqlPartnerRepository<B>::List(
    const std::optional<std::string>& after, int limit) {
  Statement s = c_.Prepare(kListPartners);
  s.Bind(1, after.value_or("")).Bind(2, limit);
  std::vector<domain::Partner> out;
  while (s.Step()) out.push_back(ReadPartner(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Status SqlPartnerRepository<B>::SetDisabled(const std::string& tenant_id, bool disabled) {
  Statement s = c_.Prepare(kSetPartnerDisabled);
  s.Bind(1, disabled).Bind(2, tenant_id);
  return s.Run();
}

}  // namespace csphub::storage
