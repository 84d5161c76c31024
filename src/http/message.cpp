#include "http/message.hpp"

#include "common/ids.hpp"

namespace csphub::http {
namespace {

std::optional<std::string> Find(const Pairs& pairs, std::string_view name) {
  for (const auto& [k, v] : pairs) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> Request::Header(std::string_view name) const {
  return Find(headers, name);
}
std::optional<std::string> Request::Query(std::string_view name) const { return Find(query, name); }
std::string Request::Param(std::string_view name) const { return Find(params, name).value_or(""); }

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace csphub::http
