#include "domain/partner/partner.hpp"

#include "common/ids.hpp"

namespace csphub::domain {
namespace {
constexpr Program kAll[] = {Program::kDirectBill, Program::kIndirectProvider,
                            Program::kIndirectReseller};
}

std::string_view ProgramName(Program p) {
  switch (p) {
    case Program::kDirectBill:
      return "direct_bill";
    case Program::kIndirectProvider:
      return "indirect_provider";
    case Program::kIndirectReseller:
      return "indirect_reseller";
  }
  return "unknown";
}

std::optional<Program> ParseProgram(std::string_view text) {
  for (Program p : kAll) {
    if (EqualsIgnoreCase(ProgramName(p), text)) return p;
  }
  return std::nullopt;
}

std::vector<std::string> ProgramNames(Programs programs) {
  std::vector<std::string> out;
  for (Program p : kAll) {
    if (programs.Has(p)) out.emplace_back(ProgramName(p));
  }
  return out;
}

}  // namespace csphub::domain
