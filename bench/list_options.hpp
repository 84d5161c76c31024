#pragma once
// The command line both raw list baselines take (bench/sqlite_list.cpp, bench/pg_list.cpp), so
// that bench/customers_list.sh and bench/pg_customers.sh ask them the same questions.
#include <CLI/CLI.hpp>

#include <string>

#include "domain/customer/customer.hpp"

namespace csphub::bench {

struct ListOptions {
  std::string database, partner, field_name = "none", value;
  int size = 100, skip_pages = 0;
  double seconds = 10;
  bool explain = false;

  domain::CustomerFilterField field() const {
    using F = domain::CustomerFilterField;
    if (field_name == "name") return F::kCompanyName;
    if (field_name == "domain") return F::kDomain;
    if (field_name == "reseller") return F::kIndirectReseller;
    if (field_name == "provider") return F::kIndirectCloudSolutionProvider;
    return F::kNone;
  }
};

inline void AddListOptions(CLI::App& cli, ListOptions& o, const char* database_help) {
  cli.add_option("--database", o.database, database_help)->required();
  cli.add_option("--partner", o.partner, "the listing partner's tenant ID")->required();
  cli.add_option("--field", o.field_name, "filter field")
      ->check(CLI::IsMember({"none", "name", "domain", "reseller", "provider"}));
  cli.add_option("--value", o.value, "filter prefix (lower case)");
  cli.add_option("--size", o.size, "page size")->check(CLI::Range(1, 500));
  cli.add_option("--skip-pages", o.skip_pages, "pages to walk before the measured one");
  cli.add_option("--seconds", o.seconds, "how long to measure");
  cli.add_flag("--explain", o.explain,
               "print the query plan; exit 3 if it scans, sorts, or does not start the index "
               "range at the cursor");
}

}  // namespace csphub::bench
