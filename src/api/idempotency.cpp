#include "api/idempotency.hpp"

#include <sodium.h>

#include <algorithm>

#include "api/error_mapping.hpp"
#include "api/json.hpp"

namespace csphub::api {
namespace {

constexpr std::size_t kMaxRequestIdLength = 128;
constexpr int kPurgeBatch = 100;

bool Applies(const http::Request& req) {
  if (req.route == nullptr || !req.route->authenticated) return false;
  // Password changes are not kept: their bodies hold a password.
  if (req.route->group == "me") return false;
  return req.method == "POST" || req.method == "PATCH" || req.method == "PUT";
}

bool Keeps(const http::Response& resp) { return resp.status < 500 && resp.status != 429; }

// What makes two requests "the same": method, path, query and body.
std::string Fingerprint(const http::Request& req) {
  http::Pairs query = req.query;
  std::sort(query.begin(), query.end());
  std::string text = req.method + '\n' + req.path + '\n';
  for (const auto& [k, v] : query) text += k + '=' + v + '&';
  text += '\n' + req.body;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string Serialize(const std::string& fingerprint, const http::Response& resp) {
  JsonOut j;
  j.BeginObject().Field("fingerprint", fingerprint).Field("status", resp.status);
  j.Field("contentType", resp.content_type).BeginArray("headers");
  for (const auto& [k, v] : resp.headers) j.BeginArray().Value(k).Value(v).EndArray();
  j.EndArray().Field("body", resp.body).EndObject();
  return j.str();
}

struct StoredAnswer {
  std::string fingerprint;
  http::Response response;
};

std::optional<StoredAnswer> Deserialize(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsObject()) return std::nullopt;
  StoredAnswer out;
  out.fingerprint = d["fingerprint"].GetString();
  out.response.status = d["status"].GetInt();
  out.response.content_type = d["contentType"].GetString();
  for (const auto& h : d["headers"].GetArray()) {
    out.response.headers.emplace_back(h[0].GetString(), h[1].GetString());
  }
  out.response.body.assign(d["body"].GetString(), d["body"].GetStringLength());
  return out;
}

}  // namespace

http::Middleware Idempotency(domain::Store& store, const auth::ResponseSealer& sealer, Clock& clock,
                             std::chrono::seconds ttl) {
  return [&store, &sealer, &clock, ttl](http::Request& req, const http::Handler& next) {
    const auto request_id = req.Header("MS-RequestId");
    if (!Applies(req) || !request_id || request_id->empty() ||
        request_id->size() > kMaxRequestIdLength) {
      return next(req);
    }
    const std::string scope = req.tenant_key + '\n' + *request_id;
    const std::string lookup_id = sealer.LookupId(scope);
    const std::string fingerprint = Fingerprint(req);
    http::Response out;
    bool answered = false;
    const Status rollback = Aborted("not kept");
    Status st = store.Write([&](domain::Repositories& repos) -> Status {
      const TimePoint now = clock.Now();
      auto existing = repos.Idempotency().Get(lookup_id);
      if (existing.ok() && existing->created_at + ttl > now) {
        const auto plain = sealer.Open(scope, existing->sealed);
        const auto stored = plain ? Deserialize(*plain) : std::nullopt;
        if (!stored) return Internal("an idempotency record does not open");
        answered = true;
        if (stored->fingerprint != fingerprint) {
          out = ErrorResponse(InvalidArgument(
              "This MS-RequestId was already used for a different request; use a new "
              "MS-RequestId for a new request.",
              pc::kIdempotencyKeyReused));
        } else {
          out = stored->response;
          out.SetHeader("Idempotent-Replayed", "true");
        }
        return Status::Ok();
      }
      RETURN_IF_ERROR(existing.ok() || existing.status().code() == StatusCode::kNotFound
                          ? Status::Ok()
                          : existing.status());
      out = next(req);
      answered = true;
      if (!Keeps(out)) return rollback;
      RETURN_IF_ERROR(repos.Idempotency().PurgeBefore(now - ttl, kPurgeBatch).status());
      return repos.Idempotency().Put(
          {lookup_id, sealer.Seal(scope, Serialize(fingerprint, out)), now});
    });
    if (st.ok() ||
        (answered && st.code() == rollback.code() && st.description() == rollback.description())) {
      return out;
    }
    // The commit failed: whatever the handler answered did not happen.
    return ErrorResponse(st);
  };
}

}  // namespace csphub::api
