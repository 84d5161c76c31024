#pragma once
// Optimistic concurrency on the wire (reference §4.1: If-Match, attributes.etag): reading the
// etag a client sends, and sending one back. The etags csphub issues are integers.
#include <cstdint>
#include <string>

#include "api/json.hpp"
#include "http/message.hpp"

namespace csphub::api {

// The etag from If-Match (quotes and W/ allowed) or, failing that, from the body's
// attributes.etag. 400 when there is none; 412 when it is not one csphub issued. `resource`
// names what to read again, e.g. "the billing profile".
Result<std::int64_t> RequiredEtag(const http::Request& req, const ObjectReader& body,
                                  const std::string& resource);

// `r` with an ETag header carrying `etag`.
http::Response WithEtag(http::Response r, std::int64_t etag);

}  // namespace csphub::api
