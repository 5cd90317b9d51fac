#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <cstdint>
#include <cstring>

namespace ics::util {

namespace {

// Decodes the well-formed UTF-8 character of 2 to 4 bytes at `i` into `code` and `length`; false
// when the bytes there are not one.
bool decode(std::string_view text, std::size_t i, char32_t& code, std::size_t& length) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  char32_t min;
  if (c >= 0xc2 && c <= 0xdf) {
    length = 2, min = 0x80, code = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    length = 3, min = 0x800, code = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    length = 4, min = 0x10000, code = c & 0x07;
  } else {
    return false;
  }
  if (i + length > text.size()) return false;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return false;
    code = (code << 6) | (byte(i + k) & 0x3f);
  }
  return code >= min && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}

// What a code point other than plain ASCII is, when it is not printable text.
std::optional<Unprintable> unprintable(char32_t code) {
  if (code == '\t') return std::nullopt;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code == 0x2028 || code == 0x2029)
    return Unprintable::control;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
    return Unprintable::bidi_control;
  return std::nullopt;
}

}  // namespace

std::optional<size_t> first_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: nearly every byte of a register export is ASCII.
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
    }
    if (i == text.size()) break;
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    size_t length;
    unsigned min, code;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
      min = 0x80;
      code = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      min = 0x800;
      code = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      min = 0x10000;
      code = c & 0x07;
    } else
      return i;
    if (i + length > text.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xc0) != 0x80) return i;
      code = (code << 6) | (byte(i + k) & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view text) {
  return !first_invalid_utf8(text);
}

std::optional<UnprintableAt> first_unprintable(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (unplain_bytes(word)) break;
    }
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    char32_t code = c;
    std::size_t length = 1;
    if (c >= 0x80 && !decode(text, i, code, length)) return UnprintableAt{Unprintable::invalid_utf8, i};
    if (auto kind = unprintable(code)) return UnprintableAt{*kind, i};
    i += length;
  }
  return std::nullopt;
}

std::string escape_text(std::string_view text) {
  if (is_plain_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    char32_t code = c;
    std::size_t length = 1;
    if (c >= 0x80 && !decode(text, i, code, length)) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (code == '\t')
      out += "\\t";
    else if (code == '\n')
      out += "\\n";
    else if (code == '\r')
      out += "\\r";
    else if (!unprintable(code))
      out.append(text.substr(i, length));
    else if (code < 0x80)
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
    else
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
    i += length;
  }
  return out;
}

std::string shown_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return escape_text(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;  // whole characters
  return fmt::format("{}... ({} bytes)", escape_text(text.substr(0, cut)), text.size());
}

// A loop over the bytes rather than find_first_not_of, which searches the set of four for each
// byte: an import trims every field of every row, most of them with nothing to trim.
std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t first = 0, last = text.size();
  while (first < last && space(text[first])) ++first;
  while (last > first && space(text[last - 1])) --last;
  return text.substr(first, last - first);
}

}  // namespace ics::util
