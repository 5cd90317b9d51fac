#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_start_assessment(CLI::App& app, Runner& run) {
  auto episode = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("EPISODE", *episode, "episode id, e.g. E12")->required();
  app.add_option(
      "--date", *date,
      "the day the assessment started, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  run = [episode, date](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::episode, *episode, "episode");
    auto on = optional_date(s, *date, "date").value_or(s.today());
    auto assessment = ics::record::start_assessment(db.write(), id, on, s.today());
    db.after_commit([&s, assessment] {
      s.print_id(ics::model::format_id(ics::model::EntityKind::assessment, assessment));
    });
  };
}

}  // namespace icsctl
