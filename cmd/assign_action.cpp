#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/actions.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string plan, what, owner, agency, due, section;
};
}  // namespace

void register_assign_action(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("PLAN", o->plan, "plan id, e.g. P12")->required();
  app.add_option("--what", o->what, "what is to be done")->required();
  app.add_option("--owner", o->owner, "the person who will do it")->required();
  app.add_option("--agency", o->agency, "their agency, e.g. health, education, police")->required();
  app.add_option("--due", o->due, "due date, YYYY-MM-DD or today, +7d, eom… (icsctl help dates)")->required();
  app.add_option("--section", o->section, "section key of the plan's template");
  run = [o](Session& s, DatabaseAccess& db) {
    ics::record::NewAction action;
    action.plan_id = ics::model::parse_id_of(ics::model::EntityKind::plan, o->plan, "plan");
    action.what = o->what;
    action.owner = o->owner;
    action.agency = o->agency;
    action.due = date_value(s, o->due, "due");
    action.section = optional_value(o->section, "section");
    auto id = ics::record::assign_action(db.write(), action);
    db.after_commit([&s, id] { s.print_id(ics::model::format_id(ics::model::EntityKind::action, id)); });
  };
}

}  // namespace icsctl
