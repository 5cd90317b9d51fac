#include <ics/store/batch_digest.hpp>

#include <fmt/format.h>

namespace ics::store {

std::vector<std::optional<std::string_view>> image_values(std::string_view bytes) {
  std::vector<std::optional<std::string_view>> values;
  while (!bytes.empty()) {
    if (bytes.starts_with("-\n")) {
      values.emplace_back(std::nullopt);
      bytes.remove_prefix(2);
      continue;
    }
    std::size_t size = 0;
    auto [end, ec] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), size);
    auto at = static_cast<std::size_t>(end - bytes.data());
    if (ec != std::errc() || at >= bytes.size() || bytes[at] != ':' || bytes.size() - at - 1 < size + 1 ||
        bytes[at + 1 + size] != '\n')
      break;
    values.emplace_back(bytes.substr(at + 1, size));
    bytes.remove_prefix(at + size + 2);
  }
  return values;
}

void GroupDigest::add(std::string_view kind, std::int64_t id, const util::Sha256Digest& row_hash) {
  std::int64_t number = id / k_chunk_ids;
  if (!m_last || m_last_key.second != number || m_last_key.first != kind) {
    m_last_key = {std::string(kind), number};
    m_last = &m_chunks[m_last_key];
  }
  ++m_last->rows;
  m_last->hash.update(row_hash);
}

void GroupDigest::drop(std::string_view kind, std::int64_t chunk) {
  m_chunks.erase({std::string(kind), chunk});
  m_last = nullptr;
}

void GroupDigest::merge(GroupDigest&& other) {
  m_chunks.merge(other.m_chunks);
  m_last = other.m_last = nullptr;
}

std::vector<ChunkLine> GroupDigest::lines() const {
  std::vector<ChunkLine> out;
  for (const auto& [key, c] : m_chunks) out.push_back({key.first, key.second, c.rows, c.hash.hex_digest()});
  return out;
}

std::string digest_of(const std::vector<ChunkLine>& lines) {
  util::Sha256 hash;
  for (const auto& l : lines) hash.update(fmt::format("{} {} {} {}\n", l.kind, l.chunk, l.rows, l.sha256));
  return hash.hex_digest();
}

}  // namespace ics::store
