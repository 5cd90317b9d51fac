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
  std::string name, child, as_of, known_at;
  bool list = false;
};

// `report --list`: one row per listed report with its columns.
void list_reports(Session& s) {
  auto out = s.output();
  out->begin({{"name"}, {"row"}, {"parameters"}, {"columns"}});
  for (const auto& def : ics::report::builtin_definitions()) {
    if (!def.listed) continue;
    std::string columns, parameters;
    for (const auto& c : def.columns) columns += (columns.empty() ? "" : " ") + c.name;
    for (const auto& p : def.parameters) parameters += (parameters.empty() ? "" : " ") + p;
    out->row({def.name, def.row, parameters, columns});
  }
  out->end();
}
}  // namespace

void register_report(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("NAME", o->name, "report name (see --list)");
  app.add_option("CHILD", o->child, "the child, for a report about one child (chronology)");
  app.add_option("--as-of", o->as_of,
                 "the date the report is as of, YYYY-MM-DD (default the --known-at date, else today)");
  app.add_option("--known-at", o->known_at,
                 "leave out what was entered after this date, YYYY-MM-DD, not after today (default: "
                 "leave out nothing): from the day after it on, the answer never changes");
  app.add_flag("--list", o->list, "list the reports and their columns");
  app.footer(R"(Examples:
  icsctl report --list
  icsctl report overdue-actions --as-of 2026-03-31 -o csv
  icsctl report register --as-of 2026-03-05 --known-at 2026-03-05
  icsctl report chronology C1 -o json)");
  run = [o](Session& s, DatabaseAccess& access) {
    if (o->list) return list_reports(s);
    if (o->name.empty()) throw CLI::RequiredError("NAME (or --list)");
    const auto& def = ics::report::find_definition(o->name);
    if (!def.listed) throw ics::NotFound(fmt::format("no report '{}'", o->name));
    auto& db = access.read();
    auto params = report_dates(s, o->as_of, o->known_at);
    bool wants_child =
        std::find(def.parameters.begin(), def.parameters.end(), "child") != def.parameters.end();
    if (wants_child && o->child.empty())
      throw CLI::RequiredError(fmt::format("CHILD for report '{}'", def.name));
    if (!wants_child && !o->child.empty()) throw CLI::ExtrasError({o->child});
    if (wants_child) params["child"] = ics::store::resolve_child(db, o->child);
    auto out = s.output();
    ics::report::run_report(db, def, params, *out);
  };
}

}  // namespace icsctl
