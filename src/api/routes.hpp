#pragma once
#include <vector>

#include "api/services.hpp"
#include "http/message.hpp"

namespace csphub::api {

// The whole route table. `services` must outlive the routes.
std::vector<http::Route> BuildRoutes(Services& services);

}  // namespace csphub::api
