// GET /v1/auditrecords: the caller's activity log, newest first, with Partner Center paging.
#include "api/call_context.hpp"
#include "api/handlers.hpp"
#include "api/responses.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

// The continuation token carries the whole query, so the next page needs nothing else.
struct AuditCursor {
  std::int64_t before_seq = 0;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  int size = 100;
  std::string customer_id, resource_type, company_name;
};

std::string Hex(const std::string& s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(d[c >> 4]);
    out.push_back(d[c & 15]);
  }
  return out;
}

std::optional<std::string> Unhex(const std::string& s) {
  if (s.size() % 2) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < s.size(); i += 2) {
    auto v = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int hi = v(s[i]), lo = v(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

std::string EncodeCursor(const AuditCursor& c) {
  JsonOut j;
  j.BeginObject().Field("b", c.before_seq).Field("s", c.start_ms).Field("e", c.end_ms);
  j.Field("z", c.size).Field("c", c.customer_id).Field("r", c.resource_type);
  j.Field("n", c.company_name).EndObject();
  return Hex(j.str());
}

Result<AuditCursor> DecodeCursor(const std::string& token) {
  const Status bad = InvalidField("continuationToken", "is not valid");
  const auto text = Unhex(token);
  if (!text) return bad;
  auto in = JsonIn::Parse(*text);
  if (!in.ok()) return bad;
  const ObjectReader r = (*in)->Root();
  AuditCursor c;
  auto b = r.OptionalInt("b"), s = r.OptionalInt("s"), e = r.OptionalInt("e"),
       z = r.OptionalInt("z");
  auto cu = r.OptionalString("c"), rt = r.OptionalString("r"), n = r.OptionalString("n");
  if (!b.ok() || !s.ok() || !e.ok() || !z.ok() || !*b || !*s || !*e || !*z || !cu.ok() ||
      !rt.ok() || !n.ok()) {
    return bad;
  }
  c.before_seq = **b;
  c.start_ms = **s;
  c.end_ms = **e;
  c.size = static_cast<int>(**z);
  c.customer_id = cu->value_or("");
  c.resource_type = rt->value_or("");
  c.company_name = n->value_or("");
  return c;
}

// filter={"Field":"CustomerId|ResourceType|CompanyName","Value":"…","Operator":"equals|substring"}
Status ApplyFilter(const std::string& text, domain::AuditQuery& q) {
  auto in = JsonIn::Parse(text);
  if (!in.ok()) return InvalidField("filter", "must be a JSON object {Field, Value, Operator}");
  const ObjectReader r = (*in)->Root();
  ASSIGN_OR_RETURN(std::string field, r.RequiredString("Field"));
  ASSIGN_OR_RETURN(std::string value, r.RequiredString("Value"));
  ASSIGN_OR_RETURN(auto op, r.OptionalString("Operator"));
  const std::string oper = ToLower(op.value_or(""));
  if (EqualsIgnoreCase(field, "CustomerId") && (oper.empty() || oper == "equals")) {
    q.customer_id = ToLower(value);
  } else if (EqualsIgnoreCase(field, "ResourceType") && (oper.empty() || oper == "equals")) {
    q.resource_type = value;
  } else if (EqualsIgnoreCase(field, "CompanyName") && (oper.empty() || oper == "substring")) {
    q.customer_name_contains = value;
  } else {
    return InvalidField("filter",
                        "supports CustomerId equals, ResourceType equals and CompanyName "
                        "substring");
  }
  return Status::Ok();
}

void WriteRecord(JsonOut& j, const domain::AuditRecord& r) {
  j.BeginObject()
      .Field("id", r.id)
      .Field("partnerId", r.partner_id)
      .Field("customerId", r.customer_id)
      .Field("customerName", r.customer_name)
      .Field("userPrincipalName", r.user_principal_name)
      .Field("applicationId", r.application_id)
      .Field("resourceType", r.resource_type)
      .Field("resourceOldValue", r.resource_old_value)
      .Field("resourceNewValue", r.resource_new_value)
      .Field("operationType", r.operation_type)
      .Field("originalCorrelationId", r.original_correlation_id)
      .Field("operationDate", FormatIso8601(r.operation_date))
      .Field("operationStatus", r.operation_status);
  j.BeginArray("customizedData");
  for (const auto& [k, v] : r.customized_data)
    j.BeginObject().Field("key", k).Field("value", v).EndObject();
  j.EndArray().Attributes("AuditRecord").EndObject();
}

Result<TimePoint> DateParam(const http::Request& req, const char* name) {
  const auto raw = req.Query(name);
  TimePoint t;
  if (!ParseIso8601(*raw, &t)) {
    return InvalidField(name,
                        "must be an ISO 8601 date such as 2026-11-01 or 2026-11-01T00:00:00Z");
  }
  return t;
}

}  // namespace

http::Response ListAuditRecords(Services& s, http::Request& req) {
  std::optional<TimePoint> start, end;
  int size = 100;
  domain::AuditQuery filters;
  auto token = req.Header("MS-ContinuationToken");
  if (!token) token = req.Query("continuationToken");
  if (token && !token->empty()) {
    ASSIGN_OR_RESPOND(cursor, DecodeCursor(*token));
    start = FromUnixMillis(cursor->start_ms);
    end = FromUnixMillis(cursor->end_ms);
    size = cursor->size;
    filters.before_seq = cursor->before_seq;
    filters.customer_id = cursor->customer_id;
    filters.resource_type = cursor->resource_type;
    filters.customer_name_contains = cursor->company_name;
  } else {
    if (req.Query("startDate")) {
      ASSIGN_OR_RESPOND(t, DateParam(req, "startDate"));
      start = *t;
    }
    if (req.Query("endDate")) {
      ASSIGN_OR_RESPOND(t, DateParam(req, "endDate"));
      end = *t;
    }
    if (auto raw = req.Query("size")) {
      try {
        size = std::stoi(*raw);
      } catch (const std::exception&) {
        return ErrorResponse(InvalidField("size", "must be an integer"));
      }
    }
    if (auto f = req.Query("filter"); f && !f->empty()) {
      Status st = ApplyFilter(*f, filters);
      if (!st.ok()) return ErrorResponse(st);
    }
  }
  ASSIGN_OR_RESPOND(page, s.audit.Query(Caller(req), start, end, size, filters));
  std::string next;
  if (page->next_before_seq) {
    AuditCursor c{
        *page->next_before_seq, ToUnixMillis(page->start), ToUnixMillis(page->end),       size,
        filters.customer_id,    filters.resource_type,     filters.customer_name_contains};
    next = EncodeCursor(c);
  }
  return Json(200, Collection(
                       page->records.size(),
                       [&](JsonOut& j) {
                         for (const auto& r : page->records) WriteRecord(j, r);
                       },
                       "/auditrecords?seekOperation=Next", next));
}

}  // namespace csphub::api
