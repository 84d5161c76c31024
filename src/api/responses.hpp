#pragma once
// Small helpers every handler uses to answer.
#include <string>

#include "api/error_mapping.hpp"
#include "api/json.hpp"
#include "http/message.hpp"

// Binds `var` to the Result of `expr`, or answers the request with its error.
#define ASSIGN_OR_RESPOND(var, expr) \
  auto var = (expr);                 \
  if (!var.ok()) return ::csphub::api::ErrorResponse(var.status())

namespace csphub::api {

inline http::Response Json(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

inline http::Response NoContent() {
  http::Response r;
  r.status = 204;
  return r;
}

// Where a paged list (customers, users) starts: the continuation token (MS-ContinuationToken
// header, or ?continuationToken=) or, without one, ?size= (0 when absent). 400 naming `size`
// when it is not a whole number from 1 to `max_size`.
struct PageRequest {
  int size = 0;
  std::string continuation;
};
Result<PageRequest> ReadPageRequest(const http::Request& req, int max_size);

// The locale for localized text: ?locale=, then X-Locale, then en-US.
std::string RequestLocale(const http::Request& req);

// `{"totalCount": n, "items": [...], "attributes": {"objectType": "Collection"}}` around the
// items `write_items` writes; `continuation` adds Partner Center's paging fields. `item_bytes`:
// room for a typical item, so that a page is neither copied as it grows nor given far more
// memory than it needs (a customer list item is ~680 bytes, a whole customer ~1.3 KB).
template <typename Fn>
std::string Collection(std::size_t count, Fn write_items, const std::string& next_uri = {},
                       const std::string& continuation = {}, std::size_t item_bytes = 1536) {
  JsonOut j(512 + count * item_bytes);
  j.BeginObject().Field("totalCount", static_cast<std::int64_t>(count));
  j.BeginArray("items");
  write_items(j);
  j.EndArray();
  if (!continuation.empty()) {
    j.Field("continuationToken", continuation);
    j.BeginObject("links").BeginObject("next").Field("uri", next_uri).Field("method", "GET");
    j.BeginArray("headers").BeginObject().Field("key", "MS-ContinuationToken");
    j.Field("value", continuation).EndObject().EndArray().EndObject().EndObject();
  }
  j.Attributes("Collection").EndObject();
  return std::move(j).str();
}

}  // namespace csphub::api
