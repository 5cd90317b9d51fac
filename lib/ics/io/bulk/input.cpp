#include <ics/io/bulk/input.hpp>
#include <ics/util/error.hpp>
#include <ics/util/limits.hpp>
#include <ics/util/sha256.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {
constexpr size_t k_block = 1 << 16;
}

// A read-only streambuf over another stream that hashes each block as it is pulled in.
class BulkInput::Buffer : public std::streambuf {
 public:
  Buffer(std::istream& in, long long max_bytes) : m_in(in), m_block(k_block), m_max_bytes(max_bytes) {
    pull();
  }

  std::string_view first_block() const { return m_first; }
  const util::Sha256& hash() const { return m_hash; }
  long long total() const { return m_total; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!pull()) return traits_type::eof();
    return traits_type::to_int_type(*gptr());
  }

 private:
  bool pull() {
    if (!m_in) return false;
    m_in.read(m_block.data(), static_cast<std::streamsize>(m_block.size()));
    auto n = static_cast<size_t>(m_in.gcount());
    if (n == 0) return false;
    if (m_total + static_cast<long long>(n) > m_max_bytes)
      throw InvalidInput(fmt::format(
          "the input is longer than {} bytes: icsctl reads no more of a file or stream", m_max_bytes));
    std::string_view data(m_block.data(), n);
    if (m_total == 0) m_first.assign(data);
    m_hash.update(data);
    m_total += static_cast<long long>(n);
    setg(m_block.data(), m_block.data(), m_block.data() + n);
    return true;
  }

  std::istream& m_in;
  std::vector<char> m_block;
  std::string m_first;
  util::Sha256 m_hash;
  long long m_max_bytes;
  long long m_total = 0;
};

BulkInput::BulkInput(std::istream& in) : BulkInput(in, util::k_max_input_bytes) {}

BulkInput::BulkInput(std::istream& in, long long max_bytes)
    : m_buffer(std::make_unique<Buffer>(in, max_bytes)),
      m_stream(std::make_unique<std::istream>(m_buffer.get())) {
  // A stream swallows what its buffer throws unless told otherwise: the cap's error must come through.
  m_stream->exceptions(std::ios::badbit);
}

BulkInput::~BulkInput() = default;

std::string_view BulkInput::head() const {
  auto block = m_buffer->first_block();
  auto end = block.find('\n');
  return end == std::string_view::npos ? block : block.substr(0, end + 1);
}

std::istream& BulkInput::stream() {
  return *m_stream;
}

std::string BulkInput::sha256() const {
  return m_buffer->hash().hex_digest();
}

long long BulkInput::bytes_read() const {
  return m_buffer->total();
}

}  // namespace ics::io
