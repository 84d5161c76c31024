#include "api/etag.hpp"

namespace csphub::api {

Result<std::int64_t> RequiredEtag(const http::Request& req, const ObjectReader& body,
                                  const std::string& resource) {
  std::string etag = req.Header("If-Match").value_or("");
  if (etag.empty()) {
    ASSIGN_OR_RETURN(auto attributes, body.OptionalObject("attributes"));
    if (attributes) {
      ASSIGN_OR_RETURN(etag, attributes->StringOrEmpty("etag"));
    }
  }
  if (etag.rfind("W/", 0) == 0) etag = etag.substr(2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') {
    etag = etag.substr(1, etag.size() - 2);
  }
  if (etag.empty()) return InvalidField("If-Match", "is required: send " + resource + "'s etag");
  try {
    std::size_t used = 0;
    const std::int64_t v = std::stoll(etag, &used);
    if (used == etag.size()) return v;
  } catch (const std::exception&) {
  }
  return Aborted("The etag is not one this server issued; read " + resource + " again.");
}

http::Response WithEtag(http::Response r, std::int64_t etag) {
  r.SetHeader("ETag", "\"" + std::to_string(etag) + "\"");
  return r;
}

}  // namespace csphub::api
