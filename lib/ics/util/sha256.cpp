#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <openssl/evp.h>

namespace ics::util {

namespace {

struct CtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<EVP_MD_CTX, CtxDeleter>;

CtxPtr new_context() {
  CtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    throw Error("sha256: cannot initialise OpenSSL digest");
  return ctx;
}

std::string to_hex(const unsigned char* bytes, unsigned size) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned i = 0; i < size; ++i) {
    out += k_digits[bytes[i] >> 4];
    out += k_digits[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace

struct Sha256::State {
  CtxPtr ctx = new_context();
};

Sha256::Sha256() : m_state(std::make_unique<State>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(m_state->ctx.get(), data.data(), data.size()) != 1)
    throw Error("sha256: digest update failed");
}

std::string Sha256::hex_digest() const {
  CtxPtr copy(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned size = 0;
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), m_state->ctx.get()) != 1 ||
      EVP_DigestFinal_ex(copy.get(), digest, &size) != 1)
    throw Error("sha256: digest final failed");
  return to_hex(digest, size);
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex_digest();
}

}  // namespace ics::util
