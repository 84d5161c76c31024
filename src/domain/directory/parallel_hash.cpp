#include "domain/directory/parallel_hash.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace csphub::domain {

Result<std::vector<std::string>> HashAll(const PasswordHasher& hasher,
                                         const std::vector<std::string>& passwords,
                                         unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(passwords.size()));
  std::vector<std::string> out(passwords.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t i = next++; i < passwords.size() && !failed; i = next++) {
      auto hash = hasher.Hash(passwords[i]);  // thread-safe (credentials.hpp)
      if (!hash.ok()) {
        failed = true;
        return;
      }
      out[i] = std::move(*hash);
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  if (failed) return Internal("argon2id hashing failed during a bulk import (out of memory?)");
  return out;
}

}  // namespace csphub::domain
