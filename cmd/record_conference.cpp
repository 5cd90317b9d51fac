#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string episode, date, outcome, category, worker, team;
};
}  // namespace

void register_record_conference(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("EPISODE", o->episode, "episode id, e.g. E12 (the conference of its open enquiry)")
      ->required();
  app.add_option(
      "--date", o->date,
      "the day of the conference, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  app.add_option("--outcome", o->outcome, "plan (a child protection plan starts that day) or no-plan")
      ->required();
  app.add_option("--category", o->category, "with a plan: category of abuse NEG, PHY, SAB, EMO, MUL");
  app.add_option("--worker", o->worker, "with a plan: its lead worker");
  app.add_option("--team", o->team, "with a plan: the lead worker's team");
  app.footer(R"(With --outcome plan it opens the child protection plan from the child-protection template and
prints the plan id (P…); with no-plan it prints the conference id (I…). An episode with no open
enquiry records a transfer-in conference. For example:
record-conference E1 --date 2026-03-25 --outcome plan --category NEG --worker "Sam Patel")");
  run = [o](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();  // a missing database is reported before a missing template
    auto tmpl = s.templates().find(ics::record::k_conference_template);
    auto calendar = s.calendar(tmpl.calendar);
    ics::record::NewConference conference;
    conference.episode_id = ics::model::parse_id_of(ics::model::EntityKind::episode, o->episode, "episode");
    conference.date = optional_date(s, o->date, "date").value_or(s.today());
    static constexpr std::string_view k_outcomes[] = {"plan", "no-plan"};
    conference.plan = ics::model::require_code(o->outcome, k_outcomes, "outcome") == "plan";
    conference.category = optional_value(o->category, "category");
    conference.worker = optional_value(o->worker, "worker");
    conference.team = optional_value(o->team, "team");
    if (!conference.plan)
      for (const auto& [field, value] :
           {std::pair{"category", o->category}, {"worker", o->worker}, {"team", o->team}})
        if (!value.empty()) throw ics::InvalidInput(field, value, "applies only with --outcome plan");
    auto result = ics::record::record_conference(tx, conference, tmpl, calendar, s.today());
    db.after_commit([&s, result] {
      using ics::model::EntityKind;
      if (result.plan_id == 0)
        return s.print_id(ics::model::format_id(EntityKind::conference, result.conference_id));
      s.info(fmt::format("conference {} opened plan {}",
                         ics::model::format_id(EntityKind::conference, result.conference_id),
                         ics::model::format_id(EntityKind::plan, result.plan_id)));
      s.print_id(ics::model::format_id(EntityKind::plan, result.plan_id));
    });
  };
}

}  // namespace icsctl
