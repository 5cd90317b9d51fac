#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/plans.hpp>
#include <ics/store/records.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
using ics::model::EntityKind;
struct Options {
  std::string child, template_name, category, start, worker, team, contingency, episode;
};
}  // namespace

void register_open_plan(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("CHILD", o->child, "the child: C123, nhs:NHSNUMBER, upn:UPN or ref:LEGACYREF")->required();
  app.add_option("--template", o->template_name, "plan template name (see 'icsctl templates list')")
      ->required();
  app.add_option("--category", o->category, "category of abuse: NEG, PHY, SAB, EMO, MUL (child protection)");
  app.add_option("--start", o->start,
                 "start date, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  app.add_option("--worker", o->worker, "lead worker");
  app.add_option("--team", o->team, "team");
  app.add_option("--contingency", o->contingency, "contingency plan text");
  app.add_option("--episode", o->episode,
                 "the episode to file it in, e.g. E12 (default: the child's open episode, else a new one)");
  app.footer(
      R"(Without --episode the plan goes in the child's open episode; a child with none gets one, made by
open-plan (a referral on the plan's start, source and need not known), and a child protection plan a
transfer-in conference on its start when its episode has no conference that day; stderr says so.)");
  run = [o](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();  // a missing database is reported before a missing template
    auto tmpl = s.templates().find(o->template_name);
    auto calendar = s.calendar(tmpl.calendar);
    ics::record::OpenPlanRequest request;
    request.child_id = ics::store::resolve_child(tx.db(), o->child);
    request.category = optional_value(o->category, "category");
    request.start = optional_date(s, o->start, "start");
    request.worker = optional_value(o->worker, "worker");
    request.team = optional_value(o->team, "team");
    request.contingency = optional_value(o->contingency, "contingency");
    if (!o->episode.empty())
      request.episode_id = ics::model::parse_id_of(EntityKind::episode, o->episode, "episode");
    ics::record::PlanFiling filing;
    auto id = ics::record::open_plan(tx, tmpl, calendar, request, s.today(), &filing);
    auto start = request.start.value_or(s.today());
    db.after_commit([&s, id, filing, start, child = request.child_id] {
      if (filing.episode_opened)
        s.info(fmt::format("opened episode {} for {} (referral{} on {}, source and need not known)",
                           ics::model::format_id(EntityKind::episode, filing.episode_id),
                           ics::model::format_id(EntityKind::child, child),
                           filing.conference_made ? " and a transfer-in conference" : "", start.iso()));
      else if (filing.conference_made)
        s.info(fmt::format("recorded a transfer-in conference {} in episode {} on {}",
                           ics::model::format_id(EntityKind::conference, filing.conference_id),
                           ics::model::format_id(EntityKind::episode, filing.episode_id), start.iso()));
      s.print_id(ics::model::format_id(EntityKind::plan, id));
    });
  };
}

}  // namespace icsctl
