#include "common/list_text.hpp"

namespace csphub {

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (&item != &items.front()) out += separator;
    out += item;
  }
  return out;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, start)) {
    out.emplace_back(text.substr(start, at - start));
    start = at + 1;
  }
  out.emplace_back(text.substr(start));
  return out;
}

}  // namespace csphub
