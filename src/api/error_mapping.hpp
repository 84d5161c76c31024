#pragma once
// The only place that turns a Status into HTTP: status code, headers and the Partner Center
// ApiFault body {code, description, data, source}.
#include "common/status.hpp"
#include "http/message.hpp"

namespace csphub::api {

int HttpStatusFor(const Status& status);
http::Response ErrorResponse(const Status& status);
// The listener's own errors (404, 405, 413, 503, malformed query) in the same shape.
http::Response ListenerError(http::Request& req, int http_status, const std::string& description);

}  // namespace csphub::api
