#pragma once
// The deterministic demo data set (`csphub serve --demo`): the same IDs and passwords every
// time, listed in README.md and printed by `csphub demo-credentials`.
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"

namespace csphub::app {

struct DemoUser {
  std::string user_principal_name;
  std::string role;
  std::string password;
};

struct DemoPartner {
  std::string tenant_id;
  std::string name;
  std::string country;
  std::vector<std::string> programs;
  std::string mpn_id;
  std::string domain;
  std::vector<DemoUser> users;
  std::string client_id;
  std::string client_secret;
};

// A customer the demo partners already have, with its admin (a customer user).
struct DemoCustomer {
  std::string tenant_id;
  std::string company_name;
  std::string domain;
  std::size_t created_by = 0;           // index into partners
  std::optional<std::size_t> reseller;  // the provider created it for this reseller
  std::string admin_user_principal_name;
  std::string admin_password;
};

struct DemoDataSet {
  std::string operator_client_id;
  std::string operator_secret;
  std::vector<DemoPartner> partners;  // [0] provider, [1] reseller partnered with it,
                                      // [2] reseller not partnered, [3] direct-bill partner
  std::vector<DemoCustomer> customers;
};

const DemoDataSet& Demo();
// Creates the data set through the services (so it is audited like any other write). Does
// nothing when it is already there.
Status SeedDemo(Application& app);

}  // namespace csphub::app
