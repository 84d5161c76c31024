#pragma once
// SqlText("SELECT …", B::kPosition, "(…)"): string literals and dialect pieces
// (storage/common/dialect.hpp) joined at compile time into one NUL-terminated array. Held in a
// constexpr variable (template) it has one address for the life of the process, which is what
// Connection::Prepare() keys its statement cache by. RepeatValues(): an INSERT's multi-row form.
#include <algorithm>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
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

// The multi-row form of a one-row "INSERT … VALUES(…) [rest]", for bulk loads: its VALUES tuple
// `rows` times, so that one statement writes `rows` rows with the one-row statement's columns and
// values. Row r's parameters follow row r-1's: plain ? number themselves, and a numbered ?N
// becomes ?(N + r * the tuple's highest N), so a tuple uses one kind or the other. The tuple may
// hold no parentheses of its own.
inline std::string RepeatValues(std::string_view one_row, int rows) {
  constexpr auto npos = std::string_view::npos;
  const std::size_t open = one_row.find("VALUES(");
  const std::size_t from = open == npos ? npos : open + 6;  // the tuple's '('
  const std::size_t to = from == npos ? npos : one_row.find(')', from);
  if (to == npos || one_row.find('(', from + 1) < to) {
    throw std::logic_error("RepeatValues: no plain VALUES(…) tuple in " + std::string(one_row));
  }
  const std::string_view tuple = one_row.substr(from, to + 1 - from);
  auto number_at = [&](std::size_t i, std::size_t* end) {  // N of a ?N at i, else 0
    int n = 0;
    for (*end = i + 1; *end < tuple.size() && tuple[*end] >= '0' && tuple[*end] <= '9'; ++*end) {
      n = n * 10 + (tuple[*end] - '0');
    }
    return n;
  };
  int highest = 0;
  for (std::size_t i = 0, end = 0; i < tuple.size(); ++i) {
    if (tuple[i] == '?') highest = std::max(highest, number_at(i, &end));
  }
  std::string out(one_row.substr(0, from));
  for (int r = 0; r < rows; ++r) {
    if (r > 0) out += ',';
    for (std::size_t i = 0, end = 0; i < tuple.size(); ++i) {
      out += tuple[i];
      const int n = tuple[i] == '?' ? number_at(i, &end) : 0;
      if (n > 0) {
        out += std::to_string(n + r * highest);
        i = end - 1;
      }
    }
  }
  out += one_row.substr(to + 1);
  return out;
}

}  // namespace csphub::storage
