#include "args.hpp"

#include <ics/util/error.hpp>

namespace icsctl {

std::optional<ics::util::Date> optional_date(const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  return ics::util::parse_iso_or_throw(text, field);
}

std::optional<std::string> optional_value(const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw ics::InvalidInput(field, text, "must not be empty when given");
  return text;
}

}  // namespace icsctl
