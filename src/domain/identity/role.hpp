#pragma once
// Partner-side roles (reference §3.1) as a small bit set.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csphub::domain {

enum class Role : std::uint8_t {
  kGlobalAdmin,
  kAdminAgent,
  kSalesAgent,
  kHelpdeskAgent,
  kUserManagementAdmin,
  kBillingAdmin,
};
inline constexpr int kRoleCount = 6;

class RoleSet {
 public:
  RoleSet() = default;
  RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) Add(r);
  }
  static RoleSet FromBits(std::uint32_t bits) {
    RoleSet s;
    s.bits_ = bits & ((1u << kRoleCount) - 1);
    return s;
  }
  void Add(Role r) { bits_ |= Bit(r); }
  bool Has(Role r) const { return (bits_ & Bit(r)) != 0; }
  bool Intersects(RoleSet other) const { return (bits_ & other.bits_) != 0; }
  bool empty() const { return bits_ == 0; }
  std::uint32_t bits() const { return bits_; }
  std::vector<Role> ToVector() const;
  bool operator==(const RoleSet&) const = default;

 private:
  static std::uint32_t Bit(Role r) { return 1u << static_cast<unsigned>(r); }
  std::uint32_t bits_ = 0;
};

// Wire names: "GlobalAdmin", "AdminAgent", ... Parsing ignores case, spaces and underscores,
// so "Global admin" and "global_admin" are accepted too.
std::string_view RoleName(Role r);
std::string_view RoleDisplayName(Role r);
std::optional<Role> ParseRole(std::string_view text);
// "Global admin or Admin agent", for denial messages.
std::string DescribeRoles(RoleSet roles);

}  // namespace csphub::domain
