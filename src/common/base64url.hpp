#pragma once
// URL-safe base64 without padding (RFC 4648 §5), for opaque tokens such as continuation tokens.
#include <optional>
#include <string>
#include <string_view>

namespace csphub {

std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace csphub
