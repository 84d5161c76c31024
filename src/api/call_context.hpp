#pragma once
#include "domain/call_context.hpp"
#include "http/message.hpp"

namespace csphub::api {

// The verified caller of an authenticated route (set by the Authenticate middleware).
const domain::CallContext& Caller(const http::Request& req);

}  // namespace csphub::api
