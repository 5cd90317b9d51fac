#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/actions.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_cancel_action(CLI::App& app, Runner& run) {
  auto action = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  app.add_option("ACTION", *action, "action id, e.g. A7")->required();
  app.add_option("--reason", *reason, "why it is no longer needed")->required();
  run = [action, reason](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::action, *action, "action");
    ics::record::cancel_action(db.write(), id, *reason, s.today());
    db.after_commit([&s, action] { s.info(fmt::format("action {} cancelled", *action)); });
  };
}

}  // namespace icsctl
