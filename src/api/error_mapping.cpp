#include "api/error_mapping.hpp"

#include <spdlog/spdlog.h>

#include <unordered_map>

#include "api/json.hpp"

namespace csphub::api {
namespace {

// Partner Center codes whose HTTP status differs from their StatusCode's default
// (reference §4.1, "Selected error codes").
const std::unordered_map<int, int>& CodeStatuses() {
  static const std::unordered_map<int, int> kMap = {
      {pc::kAccessDenied, 401},
      {1000, 404},
      {2000, 400},
      {2001, 400},
      {2002, 400},
      {2011, 400},
      {2055, 412},
      {2072, 404},
      {3000, 400},
      {13605, 403},
      {20002, 403},
      {20003, 404},
      {27009, 409},
      {60002, 404},
      {60003, 404},
      {60012, 400},
      {600041, 409},
      {800002, 400},
      {800015, 404},
      {800016, 400},
      {800039, 403},
      {800060, 409},
      {800066, 403},
      {800067, 403},
      {800073, 403},
      {800074, 403},
      {800075, 403},
      {800090, 400},
      {800091, 400},
      {800098, 400},
      {900118, 400},
      {900123, 403},
      {900124, 403},
      {900150, 403},
      {pc::kSubscriptionInTransfer, 409},
      {pc::kSubscriptionNotTransferable, 409},
      {pc::kTransferNotActive, 409},
      {pc::kWrongTransferSide, 403},
      {pc::kPayloadTooLarge, 413},
      {pc::kIdempotencyKeyReused, 422},
  };
  return kMap;
}

int DefaultStatus(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kAborted:
      return 412;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string FaultBody(int code, const std::string& description) {
  JsonOut j;
  j.BeginObject().Field("code", std::to_string(code)).Field("description", description);
  j.BeginArray("data").EndArray().Field("source", "csphub").EndObject();
  return j.str();
}

}  // namespace

int HttpStatusFor(const Status& status) {
  // Unauthenticated is always 401 whatever its code (400 means "access denied" there).
  if (status.code() == StatusCode::kUnauthenticated) return 401;
  const auto& map = CodeStatuses();
  const auto it = map.find(status.pc_code());
  return it != map.end() ? it->second : DefaultStatus(status.code());
}

http::Response ErrorResponse(const Status& status) {
  http::Response r;
  r.status = HttpStatusFor(status);
  if (status.code() == StatusCode::kInternal || !status.detail().empty()) {
    // The detail is for operators: logged, never sent.
    spdlog::warn("{{\"event\":\"error\",\"status\":{},\"code\":{},\"detail\":\"{}\"}}", r.status,
                 status.pc_code(), status.detail());
  }
  r.body = FaultBody(status.pc_code(), status.description());
  if (r.status == 401) {
    r.SetHeader("WWW-Authenticate", "Bearer realm=\"csphub\", error=\"invalid_token\"");
  }
  return r;
}

http::Response ListenerError(http::Request&, int http_status, const std::string& description) {
  int code = pc::kInvalidInput;
  switch (http_status) {
    case 404:
      code = pc::kNotFound;
      break;
    case 413:
      code = pc::kPayloadTooLarge;
      break;
    case 503:
      code = pc::kUnavailable;
      break;
    case 500:
      code = pc::kInternal;
      break;
    default:
      break;
  }
  http::Response r;
  r.status = http_status;
  r.body = FaultBody(code, description);
  return r;
}

}  // namespace csphub::api
