#include "args.hpp"

#include "session.hpp"

#include <ics/util/date_words.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

ics::util::Date date_value(const Session& s, std::string_view text, const char* field) {
  return ics::util::resolve_date(text, field, s.today(), [&s] { return s.working_day_calendar(); });
}

std::optional<ics::util::Date> optional_date(const Session& s, const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  return date_value(s, text, field);
}

std::optional<std::string> optional_value(const std::string& text, const char* field) {
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw ics::InvalidInput(field, text, "must not be empty when given");
  return text;
}

std::vector<std::string> code_list(const std::string& text, const char* field) {
  std::vector<std::string> codes;
  size_t from = 0;
  while (true) {
    size_t comma = text.find(',', from);
    auto item = text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) throw ics::InvalidInput(field, text, "has an empty item");
    codes.push_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
    if (comma == std::string::npos) return codes;
    from = comma + 1;
  }
}

}  // namespace icsctl

namespace icsctl {

void require_one_of(const std::vector<CLI::Option*>& options) {
  std::string names;
  for (const auto* option : options) {
    if (option->count() > 0) return;
    names += (names.empty() ? "" : ", ") + option->get_name();
  }
  throw CLI::ParseError(fmt::format("nothing to change: give at least one of {}", names), 2);
}

}  // namespace icsctl
