// `icsctl reassign-action ACTION --owner NAME [--agency CODE]`: give an open action to someone else.
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
  std::string action, owner, agency;
};
}  // namespace

void register_reassign_action(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("ACTION", o->action, "action id, e.g. A7")->required();
  app.add_option("--owner", o->owner, "the person who now owns it")->required();
  app.add_option("--agency", o->agency, "their agency, a code of schemas/codes/agency.yaml (default: kept)");
  app.footer(R"(Only an open action of an open plan is reassigned (a done or cancelled one: exit 3). One
transaction, audited with the action before and after. For every action and plan of a worker who
leaves: reassign.)");
  run = [o](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::action, o->action, "action");
    ics::record::ActionCorrection correction;
    correction.owner = o->owner;
    correction.agency = optional_value(o->agency, "agency");
    bool changed = ics::record::update_action(db.write(), id, correction);
    db.after_commit([&s, o, changed] {
      s.info(changed ? fmt::format("action {} now owned by {}", o->action, o->owner)
                     : fmt::format("action {} unchanged", o->action));
    });
  };
}

}  // namespace icsctl
