#pragma once
// Shared by both backends: instantiated by storage/sqlite/audit_repository.cpp and
// storage/postgres/audit_repository.cpp (see storage/common/repositories.hpp).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "storage/common/repositories.hpp"
#include "storage/common/sql_text.hpp"

namespace csphub::storage {
namespace {

constexpr const char* kAppendAudit =
    "INSERT INTO audit_records(id, partner_id, customer_id, customer_name, user_principal_name, "
    "application_id, resource_type, resource_old_value, resource_new_value, operation_type, "
    "original_correlation_id, operation_date, operation_status, customized_data) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
// Filters are optional: an empty parameter matches everything, so one prepared statement
// serves every combination.
template <typename B>
constexpr auto kQueryAudit = SqlText(
    "SELECT seq, id, partner_id, customer_id, customer_name, user_principal_name, "
    "application_id, resource_type, resource_old_value, resource_new_value, operation_type, "
    "original_correlation_id, operation_date, operation_status, customized_data "
    "FROM audit_records WHERE partner_id=?1 AND seq < ?2 "
    "AND operation_date >= ?3 AND operation_date <= ?4 "
    "AND (?5 = '' OR customer_id = ?5) AND (?6 = '' OR resource_type = ?6) "
    "AND (?7 = '' OR ",
    B::kPosition,
    "(lower(customer_name), lower(?7)) > 0) "
    "ORDER BY seq DESC LIMIT ?8");

std::string EncodeCustomized(const std::vector<std::pair<std::string, std::string>>& data) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& [k, v] : data) {
    w.StartObject();
    w.Key("key");
    w.String(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
    w.Key("value");
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}

std::vector<std::pair<std::string, std::string>> DecodeCustomized(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  if (d.HasParseError() || !d.IsArray()) return out;
  for (const auto& item : d.GetArray()) {
    if (item.IsObject() && item.HasMember("key") && item.HasMember("value") &&
        item["key"].IsString() && item["value"].IsString()) {
      out.emplace_back(item["key"].GetString(), item["value"].GetString());
    }
  }
  return out;
}

}  // namespace

template <typename B>
Status SqlAuditRepository<B>::Append(const domain::AuditRecord& r) {
  Statement s = c_.Prepare(kAppendAudit);
  s.Bind(1, r.id).Bind(2, r.partner_id).Bind(3, r.customer_id).Bind(4, r.customer_name);
  s.Bind(5, r.user_principal_name).Bind(6, r.application_id).Bind(7, r.resource_type);
  s.Bind(8, r.resource_old_value).Bind(9, r.resource_new_value).Bind(10, r.operation_type);
  s.Bind(11, r.original_correlation_id).Bind(12, ToUnixMillis(r.operation_date));
  s.Bind(13, r.operation_status).Bind(14, EncodeCustomized(r.customized_data));
  // A new record under a new ID: its failure can only fail the transaction (Queue()).
  return s.Queue();
}

template <typename B>
Result<std::vector<domain::AuditRecord>> SqlAuditRepository<B>::Query(const domain::AuditQuery& q) {
  Statement s = c_.Prepare(kQueryAudit<B>.data());
  s.Bind(1, q.partner_id).Bind(2, q.before_seq.value_or(INT64_MAX));
  s.Bind(3, ToUnixMillis(q.start)).Bind(4, ToUnixMillis(q.end));
  s.Bind(5, q.customer_id).Bind(6, q.resource_type).Bind(7, q.customer_name_contains);
  s.Bind(8, q.limit);
  std::vector<domain::AuditRecord> out;
  while (s.Step()) {
    domain::AuditRecord r;
    r.seq = s.Int(0);
    r.id = s.Text(1);
    r.partner_id = s.Text(2);
    r.customer_id = s.Text(3);
    r.customer_name = s.Text(4);
    r.user_principal_name = s.Text(5);
    r.application_id = s.Text(6);
    r.resource_type = s.Text(7);
    r.resource_old_value = s.Text(8);
    r.resource_new_value = s.Text(9);
    r.operation_type = s.Text(10);
    r.original_correlation_id = s.Text(11);
    r.operation_date = FromUnixMillis(s.Int(12));
    r.operation_status = s.Text(13);
    r.customized_data = DecodeCustomized(s.Text(14));
    out.push_back(std::move(r));
  }
  RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace csphub::storage
