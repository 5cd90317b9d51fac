#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "filters.hpp"
#include "report_dates.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/report/user_reports.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>

namespace icsctl {

namespace {
struct Options {
  std::string name, child, as_of, known_at, year, batch;
  std::vector<std::string> thresholds;  // NAME=N, each
  FilterOptions filters;
  bool list = false;
};

// The user's definitions of the --reports folder that read well, by name; each that does not is
// named in a warning and left out (`reports check` says the same, as an error).
std::vector<ics::report::Definition> user_definitions(const Session& s) {
  std::vector<ics::report::Definition> out;
  if (!s.reports_dir()) return out;
  for (const auto& path : ics::report::user_report_files(*s.reports_dir())) try {
      out.push_back(ics::report::read_user_definition(path));
    } catch (const ics::InvalidInput& e) {
      s.warn(fmt::format("{} (left out; see 'icsctl reports check')", e.what()));
    }
  return out;
}

// `report --list`: one row per listed report with its columns, thresholds and filters, the shipped
// ones then the user's; `source` says where each comes from.
void list_reports(Session& s) {
  auto users = user_definitions(s);
  auto out = s.output();
  out->begin({{"name"}, {"row"}, {"parameters"}, {"columns"}, {"thresholds"}, {"filters"}, {"source"}});
  auto row = [&out](const ics::report::Definition& def, const std::string& source) {
    std::string columns, parameters, thresholds;
    for (const auto& c : def.columns) columns += (columns.empty() ? "" : " ") + c.name;
    for (const auto& p : def.parameters) parameters += (parameters.empty() ? "" : " ") + p;
    for (const auto& t : def.thresholds)
      thresholds += fmt::format("{}{}={}", thresholds.empty() ? "" : " ", t.name, t.value);
    // named as options without their dashes: a cell beginning with - would be neutralised in csv
    std::string filters;
    for (const auto& f : def.filters) {
      std::string name = f.name;
      std::replace(name.begin(), name.end(), '_', '-');
      filters += fmt::format("{}{}{}{}", filters.empty() ? "" : " ", name, f.values.empty() ? "" : "=",
                             fmt::join(f.values, "|"));
    }
    out->row({def.name, def.row, parameters, columns, thresholds, filters, source});
  };
  for (const auto& def : ics::report::builtin_definitions())
    if (def.listed) row(def, "shipped");
  for (const auto& def : users)
    if (def.listed) row(def, def.source);
  out->end();
}

// The report called `name`: a shipped one, else the user's NAME.yaml of the --reports folder,
// checked again against `db` before it runs (a definition that would write never runs).
const ics::report::Definition& find_report(const Session& s, const std::string& name,
                                           std::optional<ics::report::Definition>& user) {
  if (ics::report::is_builtin(name) || !s.reports_dir()) return ics::report::find_definition(name);
  ics::report::user_report_files(*s.reports_dir());  // a folder that is not there is said so
  auto path = ics::report::find_user_report(*s.reports_dir(), name);
  if (!path)
    throw ics::NotFound(fmt::format("no report '{}' (shipped, or in '{}')", name, s.reports_dir()->string()));
  user = ics::report::read_user_definition(*path);
  return *user;
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

// --batch B… for a report whose definition takes the parameter `batch` (migration-warnings,
// migration-quality), bound as the batch's number; given to another report, a usage error.
void add_batch(const ics::report::Definition& def, const std::string& batch, ics::store::Params& params) {
  if (batch.empty()) return;
  auto takes = [&](const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), "batch") != names.end();
  };
  if (!takes(def.parameters) && !takes(def.optional_parameters))
    throw CLI::ValidationError("--batch", fmt::format("report '{}' takes no --batch", def.name));
  params["batch"] = ics::model::parse_id_of(ics::model::EntityKind::batch, batch, "batch");
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
  app.add_option("--batch", o->batch,
                 "B…: one import batch's rows, for a report about imports (migration-warnings)");
  app.add_flag("--list", o->list, "list the reports, their columns, thresholds and filters");
  add_filter_options(app, o->filters);
  run = [o](Session& s, DatabaseAccess& access) {
    if (o->list) return list_reports(s);
    if (o->name.empty()) throw CLI::RequiredError("NAME (or --list)");
    std::optional<ics::report::Definition> user;
    const auto& def = find_report(s, o->name, user);
    if (!def.listed) throw ics::NotFound(fmt::format("no report '{}'", o->name));
    check_filters(def, o->filters, "report " + def.name);
    auto& db = access.read("report " + def.name);  // the statutory ones hold every child
    if (user) ics::report::check_user_definition(def.source, &db);
    auto params = report_dates(s, o->as_of, o->known_at);
    bool wants_child =
        std::find(def.parameters.begin(), def.parameters.end(), "child") != def.parameters.end();
    if (wants_child && o->child.empty())
      throw CLI::RequiredError(fmt::format("CHILD for report '{}'", def.name));
    if (!wants_child && !o->child.empty()) throw CLI::ExtrasError({o->child});
    if (wants_child) params["child"] = ics::store::resolve_child(db, o->child);
    add_year(def, o->year, params);
    add_batch(def, o->batch, params);
    add_thresholds(def, o->thresholds, params);
    add_filter_params(s, db, def, o->filters, "report " + def.name, params);
    auto out = s.output();
    ics::report::run_report(db, def, params, *out);
  };
}

}  // namespace icsctl
