#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"

namespace csphub::domain {

// The CSP programs a partner is enrolled in (reference §0.1).
enum class Program : std::uint8_t { kDirectBill = 1, kIndirectProvider = 2, kIndirectReseller = 4 };

struct Programs {
  std::uint32_t bits = 0;
  bool Has(Program p) const { return (bits & static_cast<std::uint32_t>(p)) != 0; }
  void Add(Program p) { bits |= static_cast<std::uint32_t>(p); }
};
std::string_view ProgramName(Program p);  // "direct_bill", "indirect_provider", ...
std::optional<Program> ParseProgram(std::string_view text);
std::vector<std::string> ProgramNames(Programs programs);

struct Partner {
  std::string tenant_id;  // GUID
  std::string name;
  std::string country;  // ISO 3166 alpha-2, upper case
  Programs programs;
  std::string mpn_id;  // numeric
  std::string domain;  // the partner's sign-in domain, lower case, unique
  bool disabled = false;
  TimePoint created_at;
};

}  // namespace csphub::domain
