#pragma once
// Small conversions from command-line text to libics values, shared by the subcommands.
#include <ics/util/date.hpp>

#include <optional>
#include <string>

namespace icsctl {

// An optional ISO date option: nullopt when not given.
std::optional<ics::util::Date> optional_date(const std::string& text, const char* field);
// nullopt for an option not given (empty text).
std::optional<std::string> optional_value(const std::string& text);

}  // namespace icsctl
