#pragma once
// Report definitions: what a report is called, its columns, its parameters and its query
// (schemas/reports/*.yaml, embedded into libics). One engine (runner.hpp) runs them all.
#include <ics/api.hpp>
#include <ics/report/filters.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::report {

struct ColumnDef {
  std::string name;         // snake_case key of the machine formats
  std::string type;         // text, integer or date
  std::string description;  // one line, for `report --list`
  // A statutory list's own heading for the column (e.g. Ofsted's "Child Unique ID"), and the coding
  // its values are written in there (returns/annex_a_codes.hpp); both empty for other reports.
  std::string header;
  std::string codes;
};

// A number a report's question turns on (a timescale in working days, a window in months) that a
// user may change for one run (`report NAME --threshold NAME=N`); the definition holds its value
// and says what it means, and the query reads it as ":name".
struct Threshold {
  std::string name;         // e.g. "visit_working_days"
  std::int64_t value = 0;   // the default, a whole number >= 0
  std::string description;  // one line, for `report --list` and the README
};

struct Definition {
  std::string name;   // e.g. "open-plans"
  std::string title;  // e.g. "Open plans"
  std::string row;    // what one row is: "one row per ..."
  // Parameters the caller must give, ":name" in the query; "as_of" (YYYY-MM-DD) is always one.
  // ":known_at" need not be listed: every query may use it (runner.hpp); it may be listed as optional.
  std::vector<std::string> parameters;
  // Parameters the caller may leave out; a left-out one is bound as null.
  std::vector<std::string> optional_parameters;
  // Bound to their values unless the caller gives another (runner.hpp).
  std::vector<Threshold> thresholds;
  // The filters it accepts (filters.hpp), each ":name" in the query, bound as null when not given.
  std::vector<Filter> filters;
  bool listed = true;  // false for the definitions behind `icsctl list ...`
  std::vector<ColumnDef> columns;
  std::string query;
  std::string source;  // where the definition came from, e.g. "reports/register.yaml"
};

// The filter `name` of `def`, or nullptr when it does not accept it.
const Filter* find_filter(const Definition& def, std::string_view name);

// A threshold's value as typed: a whole number >= 0 of at most 9 digits, else nullopt.
std::optional<std::int64_t> parse_threshold(std::string_view text);

// Reads one definition; throws InvalidInput "<source>:<line>:<col>: <what>" when it is malformed.
Definition parse_definition(std::string_view yaml_text, std::string_view source);

// Every definition embedded under schemas/reports/, sorted by name.
std::vector<Definition> builtin_definitions();

// The builtin definition called `name`; throws NotFound("no report 'x'").
const Definition& find_definition(std::string_view name);

}  // namespace ics::report
ICS_API_END
