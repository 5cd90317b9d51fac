#pragma once
// What the digest of an import batch is (private to store): each row's image (the columns of its
// check_* statement, schemas/queries/audit.sql) is framed as "<byte length>:<bytes>\n" per value,
// "-\n" for null, and hashed (SHA-256, the row's hash); the rows of a kind are cut into chunks of
// 1024 ids, each chunk's digest being SHA-256 over its rows' hashes in id order; the batch's
// digest is SHA-256 over the line "kind chunk rows sha256\n" of each chunk. A row changed after it
// was hashed is hashed again on its own, which is why rows are hashed one by one.
#include <ics/util/sha256.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ics::store {

inline constexpr std::int64_t k_chunk_ids = 1024;

// Writes one value of a row's image at `out`, which has room for image_value_room(value) bytes;
// returns the end of what it wrote. The one definition of the framing, for both sides: an
// import frames each row it writes, db check each row it reads.
inline std::size_t image_value_room(std::optional<std::string_view> value) {
  return value ? value->size() + 22 : 2;
}
inline char* write_image_value(char* out, std::optional<std::string_view> value) {
  if (!value) {
    *out++ = '-';
    *out++ = '\n';
    return out;
  }
  out = std::to_chars(out, out + 20, value->size()).ptr;
  *out++ = ':';
  if (!value->empty()) std::memcpy(out, value->data(), value->size());
  out += value->size();
  *out++ = '\n';
  return out;
}

// Appends one value of a row's image to `bytes`.
inline void append_image_value(std::string& bytes, std::optional<std::string_view> value) {
  auto size = bytes.size();
  bytes.resize(size + image_value_room(value));
  auto end = write_image_value(bytes.data() + size, value);
  bytes.resize(static_cast<std::size_t>(end - bytes.data()));
}

// The values of an image framed so, in order (a value cut short ends the list).
std::vector<std::optional<std::string_view>> image_values(std::string_view bytes);

// One chunk of a batch's digest.
struct ChunkLine {
  std::string kind;
  std::int64_t chunk = 0, rows = 0;
  std::string sha256;
};

// The digests of one batch's chunks, built from its rows' hashes given a kind at a time in id order.
class GroupDigest {
 public:
  void add(std::string_view kind, std::int64_t id, const util::Sha256Digest& row_hash);
  // Forgets the rows of one chunk (to add them again as they now are).
  void drop(std::string_view kind, std::int64_t chunk);
  // Takes in the chunks of another (of other kinds, or other chunks).
  void merge(GroupDigest&& other);
  std::vector<ChunkLine> lines() const;

 private:
  struct Chunk {
    std::int64_t rows = 0;
    util::Sha256 hash;
  };
  std::map<std::pair<std::string, std::int64_t>, Chunk> m_chunks;
  Chunk* m_last = nullptr;  // the chunk of the last row added (a map's nodes stay where they are)
  std::pair<std::string, std::int64_t> m_last_key;
};

// The batch's digest: SHA-256 over "kind chunk rows sha256\n" of each chunk, in the order given.
std::string digest_of(const std::vector<ChunkLine>& lines);

}  // namespace ics::store
