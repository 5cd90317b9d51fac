#pragma once
// Small conversions from command-line text to libics values, shared by the subcommands.
#include <ics/util/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class Option;
}

namespace icsctl {

// An optional option's value, nullopt when not given (main refuses an option given as ""): an ISO
// date, or text that must not be blank.
std::optional<ics::util::Date> optional_date(const std::string& text, const char* field);
std::optional<std::string> optional_value(const std::string& text, const char* field);
// A comma-separated list of codes ("1B, 2A" -> {"1B", "2A"}); an empty item is refused naming `field`.
std::vector<std::string> code_list(const std::string& text, const char* field);
// A correction names what it changes: a usage error (exit 2) naming the options when none was given.
void require_one_of(const std::vector<CLI::Option*>& options);

}  // namespace icsctl
