#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_start_enquiry(CLI::App& app, Runner& run) {
  auto episode = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("EPISODE", *episode, "episode id, e.g. E12")->required();
  app.add_option("--date", *date,
                 "the day of the strategy discussion that started it, YYYY-MM-DD or today, +7d, eom… (icsctl "
                 "help dates); default today");
  app.footer(
      R"(The initial conference is due 15 working days later (the child-protection template's calendar).)");
  run = [episode, date](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();  // a missing database is reported before a missing template
    auto id = ics::model::parse_id_of(ics::model::EntityKind::episode, *episode, "episode");
    auto on = optional_date(s, *date, "date").value_or(s.today());
    auto calendar = s.calendar(s.templates().find(ics::record::k_conference_template).calendar);
    auto enquiry = ics::record::start_enquiry(tx, id, on, calendar, s.today());
    db.after_commit(
        [&s, enquiry] { s.print_id(ics::model::format_id(ics::model::EntityKind::enquiry, enquiry)); });
  };
}

}  // namespace icsctl
