#pragma once
// Ports the domain needs for secrets; auth/ implements them with libsodium.
#include <string>

#include "common/status.hpp"

namespace csphub::domain {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // argon2id, in libsodium's self-describing encoded form. Thread-safe.
  virtual Result<std::string> Hash(const std::string& password) const = 0;
  // True when `password` matches `encoded`. Constant-time in the password.
  virtual bool Verify(const std::string& encoded, const std::string& password) const = 0;
};

class SecretFactory {
 public:
  virtual ~SecretFactory() = default;
  // A temporary password people can type: 16 characters, upper, lower and digits.
  virtual std::string NewTemporaryPassword() = 0;
  // 256 random bits, base64url without padding: invitation tokens, client secrets.
  virtual std::string NewToken() = 0;
  // Hex SHA-256: how high-entropy tokens are stored (they need no slow hash).
  virtual std::string HashToken(const std::string& token) const = 0;
};

}  // namespace csphub::domain
