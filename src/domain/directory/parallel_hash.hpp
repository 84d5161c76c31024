#pragma once
// argon2id for many passwords at once. Each hash costs what the hasher is configured for
// (libsodium's interactive limits by default: ~64 MiB and tens of milliseconds), so a bulk
// import is bound by hashing; running one hash per core divides the wall time by the cores.
// Hashing stays argon2id with the same parameters as a single create: a bulk-created user's
// temporary password must verify at first sign-in like any other.
#include <string>
#include <vector>

#include "common/status.hpp"
#include "domain/identity/credentials.hpp"

namespace csphub::domain {

// The hashes of `passwords`, in order, computed on up to `threads` threads (0: one per core).
Result<std::vector<std::string>> HashAll(const PasswordHasher& hasher,
                                         const std::vector<std::string>& passwords,
                                         unsigned threads = 0);

}  // namespace csphub::domain
