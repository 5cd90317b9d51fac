#pragma once
// Small conversions from command-line text to libics values, shared by the subcommands.
#include <ics/util/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class Option;
}

namespace icsctl {

class Session;

// A date option's value: YYYY-MM-DD, or a word or offset relative to the session's today (today,
// eom, +7d, -6m, +10wd: ics/util/date_words.hpp, `icsctl help dates`), working days counted by the
// default calendar. Every option that takes a date reads it through here; `field` names it in errors.
ics::util::Date date_value(const Session& s, std::string_view text, const char* field);
// An optional option's value, nullopt when not given (main refuses an option given as ""): a date as
// date_value reads it, or text that must not be blank.
std::optional<ics::util::Date> optional_date(const Session& s, const std::string& text, const char* field);
std::optional<std::string> optional_value(const std::string& text, const char* field);
// A comma-separated list of codes ("1B, 2A" -> {"1B", "2A"}); an empty item is refused naming `field`.
std::vector<std::string> code_list(const std::string& text, const char* field);
// A correction names what it changes: a usage error (exit 2) naming the options when none was given.
void require_one_of(const std::vector<CLI::Option*>& options);

}  // namespace icsctl
