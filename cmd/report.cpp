#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "report_dates.hpp"
#include "session.hpp"

#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>

namespace icsctl {

namespace {
struct Options {
  std::string name, child, as_of, known_at, year;
  std::vector<std::string> thresholds;  // NAME=N, each
  bool list = false;
};

// `report --list`: one row per listed report with its columns.
void list_reports(Session& s) {
  auto out = s.output();
  out->begin({{"name"}, {"row"}, {"parameters"}, {"columns"}, {"thresholds"}});
  for (const auto& def : ics::report::builtin_definitions()) {
    if (!def.listed) continue;
    std::string columns, parameters, thresholds;
    for (const auto& c : def.columns) columns += (columns.empty() ? "" : " ") + c.name;
    for (const auto& p : def.parameters) parameters += (parameters.empty() ? "" : " ") + p;
    for (const auto& t : def.thresholds)
      thresholds += fmt::format("{}{}={}", thresholds.empty() ? "" : " ", t.name, t.value);
    out->row({def.name, def.row, parameters, columns, thresholds});
  }
  out->end();
}
// --year for a report whose definition lists the parameter `year` (the statutory year ending 31 March
// YYYY), bound as a number; given to another report, a usage error.
void add_year(const ics::report::Definition& def, const std::string& year, ics::store::Params& params) {
  bool wants_year = std::find(def.parameters.begin(), def.parameters.end(), "year") != def.parameters.end();
  if (wants_year && year.empty())
    throw CLI::RequiredError(fmt::format("--year YYYY for report '{}'", def.name));
  if (!wants_year && !year.empty())
    throw CLI::ValidationError("--year", fmt::format("report '{}' takes no --year", def.name));
  if (!wants_year) return;
  if (year.size() != 4 ||
      !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }) || year < "1971")
    throw ics::InvalidInput("year", year, "is not a year YYYY (the year ending 31 March YYYY)");
  params["year"] = std::int64_t{std::stoi(year)};
}

// Each --threshold NAME=N into params, checked against the definition's thresholds (the value is
// checked by the runner); a name it does not have is a usage error listing those it has.
void add_thresholds(const ics::report::Definition& def, const std::vector<std::string>& given,
                    ics::store::Params& params) {
  for (const auto& item : given) {
    auto eq = item.find('=');
    std::string name = item.substr(0, eq);
    bool known = std::any_of(def.thresholds.begin(), def.thresholds.end(),
                             [&](const auto& t) { return t.name == name; });
    if (eq == std::string::npos || !known) {
      std::vector<std::string> names;
      for (const auto& t : def.thresholds) names.push_back(t.name);
      throw CLI::ValidationError(
          "--threshold",
          fmt::format("'{}' is not NAME=N with NAME a threshold of report '{}' ({})", item, def.name,
                      names.empty() ? "it has none" : fmt::format("{}", fmt::join(names, ", "))));
    }
    params[name] = item.substr(eq + 1);
  }
}
}  // namespace

void register_report(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("NAME", o->name, "report name (see --list)");
  app.add_option("CHILD", o->child, "the child, for a report about one child (chronology)");
  app.add_option("--as-of", o->as_of,
                 "the date the report is as of, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default "
                 "the --known-at date, else today");
  app.add_option("--known-at", o->known_at,
                 "leave out what was entered after this date, YYYY-MM-DD or today, +7d, eom… (icsctl help "
                 "dates), not after today (default: "
                 "leave out nothing): from the day after it on, the answer never changes");
  app.add_option("--threshold", o->thresholds,
                 "NAME=N: use N for the report's threshold NAME this once (repeatable; see --list)");
  app.add_option("--year", o->year,
                 "YYYY: the year ending 31 March YYYY, for a report about a statutory year (plan-stats)");
  app.add_flag("--list", o->list, "list the reports, their columns and thresholds");
  app.footer(R"(Examples:
  icsctl report --list
  icsctl report overdue-actions --as-of 2026-03-31 -o csv
  icsctl report register --as-of 2026-03-05 --known-at 2026-03-05
  icsctl report assumed-safe --threshold visit_working_days=5
  icsctl report chronology C1 -o json
  icsctl report plan-stats --year 2026 -o csv)");
  run = [o](Session& s, DatabaseAccess& access) {
    if (o->list) return list_reports(s);
    if (o->name.empty()) throw CLI::RequiredError("NAME (or --list)");
    const auto& def = ics::report::find_definition(o->name);
    if (!def.listed) throw ics::NotFound(fmt::format("no report '{}'", o->name));
    auto& db = access.read("report " + def.name);  // the statutory ones hold every child
    auto params = report_dates(s, o->as_of, o->known_at);
    bool wants_child =
        std::find(def.parameters.begin(), def.parameters.end(), "child") != def.parameters.end();
    if (wants_child && o->child.empty())
      throw CLI::RequiredError(fmt::format("CHILD for report '{}'", def.name));
    if (!wants_child && !o->child.empty()) throw CLI::ExtrasError({o->child});
    if (wants_child) params["child"] = ics::store::resolve_child(db, o->child);
    add_year(def, o->year, params);
    add_thresholds(def, o->thresholds, params);
    auto out = s.output();
    ics::report::run_report(db, def, params, *out);
  };
}

}  // namespace icsctl
