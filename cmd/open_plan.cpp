#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/plans.hpp>
#include <ics/store/records.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string child, template_name, category, start, worker, team, contingency;
};
}  // namespace

void register_open_plan(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("CHILD", o->child, "the child: C123, nhs:NHSNUMBER, upn:UPN or ref:LEGACYREF")->required();
  app.add_option("--template", o->template_name, "plan template name (see 'icsctl templates list')")
      ->required();
  app.add_option("--category", o->category, "category of abuse: NEG, PHY, SAB, EMO, MUL (child protection)");
  app.add_option("--start", o->start, "start date, YYYY-MM-DD (default today)");
  app.add_option("--worker", o->worker, "lead worker");
  app.add_option("--team", o->team, "team");
  app.add_option("--contingency", o->contingency, "contingency plan text");
  app.footer(R"(Examples:
  icsctl open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" --team "CP Team A"
  icsctl open-plan ref:CPR-0000042 --template child-in-need --worker "Jo Bloggs")");
  run = [o](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();  // a missing database is reported before a missing template
    auto tmpl = s.templates().find(o->template_name);
    auto calendar = s.calendar(tmpl.calendar);
    ics::record::OpenPlanRequest request;
    request.child_id = ics::store::resolve_child(tx.db(), o->child);
    request.category = optional_value(o->category, "category");
    request.start = optional_date(o->start, "start");
    request.worker = optional_value(o->worker, "worker");
    request.team = optional_value(o->team, "team");
    request.contingency = optional_value(o->contingency, "contingency");
    auto id = ics::record::open_plan(tx, tmpl, calendar, request, s.today());
    db.after_commit([&s, id] { s.print_id(ics::model::format_id(ics::model::EntityKind::plan, id)); });
  };
}

}  // namespace icsctl
