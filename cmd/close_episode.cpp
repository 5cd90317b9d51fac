#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>

#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

namespace icsctl {

void register_close_episode(CLI::App& app, Runner& run) {
  auto episode = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  app.add_option("EPISODE", *episode, "episode id, e.g. E12")->required();
  app.add_option(
      "--date", *date,
      "the day the case closed, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  app.add_option("--reason", *reason,
                 fmt::format("reason for closure: {} (schemas/codes/closure-reason.yaml)",
                             fmt::join(ics::model::code_list("closure-reason").values(), ", ")))
      ->required();
  app.footer(
      R"(Every assessment must be completed, every enquiry ended and every plan in the episode closed.)");
  run = [episode, date, reason](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::episode, *episode, "episode");
    auto on = optional_date(s, *date, "date").value_or(s.today());
    ics::record::close_episode(db.write(), id, on, *reason, s.today());
    db.after_commit(
        [&s, episode, on] { s.info(fmt::format("episode {} closed on {}", *episode, on.iso())); });
  };
}

}  // namespace icsctl
