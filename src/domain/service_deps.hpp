#pragma once
// What every domain service is built with. Owned by app/, outlives the services.
#include <string>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "domain/identity/credentials.hpp"
#include "domain/store.hpp"

namespace csphub::domain {

struct DomainSettings {
  std::string public_url = "http://127.0.0.1:8080";  // where links in emails point
  std::string domain_suffix = "onmicrosoft.com";     // partner and customer sign-in domains
  int invitation_ttl_days = 30;                      // partnership links expire after this
  bool partnership_same_country = true;              // reference §6 "Region rules"
  bool customer_same_country = true;                 // customers accept same-country partners
};

struct ServiceDeps {
  Store& store;
  Clock& clock;
  IdGenerator& ids;
  PasswordHasher& hasher;
  SecretFactory& secrets;
  DomainSettings settings;
};

}  // namespace csphub::domain
