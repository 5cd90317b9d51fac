#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/actions.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_complete_action(CLI::App& app, Runner& run) {
  auto action = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("ACTION", *action, "action id, e.g. A7")->required();
  app.add_option("--date", *date,
                 "the day it was done, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  run = [action, date](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::action, *action, "action");
    auto on = optional_date(s, *date, "date").value_or(s.today());
    ics::record::complete_action(db.write(), id, on, s.today());
    db.after_commit([&s, action, on] { s.info(fmt::format("action {} done on {}", *action, on.iso())); });
  };
}

}  // namespace icsctl
