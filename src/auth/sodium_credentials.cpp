#include "auth/sodium_credentials.hpp"

#include <sodium.h>

#include <string_view>

namespace csphub::auth {

bool InitSodium() { return sodium_init() >= 0; }

Result<std::string> Argon2idHasher::Hash(const std::string& password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit_, mem_limit_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("argon2id hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool Argon2idHasher::Verify(const std::string& encoded, const std::string& password) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumSecretFactory::NewTemporaryPassword() {
  // No look-alike characters (0/O, 1/l/I): people copy these by hand.
  static constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr std::string_view kLower = "abcdefghijkmnopqrstuvwxyz";
  static constexpr std::string_view kDigits = "23456789";
  static constexpr std::string_view kAll =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  std::string out;
  out.push_back(kUpper[randombytes_uniform(kUpper.size())]);
  out.push_back(kLower[randombytes_uniform(kLower.size())]);
  out.push_back(kDigits[randombytes_uniform(kDigits.size())]);
  while (out.size() < 16) out.push_back(kAll[randombytes_uniform(kAll.size())]);
  // Shuffle so the classes are not always in front (Fisher-Yates).
  for (size_t i = out.size() - 1; i > 0; --i) {
    std::swap(out[i], out[randombytes_uniform(static_cast<uint32_t>(i + 1))]);
  }
  return out;
}

std::string SodiumSecretFactory::NewToken() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string SodiumSecretFactory::HashToken(const std::string& token) const {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace csphub::auth
