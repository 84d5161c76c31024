#include "api/handlers.hpp"
#include "api/responses.hpp"

namespace csphub::api {

http::Response Healthz(Services&, http::Request&) { return Json(200, R"({"status":"ok"})"); }

http::Response Readyz(Services& s, http::Request&) {
  Status st = s.store.Ping();
  if (!st.ok())
    return ErrorResponse(Unavailable("The store is not reachable.").WithDetail(st.detail()));
  return Json(200, R"({"status":"ready"})");
}

}  // namespace csphub::api
