#pragma once
// SHA-256 digests as lower-case hex (GNU Nettle: a small library, quick to load at every start,
// where OpenSSL's libcrypto cost each icsctl run about 3 ms).
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ics::util {

std::string sha256_hex(std::string_view data);

// A SHA-256 digest as its 32 bytes, and the digest of `data` so.
using Sha256Digest = std::array<std::uint8_t, 32>;
Sha256Digest sha256_bytes(std::string_view data);

// Incremental SHA-256: update() any number of times; hex_digest() may be called at any
// point and does not end the computation (later updates continue from the same state).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  void update(const Sha256Digest& digest);
  std::string hex_digest() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace ics::util
