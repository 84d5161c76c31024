#include "api/responses.hpp"

namespace csphub::api {

std::string RequestLocale(const http::Request& req) {
  if (auto q = req.Query("locale"); q && !q->empty()) return *q;
  if (auto h = req.Header("X-Locale"); h && !h->empty()) return *h;
  return "en-US";
}

Result<PageRequest> ReadPageRequest(const http::Request& req, int max_size) {
  PageRequest page;
  auto token = req.Header("MS-ContinuationToken");
  if (!token) token = req.Query("continuationToken");
  if (token && !token->empty()) {
    page.continuation = *token;
    return page;
  }
  if (auto raw = req.Query("size"); raw && !raw->empty()) {
    std::size_t used = 0;
    try {
      page.size = std::stoi(*raw, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != raw->size() || page.size < 1 || page.size > max_size) {
      return InvalidField("size", "must be a whole number from 1 to " + std::to_string(max_size));
    }
  }
  return page;
}

}  // namespace csphub::api
