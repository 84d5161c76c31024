#pragma once
// SqlText("SELECT …", B::kPosition, "(…)"): string literals and dialect pieces
// (storage/common/dialect.hpp) joined at compile time into one NUL-terminated array. Held in a
// constexpr variable (template) it has one address for the life of the process, which is what
// Connection::Prepare() keys its statement cache by.
#include <array>
#include <cstddef>
#include <string_view>

namespace csphub::storage {

template <std::size_t... N>
consteval std::array<char, (N + ...) - sizeof...(N) + 1> SqlText(const char (&... parts)[N]) {
  std::array<char, (N + ...) - sizeof...(N) + 1> out{};  // the last char stays the NUL
  std::size_t at = 0;
  for (std::string_view part : {std::string_view(parts, N - 1)...}) {
    for (char c : part) out[at++] = c;
  }
  return out;
}

}  // namespace csphub::storage
