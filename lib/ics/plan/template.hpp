#pragma once
// Plan templates (`schemas/plans/*.yaml`): a plan's sections, starting actions and clock.
#include <ics/api.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/util/calendar.hpp>
#include <ics/util/date.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::plan {

enum class Unit { working_days, days, weeks, months };

// "working_days", "days", "weeks" or "months".
std::string_view unit_name(Unit unit);
std::optional<Unit> parse_unit(std::string_view name);

struct Interval {
  int amount = 0;
  Unit unit = Unit::days;
};

// `from` moved forward by the interval; working days use the calendar.
util::Date apply(util::Date from, Interval interval, const util::Calendar& calendar);

struct TemplateAction {
  std::string what;
  std::string agency;
  std::string owner;  // empty when the template names none
  Interval due;       // from the plan's start
};

struct Section {
  std::string key;
  std::string title;
  std::vector<TemplateAction> actions;
};

struct Template {
  std::string name;
  int version = 1;
  std::string title;
  std::string kind;  // child-protection | child-in-need | ...
  std::vector<std::string>
      categories;  // allowed categories; non-empty => a category is required at open-plan
  std::optional<Interval> core_group, first_review, review_interval, visit_interval;
  std::string calendar{k_default_calendar};
  std::vector<Section> sections;
  std::string text;    // the exact YAML text
  std::string hash;    // sha256 hex of text
  std::string source;  // file path, or "builtin:plans/NAME.yaml"
};

// Parses and validates a template; throws ics::InvalidInput "<source>:<line>:<col>: <what>".
Template parse_template(std::string_view text, std::string_view source);

class TemplateLibrary {
 public:
  // `dirs` are searched in order, then the embedded "plans/*.yaml"; missing directories are skipped.
  // A template's file name (without .yaml) must be its name.
  explicit TemplateLibrary(std::vector<std::filesystem::path> dirs);

  // One per name, first found wins, sorted by name; throws ics::InvalidInput for a broken one.
  std::vector<Template> list() const;
  // Throws ics::NotFound("no template 'x'").
  Template find(std::string_view name) const;

 private:
  std::vector<std::filesystem::path> m_dirs;
};

}  // namespace ics::plan
ICS_API_END
