#pragma once
// Identifiers: GUIDs for tenants, users and records; random secrets for credentials.
#include <string>
#include <string_view>

namespace csphub {

// Produces the GUIDs csphub hands out. Injected, so tests and the demo can be deterministic.
class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  virtual std::string NewGuid() = 0;
};

// Version-7 GUIDs: time-ordered, 74 random bits from the operating system's CSPRNG (libsodium
// randombytes). Thread-safe.
class RandomIdGenerator final : public IdGenerator {
 public:
  std::string NewGuid() override;
};

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", hex digits in either case.
bool IsGuid(std::string_view text);
std::string ToLower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// `text` without leading and trailing spaces, tabs and line breaks.
std::string Trim(std::string_view text);

}  // namespace csphub
