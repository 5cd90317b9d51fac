// `icsctl update-plan PLAN --worker NAME --team NAME`: correct an open plan's lead worker and team.
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
  std::string plan, worker, team;
};
}  // namespace

void register_update_plan(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("PLAN", o->plan, "plan id, e.g. P12")->required();
  std::vector<CLI::Option*> changes{
      app.add_option("--worker", o->worker, "the plan's lead worker"),
      app.add_option("--team", o->team, "the lead worker's team"),
  };
  app.footer(R"(Only an open plan is corrected (a closed one: exit 3). One transaction, audited with the plan
before and after. At least one option.)");
  run = [o, changes](Session& s, DatabaseAccess& db) {
    require_one_of(changes);
    auto id = ics::model::parse_id_of(ics::model::EntityKind::plan, o->plan, "plan");
    bool changed = ics::record::update_plan(db.write(), id, optional_value(o->worker, "worker"),
                                            optional_value(o->team, "team"));
    db.after_commit(
        [&s, o, changed] { s.info(fmt::format("plan {} {}", o->plan, changed ? "updated" : "unchanged")); });
  };
}

}  // namespace icsctl
