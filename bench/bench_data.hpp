#pragma once
// The benchmark data set both generators write (csphub_bench_seed for SQLite,
// csphub_bench_pg_seed for PostgreSQL): the same resellers and customers, the same IDs and
// names on every run, so that both backends are measured on the same rows.
//
//  - `resellers` indirect resellers partnered with the demo provider;
//  - `customers` customers, customer i created by the demo provider for reseller
//    i % resellers, visited in ID order (customer IDs are hashes of i, random-looking as real
//    GUIDs are; loading in primary-key order makes every ID-keyed index an append), or reseller
//    by reseller.
#include <cstdint>
#include <functional>
#include <string>

#include "common/clock.hpp"
#include "common/status.hpp"
#include "domain/customer/customer.hpp"
#include "domain/partner/partner.hpp"

namespace csphub::bench {

// A generator cannot go on after a failed step: print what failed and exit 1.
[[noreturn]] void Die(const std::string& what, const Status& st);
void Check(const Status& st, const std::string& what);

// 2026-01-01T00:00:00Z: every bench row's creation time counts from here.
TimePoint BenchEpoch();

// Reseller r (0-based): "Bench Reseller 001", 5e110000-0000-4000-8000-000000000001, ...
domain::Partner BenchReseller(int r);

// The orders ForEachBenchCustomer visits customers in: by ID; or reseller by reseller (in
// tenant ID order), by ID within each: the order of the resellers' relationship rows'
// primary key, (partner, customer).
enum class BenchOrder { kById, kByReseller };

// Calls `visit` for every customer, in `order`, with the customer as CustomerService::Create
// would store it and the tenant ID of its reseller.
void ForEachBenchCustomer(
    std::int64_t customers, int resellers, const std::string& provider,
    const std::function<void(const domain::Customer&, const std::string& reseller)>& visit,
    BenchOrder order = BenchOrder::kById);

}  // namespace csphub::bench
