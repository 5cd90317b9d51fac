// `icsctl update-action ACTION --due DATE|--what TEXT`: correct an open action, by assign-action's rules.
#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/corrections.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string action, due, what;
};
}  // namespace

void register_update_action(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("ACTION", o->action, "action id, e.g. A7")->required();
  std::vector<CLI::Option*> changes{
      app.add_option("--due", o->due, "the new due date, YYYY-MM-DD (not before the plan's start)"),
      app.add_option("--what", o->what, "the new text of what is to be done"),
  };
  app.footer(R"(Only an open action of an open plan is corrected (a done or cancelled one: exit 3). Checked
as assign-action checks it; one transaction, audited with the action before and after. To give an
action to someone else: reassign-action. At least one option.)");
  run = [o, changes](Session& s, DatabaseAccess& db) {
    require_one_of(changes);
    auto id = ics::model::parse_id_of(ics::model::EntityKind::action, o->action, "action");
    ics::record::ActionCorrection correction;
    correction.due = optional_date(s, o->due, "due");
    correction.what = optional_value(o->what, "what");
    bool changed = ics::record::update_action(db.write(), id, correction);
    db.after_commit([&s, o, changed] {
      s.info(fmt::format("action {} {}", o->action, changed ? "updated" : "unchanged"));
    });
  };
}

}  // namespace icsctl
