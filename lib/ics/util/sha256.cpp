#include <ics/util/sha256.hpp>

#include <nettle/sha2.h>

#include <cstdint>

namespace ics::util {

namespace {

std::string to_hex(const std::uint8_t* bytes, std::size_t size) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += k_digits[bytes[i] >> 4];
    out += k_digits[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace

struct Sha256::State {
  sha256_ctx ctx{};
  State() { sha256_init(&ctx); }
};

Sha256::Sha256() : m_state(std::make_unique<State>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data) {
  sha256_update(&m_state->ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
}

void Sha256::update(const Sha256Digest& digest) {
  sha256_update(&m_state->ctx, digest.size(), digest.data());
}

std::string Sha256::hex_digest() const {
  sha256_ctx copy = m_state->ctx;  // digesting resets the context: the computation goes on
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&copy, SHA256_DIGEST_SIZE, digest);
  return to_hex(digest, SHA256_DIGEST_SIZE);
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex_digest();
}

Sha256Digest sha256_bytes(std::string_view data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  Sha256Digest digest;
  sha256_digest(&ctx, digest.size(), digest.data());
  return digest;
}

}  // namespace ics::util
