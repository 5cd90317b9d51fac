#include <ics/io/register/input.hpp>
#include <ics/util/error.hpp>
#include <ics/util/limits.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <algorithm>

namespace ics::io {

namespace {
constexpr std::size_t k_chunk = 1 << 16;
}

ExportBytes::ExportBytes(std::istream& raw, util::Encoding encoding, util::Sha256* hash)
    : m_raw(raw), m_encoding(encoding), m_hash(hash), m_in(k_chunk) {
  if (!fill()) return;
  if (!util::starts_with_utf8_bom(std::string_view(m_in.data(), static_cast<std::size_t>(m_bytes)))) return;
  if (m_encoding == util::Encoding::utf8) {
    setg(m_out.data(), m_out.data() + util::k_utf8_bom.size(), m_out.data() + m_out.size());
  } else {
    throw InvalidInput("encoding", "windows-1252",
                       "does not fit a file that starts with a UTF-8 byte order mark (set encoding: utf-8)");
  }
}

// Reads the next chunk into the get area; a windows-1252 chunk is converted first.
bool ExportBytes::fill() {
  m_raw.read(m_in.data(), static_cast<std::streamsize>(m_in.size()));
  auto count = static_cast<std::size_t>(m_raw.gcount());
  if (m_raw.bad()) m_failed = true;
  if (count == 0) return false;
  if (m_bytes + static_cast<long long>(count) > util::k_max_input_bytes)
    throw InvalidInput(
        fmt::format("the export is longer than {} bytes: icsctl reads no more of a file or stream",
                    util::k_max_input_bytes));
  std::string_view chunk(m_in.data(), count);
  if (m_hash) m_hash->update(chunk);
  m_bytes += static_cast<long long>(count);
  m_out.clear();
  if (m_encoding == util::Encoding::windows_1252)
    util::append_windows_1252_as_utf8(m_out, chunk);
  else
    m_out.assign(chunk);
  setg(m_out.data(), m_out.data(), m_out.data() + m_out.size());
  return true;
}

ExportBytes::int_type ExportBytes::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!fill()) return traits_type::eof();
  return traits_type::to_int_type(*gptr());
}

ExportReader::ExportReader(std::istream& raw, util::Encoding encoding, util::Sha256* hash)
    : m_bytes(raw, encoding, hash), m_stream(&m_bytes), m_csv(m_stream) {
  m_stream.exceptions(std::ios::badbit);  // what the bytes throw (the size cap) comes through the stream
}

bool ExportReader::next(std::vector<std::string>& fields) {
  while (m_csv.next(fields)) {
    bool blank =
        std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return util::trim(f).empty(); });
    if (!blank) return true;
  }
  if (m_bytes.failed()) throw StorageError("cannot read the import file: reading failed part way");
  return false;
}

}  // namespace ics::io
