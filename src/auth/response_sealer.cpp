#include "auth/response_sealer.hpp"

#include <sodium.h>

#include <vector>

namespace csphub::auth {
namespace {

const unsigned char* Bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

ResponseSealer::ResponseSealer(const std::string& master_key) : master_(32, '\0') {
  crypto_generichash(reinterpret_cast<unsigned char*>(master_.data()), master_.size(),
                     Bytes(master_key), master_key.size(), nullptr, 0);
}

std::string ResponseSealer::Derive(const char* purpose, const std::string& scope) const {
  // BLAKE2b keyed with the master key over "purpose\0scope": one independent key per use.
  std::string message = std::string(purpose) + '\0' + scope;
  std::string out(32, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(), Bytes(message),
                     message.size(), Bytes(master_), master_.size());
  return out;
}

std::string ResponseSealer::LookupId(const std::string& scope) const {
  const std::string raw = Derive("lookup", scope);
  std::string hex(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), Bytes(raw), raw.size());
  hex.pop_back();
  return hex;
}

std::string ResponseSealer::Seal(const std::string& scope, const std::string& plaintext) const {
  const std::string key = Derive("seal", scope);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, Bytes(plaintext),
                        plaintext.size(), box.data(), Bytes(key));
  std::string b64(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.size() - 1);  // the terminating NUL
  return b64;
}

std::optional<std::string> ResponseSealer::Open(const std::string& scope,
                                                const std::string& sealed) const {
  std::vector<unsigned char> box(sealed.size());
  std::size_t len = 0;
  if (sodium_base642bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const std::string key = Derive("seal", scope);
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, box.data(), Bytes(key)) != 0) {
    return std::nullopt;
  }
  return plain;
}

}  // namespace csphub::auth
