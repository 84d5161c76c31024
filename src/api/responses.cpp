#include "api/responses.hpp"

namespace csphub::api {

std::string RequestLocale(const http::Request& req) {
  if (auto q = req.Query("locale"); q && !q->empty()) return *q;
  if (auto h = req.Header("X-Locale"); h && !h->empty()) return *h;
  return "en-US";
}

}  // namespace csphub::api
