#include "args.hpp"

namespace icsctl {

std::optional<ics::util::Date> optional_date(const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  return ics::util::parse_iso_or_throw(text, field);
}

std::optional<std::string> optional_value(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace icsctl
