#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string episode, date, factors;
};
}  // namespace

void register_complete_assessment(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("EPISODE", o->episode, "episode id, e.g. E12 (its open assessment is completed)")
      ->required();
  app.add_option("--date", o->date,
                 "the day the assessment was completed and authorised, YYYY-MM-DD or today, +7d, eom… "
                 "(icsctl help dates); default today");
  app.add_option("--factors", o->factors,
                 "the factors it found, comma-separated codes of schemas/codes/assessment-factor.yaml; "
                 "21 alone: none")
      ->required();
  run = [o](Session& s, DatabaseAccess& db) {
    auto episode = ics::model::parse_id_of(ics::model::EntityKind::episode, o->episode, "episode");
    auto on = optional_date(s, o->date, "date").value_or(s.today());
    auto factors = code_list(o->factors, "factors");
    auto id = ics::record::complete_assessment(db.write(), episode, on, factors, s.today());
    db.after_commit([&s, id, on] {
      s.info(fmt::format("assessment {} completed on {}",
                         ics::model::format_id(ics::model::EntityKind::assessment, id), on.iso()));
    });
  };
}

}  // namespace icsctl
