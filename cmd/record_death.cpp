#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/children.hpp>
#include <ics/store/records.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
std::string ids_of(ics::model::EntityKind kind, const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += fmt::format("{}{}", out.empty() ? "" : ", ", ics::model::format_id(kind, id));
  return out.empty() ? "none" : out;
}
}  // namespace

void register_record_death(CLI::App& app, Runner& run) {
  auto child = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("CHILD", *child, "the child: C12, nhs:N, upn:U or ref:R")->required();
  app.add_option("--date", *date,
                 "the date of death, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); not after today")
      ->required();
  app.footer(R"(Ends what must end: the child's open plans close that day (reason died, their open actions
cancelled) and its open episode closes that day (reason RC2). Refused while any record of the child is
dated after the death, or while an assessment or enquiry of the open episode is still open. Afterwards
nothing of the child may be dated after the death.

Asked first on a terminal (y/N); needs --yes without one (exit 2 otherwise).)");
  run = [child, date](Session& s, DatabaseAccess& db) {
    auto on = date_value(s, *date, "date");
    auto id = ics::store::resolve_child(db.peek(), *child);
    auto plans = ics::store::open_plans_of_child(db.peek(), id).size();
    db.confirm(fmt::format(
        "record the death of child {} on {}: its {} open plan{} and any open episode close "
        "that day",
        ics::model::format_id(ics::model::EntityKind::child, id), on.iso(), plans, plans == 1 ? "" : "s"));
    auto& tx = db.write();
    auto ends = ics::record::record_death(tx, id, on, s.today());
    db.after_commit([&s, id, on, ends] {
      using ics::model::EntityKind;
      s.info(fmt::format("death of child {} recorded on {}; plans closed: {}; episodes closed: {}",
                         ics::model::format_id(EntityKind::child, id), on.iso(),
                         ids_of(EntityKind::plan, ends.plans), ids_of(EntityKind::episode, ends.episodes)));
    });
  };
}

}  // namespace icsctl
