#include "bench_data.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace csphub::bench {
namespace {

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A version-4 GUID from two 64-bit values: its 128 bits, version and variant set.
struct GuidBits {
  std::uint64_t hi, lo;
  bool operator<(const GuidBits& o) const { return hi != o.hi ? hi < o.hi : lo < o.lo; }
};

GuidBits MakeGuid(std::uint64_t hi, std::uint64_t lo) {
  return {(hi & ~0xF000ULL) | 0x4000ULL,                          // version 4
          (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL};  // variant 10
}

// Its text, lower case: the fixed-width hex digits of hi, then of lo, so that texts sort as the
// bits do.
std::string Text(GuidBits g) {
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(g.hi >> 32),
                static_cast<unsigned>((g.hi >> 16) & 0xFFFF), static_cast<unsigned>(g.hi & 0xFFFF),
                static_cast<unsigned>(g.lo >> 48),
                static_cast<unsigned long long>(g.lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string Guid(std::uint64_t hi, std::uint64_t lo) { return Text(MakeGuid(hi, lo)); }

std::string ResellerId(int r) {
  char buf[37];
  std::snprintf(buf, sizeof buf, "5e110000-0000-4000-8000-%012d", r + 1);
  return buf;
}

constexpr const char* kAdjectives[] = {"Blue",  "Bright", "Coastal", "Golden", "Northern",
                                       "Prime", "Rapid",  "Silver",  "Summit", "United"};
constexpr const char* kNouns[] = {"Bakery",  "Builders", "Clinic",    "Dental", "Foods",
                                  "Freight", "Labs",     "Logistics", "Media",  "Outfitters"};
constexpr const char* kCities[] = {"Seattle", "Austin", "Denver", "Boston", "Chicago"};

struct Plan {
  std::uint64_t index;  // i: the customer's number; decides its reseller
  GuidBits id;          // sorted as bits: the text's order, without formatting and sorting text
};

}  // namespace

void Die(const std::string& what, const Status& st) {
  std::fprintf(stderr, "%s: %s: %s %s\n", program_invocation_short_name, what.c_str(),
               st.description().c_str(), st.detail().c_str());
  std::exit(1);
}

void Check(const Status& st, const std::string& what) {
  if (!st.ok()) Die(what, st);
}

TimePoint BenchEpoch() { return FromUnixMillis(1767225600000); }

domain::Partner BenchReseller(int r) {
  char name[64], domain[64], mpn[16];
  std::snprintf(name, sizeof name, "Bench Reseller %03d", r + 1);
  std::snprintf(domain, sizeof domain, "benchreseller%03d.onmicrosoft.com", r + 1);
  std::snprintf(mpn, sizeof mpn, "9%06d", r + 1);
  domain::Partner p;
  p.tenant_id = ResellerId(r);
  p.name = name;
  p.country = "US";
  p.programs.Add(domain::Program::kIndirectReseller);
  p.mpn_id = mpn;
  p.domain = domain;
  p.created_at = BenchEpoch();
  return p;
}

void ForEachBenchCustomer(
    std::int64_t customers, int resellers, const std::string& provider,
    const std::function<void(const domain::Customer&, const std::string& reseller)>& visit,
    BenchOrder order) {
  std::vector<Plan> plan;
  plan.reserve(static_cast<std::size_t>(customers));
  for (std::int64_t i = 0; i < customers; ++i) {
    const auto u = static_cast<std::uint64_t>(i);
    plan.push_back({u, MakeGuid(SplitMix64(2 * u + 0xC5), SplitMix64(2 * u + 0xC6))});
  }
  std::sort(plan.begin(), plan.end(), [](const Plan& a, const Plan& b) { return a.id < b.id; });
  if (order == BenchOrder::kByReseller) {  // ResellerId(r) sorts as r does: fixed-width digits
    const auto n = static_cast<std::uint64_t>(resellers);
    std::stable_sort(plan.begin(), plan.end(),
                     [n](const Plan& a, const Plan& b) { return a.index % n < b.index % n; });
  }

  domain::Customer c;
  c.organization_registration_number = "";
  c.billing.culture = "en-US";
  c.billing.language = "en";
  c.billing.default_address.country = "US";
  c.billing.default_address.state = "WA";
  c.billing.default_address.address_line1 = "1 Microsoft Way";
  c.billing.default_address.postal_code = "98052";
  c.billing.default_address.phone_number = "4255550100";
  c.billing_etag = 1;
  c.created_by = provider;
  for (const Plan& p : plan) {
    const std::uint64_t h = SplitMix64(p.index ^ 0xA11CE);
    const int reseller = static_cast<int>(p.index % static_cast<std::uint64_t>(resellers));
    char company[96], email[96];
    std::snprintf(company, sizeof company, "%s %s %llu", kAdjectives[h % 10], kNouns[(h / 10) % 10],
                  static_cast<unsigned long long>(p.index + 1));
    const std::string id = Text(p.id);
    // "c" + the first 26 hex digits of the ID: unique, and in ID order (see above).
    std::string d = "c";
    for (char ch : id) {
      if (ch != '-' && d.size() < 27) d += ch;
    }
    d += ".onmicrosoft.com";
    std::snprintf(email, sizeof email, "owner@%s", d.c_str());
    c.id = id;
    c.commerce_id = Guid(SplitMix64(2 * p.index + 0xD7), SplitMix64(2 * p.index + 0xD8));
    c.domain = d;
    c.billing.company_name = company;
    c.billing.first_name = c.billing.default_address.first_name = "Pat";
    c.billing.last_name = c.billing.default_address.last_name = "Owner";
    c.billing.email = email;
    c.billing.default_address.city = kCities[(h / 1000) % 5];
    c.created_at = c.updated_at = BenchEpoch() + std::chrono::milliseconds(p.index);
    visit(c, ResellerId(reseller));
  }
}

}  // namespace csphub::bench
