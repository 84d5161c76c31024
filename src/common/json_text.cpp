#include "common/json_text.hpp"

#include <cstdio>

namespace csphub {

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

JsonObjectText& JsonObjectText::Add(std::string_view key, std::string_view value) {
  return AddRaw(key, JsonQuote(value));
}

JsonObjectText& JsonObjectText::AddRaw(std::string_view key, std::string_view json) {
  if (!body_.empty()) body_.push_back(',');
  body_ += JsonQuote(key);
  body_.push_back(':');
  body_ += json;
  return *this;
}

std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    out += JsonQuote(items[i]);
  }
  return out + "]";
}

}  // namespace csphub
