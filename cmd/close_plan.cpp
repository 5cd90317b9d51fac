#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/plans.hpp>
#include <ics/store/records.hpp>

#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

namespace icsctl {

void register_close_plan(CLI::App& app, Runner& run) {
  auto plan = std::make_shared<std::string>();
  auto end = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  app.add_option("PLAN", *plan, "plan id, e.g. P12")->required();
  app.add_option(
         "--end", *end,
         "the first day the plan no longer applies, YYYY-MM-DD or today, +7d, eom… (icsctl help dates)")
      ->required();
  app.add_option("--reason", *reason,
                 fmt::format("why it ends: {}", fmt::join(ics::model::end_reason_codes(), ", ")))
      ->required();
  app.footer(
      R"(A plan with open actions cancels them: that is asked first on a terminal (y/N), and needs --yes
without one (exit 2 otherwise); -n shows what would change.)");
  run = [plan, end, reason](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::plan, *plan, "plan");
    auto end_date = date_value(s, *end, "end");
    // Destructive only when it cancels actions: asked before the write begins.
    if (auto open = ics::store::open_actions_of_plan(db.peek(), id).size(); open > 0)
      db.confirm(
          fmt::format("close plan {} and cancel its {} open action{}", *plan, open, open == 1 ? "" : "s"));
    ics::record::close_plan(db.write(), id, end_date, *reason, s.today());
    db.after_commit(
        [&s, plan, end_date] { s.info(fmt::format("plan {} closed from {}", *plan, end_date.iso())); });
  };
}

}  // namespace icsctl
