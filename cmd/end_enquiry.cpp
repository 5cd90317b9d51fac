#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_end_enquiry(CLI::App& app, Runner& run) {
  auto episode = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("EPISODE", *episode, "episode id, e.g. E12 (its open enquiry is ended)")->required();
  app.add_option("--date", *date,
                 "the day it ended with no conference needed, YYYY-MM-DD or today, +7d, eom… (icsctl help "
                 "dates); default today");
  app.footer(R"(An enquiry that leads to a conference ends with it: use record-conference instead.)");
  run = [episode, date](Session& s, DatabaseAccess& db) {
    auto id = ics::model::parse_id_of(ics::model::EntityKind::episode, *episode, "episode");
    auto on = optional_date(s, *date, "date").value_or(s.today());
    auto enquiry = ics::record::end_enquiry(db.write(), id, on, s.today());
    db.after_commit([&s, enquiry, on] {
      s.info(fmt::format("enquiry {} ended on {}",
                         ics::model::format_id(ics::model::EntityKind::enquiry, enquiry), on.iso()));
    });
  };
}

}  // namespace icsctl
