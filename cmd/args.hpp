#pragma once
// Small conversions from command-line text to libics values, shared by the subcommands.
#include <ics/util/date.hpp>

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace icsctl {

// An optional ISO date option: nullopt when not given.
std::optional<ics::util::Date> optional_date(const std::string& text, const char* field);
// The value of an optional text option: nullopt when not given; an option given as "" is refused.
std::optional<std::string> optional_value(const CLI::App& app, const char* option, const std::string& text);

}  // namespace icsctl
