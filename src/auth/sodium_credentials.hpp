#pragma once
// libsodium implementations of the domain's credential ports.
#include <cstddef>

#include "domain/identity/credentials.hpp"

namespace csphub::auth {

// Call once before any other libsodium use; false if the library could not start.
bool InitSodium();

// argon2id (crypto_pwhash_str_alg). The limits are libsodium's opslimit and memlimit; the
// defaults are its INTERACTIVE profile (2 passes, 64 MiB).
class Argon2idHasher final : public domain::PasswordHasher {
 public:
  Argon2idHasher(unsigned long long ops_limit, std::size_t mem_limit_bytes)
      : ops_limit_(ops_limit), mem_limit_(mem_limit_bytes) {}
  Result<std::string> Hash(const std::string& password) const override;
  bool Verify(const std::string& encoded, const std::string& password) const override;

 private:
  unsigned long long ops_limit_;
  std::size_t mem_limit_;
};

class SodiumSecretFactory final : public domain::SecretFactory {
 public:
  std::string NewTemporaryPassword() override;
  std::string NewToken() override;
  std::string HashToken(const std::string& token) const override;
};

}  // namespace csphub::auth
