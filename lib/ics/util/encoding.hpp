#pragma once
// Text encodings of imported files: UTF-8 (with or without a byte order mark) and windows-1252,
// which is converted to UTF-8 byte by byte.
#include <ics/api.hpp>

#include <optional>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::util {

enum class Encoding { utf8, windows_1252 };

// "utf-8" or "windows-1252" (also "utf8", "cp1252"; any case); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
// The canonical name: "utf-8" or "windows-1252".
std::string_view encoding_name(Encoding encoding);

inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
bool starts_with_utf8_bom(std::string_view bytes);

// Appends the UTF-8 form of windows-1252 `bytes` to `out`. The five bytes windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control characters of the same value,
// as web browsers decode them, so every byte converts and nothing is lost.
void append_windows_1252_as_utf8(std::string& out, std::string_view bytes);
std::string windows_1252_to_utf8(std::string_view bytes);

}  // namespace ics::util
ICS_API_END
