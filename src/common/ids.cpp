#include "common/ids.hpp"

#include <sodium.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstring>

namespace csphub {

namespace {

// 16 random bytes per GUID, drawn from the CSPRNG 64 GUIDs at a time: one getrandom(2) per
// call was the largest cost of a small request, which makes two (request and correlation IDs)
// when the client sends none (docs/bench-results.md). GUIDs are identifiers, not secrets.
void RandomGuidBytes(unsigned char out[16]) {
  constexpr std::size_t kBatch = 64 * 16;
  thread_local unsigned char pool[kBatch];
  thread_local std::size_t used = kBatch;
  if (used == kBatch) {
    randombytes_buf(pool, sizeof pool);
    used = 0;
  }
  std::memcpy(out, pool + used, 16);
  sodium_memzero(pool + used, 16);
  used += 16;
}

}  // namespace

// Version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other 74 are
// random. Records created one after another then sit next to each other in every index keyed by
// their ID, so the inserts of a group commit share the same right-most B-tree pages instead of
// dirtying one random page per index each (docs/adr/0014-time-ordered-guids.md). Nothing relies
// on a GUID being unguessable (secrets are separate random tokens); 74 random bits still keep
// them unique.
std::string RandomIdGenerator::NewGuid() {
  unsigned char b[16];
  RandomGuidBytes(b);
  const auto ms =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x70);  // version 7
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 9562 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(36, '-');
  std::size_t at = 0;
  for (int i = 0; i < 16; ++i) {
    if (at == 8 || at == 13 || at == 18 || at == 23) ++at;  // the dashes stay
    out[at++] = kHex[b[i] >> 4];
    out[at++] = kHex[b[i] & 0x0F];
  }
  return out;
}

bool IsGuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Trim(std::string_view text) {
  const auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(b, e - b + 1));
}

}  // namespace csphub
