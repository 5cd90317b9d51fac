#include <ics/plan/calendars.hpp>
#include <ics/plan/sources.hpp>
#include <ics/util/error.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>

namespace ics::plan {

namespace yaml = util::yaml;

namespace {

constexpr int k_max_year = 9999;

// Parses, and when `file_name` is given requires the calendar's name to be it.
util::Calendar parse(std::string_view text, std::string_view source, std::string_view file_name) {
  yaml::Map top(yaml::load_map(text, source, "calendar"), "calendar", source,
                {"name", "title", "first_year", "last_year", "holidays"});
  std::string name = top.code("name");
  if (!file_name.empty() && name != file_name)
    top.refuse("name", fmt::format("must match the file name '{}'", file_name));
  top.optional_text("title");
  int first_year = top.positive_int("first_year", k_max_year);
  int last_year = top.positive_int("last_year", k_max_year);
  if (last_year < first_year) top.refuse("last_year", "must not be before 'first_year'");

  std::map<util::Date, std::string> holidays;
  for (const auto& node : top.list("holidays")) {
    yaml::Map holiday(node, "holiday", source, {"date", "name"});
    std::string iso = holiday.text("date");
    auto date = util::Date::parse_iso(iso);
    if (!date) holiday.refuse("date", "must be a date (YYYY-MM-DD)");
    if (date->year() < first_year || date->year() > last_year)
      holiday.refuse("date",
                     fmt::format("must be within first_year..last_year ({}..{})", first_year, last_year));
    std::string holiday_name = holiday.text("name");
    if (!holidays.emplace(*date, holiday_name).second) holiday.refuse("date", "is listed twice");
  }
  return util::Calendar(std::move(name), first_year, last_year, std::move(holidays));
}

}  // namespace

util::Calendar parse_calendar(std::string_view yaml_text, std::string_view source) {
  return parse(yaml_text, source, {});
}

util::Calendar load_calendar(std::string_view name, const std::vector<std::filesystem::path>& dirs) {
  auto found = find_source("calendars", name, dirs);
  if (!found) throw NotFound(fmt::format("no calendar '{}'", name));
  return parse(found->text, found->source, found->name);
}

}  // namespace ics::plan
