#pragma once
// The filters of lists and reports (`--agency`, `--child`, `--due-before`, ...): one vocabulary,
// from which each definition declares those it accepts (`filters:` in schemas/reports/*.yaml). Its
// query reads each as `:name`, bound as null when the filter is not given, so that a filter is a
// bound parameter in SQL, never a test of the rows afterwards:
//   AND (:agency IS NULL OR a.agency = :agency)
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::report {

// What a filter's value is, and how it is checked before it is bound.
enum class FilterValue {
  text,      // any text but blank (a name, a team), matched exactly; or one of the definition's values
  agency,    // a code of schemas/codes/agency.yaml
  category,  // a category of abuse: NEG, PHY, SAB, EMO, MUL
  child,     // a child as the command line names one (C12, nhs:…); bound as the child's number
  date,      // a date, bound as YYYY-MM-DD
};

struct FilterSpec {
  std::string_view name;    // the query's parameter, e.g. "due_before"
  std::string_view option;  // the command-line option, e.g. "--due-before"
  FilterValue value;
  std::string_view meaning;  // one line, for --help
};

// Every filter there is, in the order --help and `report --list` show them.
std::span<const FilterSpec> filter_specs();
// The filter called `name` (due_before), or nullptr.
const FilterSpec* find_filter_spec(std::string_view name);

// A filter a definition accepts.
struct Filter {
  std::string name;                 // a FilterSpec's name
  std::vector<std::string> values;  // a text filter's only values (reviews-due --status); empty: any
};

// A text, agency or category filter's value as it is bound: `value` checked (not blank; a code of
// its list; one of the filter's values when it has some); throws InvalidInput naming the filter and
// what it accepts otherwise.
util::Value filter_text_value(const Filter& filter, std::string_view value);

}  // namespace ics::report
ICS_API_END
