#pragma once
// Shared by both backends: instantiated by storage/sqlite/agreement_repository.cpp and
// storage/postgres/agreement_repository.cpp (see storage/common/repositories.hpp).
// Agreement attestations and self-serve policies (migration V005).
#include "storage/common/repositories.hpp"

namespace csphub::storage {
namespace {

#define CSPHUB_AGREEMENT_COLUMNS                                                  \
  "id, customer_id, partner_tenant_id, user_id, type, template_id, date_agreed, " \
  "contact_first_name, contact_last_name, contact_email, contact_phone, created_at"

constexpr const char* kInsertAgreement =
    "INSERT INTO customer_agreements(" CSPHUB_AGREEMENT_COLUMNS ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kListAgreements = "SELECT " CSPHUB_AGREEMENT_COLUMNS
                                        " FROM customer_agreements WHERE customer_id=? "
                                        "ORDER BY created_at, id";
constexpr const char* kListAgreementsOfType = "SELECT " CSPHUB_AGREEMENT_COLUMNS
                                              " FROM customer_agreements WHERE customer_id=? "
                                              "AND type=? ORDER BY created_at, id";
constexpr const char* kAgreementExists =
    "SELECT 1 FROM customer_agreements WHERE customer_id=? AND type=? LIMIT 1";
#undef CSPHUB_AGREEMENT_COLUMNS

constexpr const char* kInsertPolicy =
    "INSERT INTO self_serve_policies(grantor_tenant_id, customer_id, permissions, etag, "
    "created_at, updated_at) VALUES(?,?,?,?,?,?)";
constexpr const char* kGetPolicy =
    "SELECT grantor_tenant_id, customer_id, permissions, etag, created_at, updated_at "
    "FROM self_serve_policies WHERE grantor_tenant_id=? AND customer_id=?";
constexpr const char* kUpdatePolicy =
    "UPDATE self_serve_policies SET permissions=?3, etag=?4, updated_at=?5 "
    "WHERE grantor_tenant_id=?1 AND customer_id=?2";
constexpr const char* kDeletePolicy =
    "DELETE FROM self_serve_policies WHERE grantor_tenant_id=? AND customer_id=?";

template <typename Statement>
domain::Agreement ReadAgreement(const Statement& s) {
  domain::Agreement a;
  a.id = s.Text(0);
  a.customer_id = s.Text(1);
  a.partner_tenant_id = s.Text(2);
  a.user_id = s.Text(3);
  // Only known names are ever written; an unknown one would be a newer csphub's, shown as MCA.
  a.type = domain::ParseAgreementType(s.Text(4)).value_or(
      domain::AgreementType::kMicrosoftCustomerAgreement);
  a.template_id = s.Text(5);
  a.date_agreed = FromUnixMillis(s.Int(6));
  a.primary_contact = {s.Text(7), s.Text(8), s.Text(9), s.Text(10)};
  a.created_at = FromUnixMillis(s.Int(11));
  return a;
}

// Resource and action names are identifiers (letters only), so ':' and ',' never occur in them.
std::string EncodePermissions(const std::vector<domain::SelfServePermission>& permissions) {
  std::string out;
  for (const auto& p : permissions) {
    if (!out.empty()) out += ',';
    out += p.resource + ':' + p.action;
  }
  return out;
}

std::vector<domain::SelfServePermission> DecodePermissions(const std::string& text) {
  std::vector<domain::SelfServePermission> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const auto colon = item.find(':');
    if (colon != std::string::npos) out.push_back({item.substr(0, colon), item.substr(colon + 1)});
    start = end + 1;
  }
  return out;
}

}  // namespace

template <typename B>
Status SqlAgreementRepository<B>::Insert(const domain::Agreement& a) {
  Statement s = c_.Prepare(kInsertAgreement);
  s.Bind(1, a.id).Bind(2, a.customer_id).Bind(3, a.partner_tenant_id).Bind(4, a.user_id);
  s.Bind(5, domain::AgreementTypeName(a.type)).Bind(6, a.template_id);
  s.Bind(7, ToUnixMillis(a.date_agreed)).Bind(8, a.primary_contact.first_name);
  s.Bind(9, a.primary_contact.last_name).Bind(10, a.primary_contact.email);
  s.Bind(11, a.primary_contact.phone_number).Bind(12, ToUnixMillis(a.created_at));
  return s.Run();
}

template <typename B>
Result<std::vector<domain::Agreement>> SqlAgreementRepository<B>::ListForCustomer(
    const std::string& customer_id, const std::optional<domain::AgreementType>& type) {
  Statement s = c_.Prepare(type ? kListAgreementsOfType : kListAgreements);
  s.Bind(1, customer_id);
  if (type) s.Bind(2, domain::AgreementTypeName(*type));
  std::vector<domain::Agreement> out;
  while (s.Step()) out.push_back(ReadAgreement(s));
  RETURN_IF_ERROR(s.status());
  return out;
}

template <typename B>
Result<bool> SqlAgreementRepository<B>::Exists(const std::string& customer_id,
                                               domain::AgreementType type) {
  Statement s = c_.Prepare(kAgreementExists);
  s.Bind(1, customer_id).Bind(2, domain::AgreementTypeName(type));
  const bool found = s.Step();
  RETURN_IF_ERROR(s.status());
  return found;
}

template <typename B>
Status SqlSelfServePolicyRepository<B>::Insert(const domain::SelfServePolicy& p) {
  Statement s = c_.Prepare(kInsertPolicy);
  s.Bind(1, p.grantor_tenant_id).Bind(2, p.customer_id).Bind(3, EncodePermissions(p.permissions));
  s.Bind(4, p.etag).Bind(5, ToUnixMillis(p.created_at)).Bind(6, ToUnixMillis(p.updated_at));
  return s.Run();
}

template <typename B>
Result<domain::SelfServePolicy> SqlSelfServePolicyRepository<B>::Get(
    const std::string& grantor_tenant_id, const std::string& customer_id) {
  Statement s = c_.Prepare(kGetPolicy);
  s.Bind(1, grantor_tenant_id).Bind(2, customer_id);
  if (s.Step()) {
    domain::SelfServePolicy p;
    p.grantor_tenant_id = s.Text(0);
    p.customer_id = s.Text(1);
    p.permissions = DecodePermissions(s.Text(2));
    p.etag = s.Int(3);
    p.created_at = FromUnixMillis(s.Int(4));
    p.updated_at = FromUnixMillis(s.Int(5));
    return p;
  }
  RETURN_IF_ERROR(s.status());
  return NotFound("No such self-serve policy.");
}

template <typename B>
Status SqlSelfServePolicyRepository<B>::Update(const domain::SelfServePolicy& p) {
  Statement s = c_.Prepare(kUpdatePolicy);
  s.Bind(1, p.grantor_tenant_id).Bind(2, p.customer_id).Bind(3, EncodePermissions(p.permissions));
  s.Bind(4, p.etag).Bind(5, ToUnixMillis(p.updated_at));
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No such self-serve policy.");
  return Status::Ok();
}

template <typename B>
Status SqlSelfServePolicyRepository<B>::Delete(const std::string& grantor_tenant_id,
                                               const std::string& customer_id) {
  Statement s = c_.Prepare(kDeletePolicy);
  s.Bind(1, grantor_tenant_id).Bind(2, customer_id);
  RETURN_IF_ERROR(s.Run());
  if (s.Changes() == 0) return NotFound("No such self-serve policy.");
  return Status::Ok();
}

}  // namespace csphub::storage
