#pragma once
// Seals stored answers to idempotent requests (api/idempotency.cpp). A stored answer may hold a
// secret that was shown once (a new customer's temporary password), so the store must not be
// able to read it back on its own: both the lookup ID and the encryption key are derived from
// the caller's MS-RequestId, which the store never sees, and from the instance's master key.
#include <optional>
#include <string>

#include "domain/identity/credentials.hpp"

namespace csphub::auth {

class ResponseSealer final : public domain::SecretSealer {
 public:
  // `master_key`: any length; the instance's secret (the token signing key).
  explicit ResponseSealer(const std::string& master_key);

  // Hex keyed hash of `scope` (the caller and its request ID): the record's primary key.
  std::string LookupId(const std::string& scope) const override;
  // XSalsa20-Poly1305 under a key derived from `scope`; base64 text.
  std::string Seal(const std::string& scope, const std::string& plaintext) const override;
  // nullopt when `sealed` was not made with this scope and master key, or was altered.
  std::optional<std::string> Open(const std::string& scope,
                                  const std::string& sealed) const override;

 private:
  std::string Derive(const char* purpose, const std::string& scope) const;  // 32 raw bytes
  std::string master_;                                                      // 32 raw bytes
};

}  // namespace csphub::auth
