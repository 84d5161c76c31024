#include "domain/identity/password_policy.hpp"

namespace csphub::domain {

Status ValidateChosenPassword(const std::string& password) {
  if (password.size() < 12 || password.size() > 256) {
    return InvalidField("password", "must be 12 to 256 characters long");
  }
  return Status::Ok();
}

}  // namespace csphub::domain
