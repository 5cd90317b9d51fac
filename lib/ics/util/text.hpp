#pragma once
// Text helpers: UTF-8 validation, trimming.
#include <optional>
#include <string>
#include <string_view>

namespace ics::util {

bool is_valid_utf8(std::string_view text);
// Byte offset of the first byte that is not part of well-formed UTF-8, or nullopt.
std::optional<size_t> first_invalid_utf8(std::string_view text);
// True when the text holds an ASCII control character other than tab (newlines included).
bool has_control_chars(std::string_view text);
std::string_view trim(std::string_view text);

}  // namespace ics::util
