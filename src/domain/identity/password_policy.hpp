#pragma once
// What a password a person chooses must be: partner users, customer users and the admin of a
// company signing up all follow the same rule.
#include <string>

#include "common/status.hpp"

namespace csphub::domain {

// 12 to 256 characters; a 400 naming the field "password" otherwise.
Status ValidateChosenPassword(const std::string& password);

}  // namespace csphub::domain
