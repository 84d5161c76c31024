#pragma once
#include <string>

#include "common/clock.hpp"
#include "domain/identity/role.hpp"

namespace csphub::domain {

// A member of a partner's staff who signs in with a password (App+User tokens).
struct PartnerUser {
  std::string id;                   // GUID
  std::string tenant_id;            // the partner
  std::string user_principal_name;  // lower case, unique across the instance
  std::string display_name;
  std::string first_name;
  std::string last_name;
  RoleSet roles;
  std::string password_hash;  // argon2id, libsodium's encoded form
  bool must_change_password = true;
  bool disabled = false;
  TimePoint created_at;
  TimePoint updated_at;
};

// A partner's application (client credentials). The secret is only ever stored as a hash.
struct AppRegistration {
  std::string client_id;  // GUID
  std::string tenant_id;
  std::string display_name;
  std::string secret_hash;
  RoleSet roles;  // what App-only tokens of this app may do
  TimePoint created_at;
  TimePoint secret_rotated_at;
};

}  // namespace csphub::domain
