#include <ics/util/encoding.hpp>

#include <array>
#include <cctype>

namespace ics::util {

namespace {

// Code points of bytes 0x80-0x9F; the rest of the upper half is Latin-1 (code point = byte).
constexpr std::array<char16_t, 32> k_1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower = lower_ascii(name);
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "windows-1252" || lower == "cp1252") return Encoding::windows_1252;
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
  return encoding == Encoding::utf8 ? "utf-8" : "windows-1252";
}

bool starts_with_utf8_bom(std::string_view bytes) {
  return bytes.starts_with(k_utf8_bom);
}

void append_windows_1252_as_utf8(std::string& out, std::string_view bytes) {
  out.reserve(out.size() + bytes.size() + bytes.size() / 8);
  for (char byte : bytes) {
    auto b = static_cast<unsigned char>(byte);
    if (b < 0x80) {
      out.push_back(byte);
      continue;
    }
    char32_t cp = b < 0xA0 ? k_1252_high[b - 0x80] : b;
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string windows_1252_to_utf8(std::string_view bytes) {
  std::string out;
  append_windows_1252_as_utf8(out, bytes);
  return out;
}

}  // namespace ics::util
