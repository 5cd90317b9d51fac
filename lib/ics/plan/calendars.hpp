#pragma once
// Calendar files (`schemas/calendars/*.yaml`): bank holidays for working days.
#include <ics/api.hpp>
#include <ics/util/calendar.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::plan {

// The calendar a template names when it names none, and by which date options count working days
// (+10wd): the reports' working days (schemas/sql/0003_working_days.sql) are made from it.
inline constexpr std::string_view k_default_calendar = "england-and-wales";

// Gives the calendar of a name (see load_calendar).
using CalendarLoader = std::function<util::Calendar(const std::string& name)>;

// Parses a calendar file; throws ics::InvalidInput "<source>:<line>:<col>: <what>".
util::Calendar parse_calendar(std::string_view yaml_text, std::string_view source);

// `<dir>/<name>.yaml` from the first of `dirs` that has it, else the built-in calendar;
// throws ics::NotFound when there is none, ics::InvalidInput when it is broken.
util::Calendar load_calendar(std::string_view name, const std::vector<std::filesystem::path>& dirs);

}  // namespace ics::plan
ICS_API_END
