#pragma once
// Text helpers: UTF-8 validation, the characters that are not printable text, showing text safely,
// trimming.
#include <ics/api.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::util {

bool is_valid_utf8(std::string_view text);
// Byte offset of the first byte that is not part of well-formed UTF-8, or nullopt.
std::optional<size_t> first_invalid_utf8(std::string_view text);

// A character that is not printable text.
enum class Unprintable {
  control,       // C0 (U+0000-U+001F) but tab, DEL, C1 (U+0080-U+009F), U+2028, U+2029
  bidi_control,  // a bidirectional embedding, override or isolate: U+202A-U+202E, U+2066-U+2069
  invalid_utf8,  // a byte that is not part of well-formed UTF-8
};
struct UnprintableAt {
  Unprintable kind;
  std::size_t offset;  // in bytes
};
// The first character of `text` that is not printable text (a tab is), or nullopt. Plain ASCII
// goes eight bytes at a time.
std::optional<UnprintableAt> first_unprintable(std::string_view text);
// The high bit of each byte of `word` that is not printable ASCII (0x20-0x7E): 0 when all eight are.
// The classic tests for "a byte with the high bit", "a byte less than n" and "a zero byte" (of the
// word XOR 0x7F), exact as a whole: a borrow only ever starts at a byte that is itself flagged.
inline std::uint64_t unplain_bytes(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::uint64_t del = word ^ (0x7f * ones);
  return (word | ((word - 0x20 * ones) & ~word) | ((del - ones) & ~del)) & highs;
}

// True when every byte is printable ASCII (0x20-0x7E): such text needs no other check. Inline and
// eight bytes at a time (the last eight overlapping), for the import of millions of fields.
inline bool is_plain_ascii(std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t bad = 0, word;
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) {
      std::memcpy(&word, p, 8);
      bad |= unplain_bytes(word);
    }
    std::memcpy(&word, p + n - 8, 8);
    return (bad | unplain_bytes(word)) == 0;
  }
  for (; n > 0; ++p, --n) bad |= static_cast<unsigned char>(static_cast<unsigned char>(*p) - 0x20) >= 0x5f;
  return bad == 0;
}

// The text as a terminal may show it: each unprintable character and each tab written as an
// escape, as C and bash write them: \t \n \r, \x1b (other C0 controls, DEL, and each byte that is not
// valid UTF-8), \u0085 \u202e \u2028 (C1 controls, bidirectional controls, line separators).
// Everything else is unchanged (a backslash too).
std::string escape_text(std::string_view text);
// escape_text, cut after `max_bytes` bytes of the text (whole characters) with "..." and the size.
std::string shown_text(std::string_view text, std::size_t max_bytes = 80);

std::string_view trim(std::string_view text);

}  // namespace ics::util
ICS_API_END
