#pragma once
// Ports the domain needs for secrets; auth/ implements them with libsodium.
#include <optional>
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

// Seals a secret to be stored for a later, one-time read (a bulk import's temporary passwords):
// the lookup ID and the key both derive from `scope` (a token only the caller holds) and the
// instance's master key, so the database alone can neither find nor read it.
class SecretSealer {
 public:
  virtual ~SecretSealer() = default;
  virtual std::string LookupId(const std::string& scope) const = 0;
  virtual std::string Seal(const std::string& scope, const std::string& plaintext) const = 0;
  // nullopt when `sealed` was not made with this scope, or was altered.
  virtual std::optional<std::string> Open(const std::string& scope,
                                          const std::string& sealed) const = 0;
};

}  // namespace csphub::domain
