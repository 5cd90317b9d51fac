#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "report_dates.hpp"
#include "session.hpp"

#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string child, plan, status, episode, outcome, known_at;
  bool open_only = false;
};

// :episode, the number of an episode that exists, or null when none is given.
ics::util::Value episode_param(ics::store::Database& db, const std::string& episode) {
  if (episode.empty()) return std::monostate{};
  return ics::store::get_episode(db,
                                 ics::model::parse_id_of(ics::model::EntityKind::episode, episode, "episode"))
      .id;
}
}  // namespace

void register_list(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.require_subcommand(1);
  auto* children = app.add_subcommand("children", "every child");
  auto* plans = app.add_subcommand("plans", "plans, of one child or all");
  plans->add_option("--child", o->child, "only this child's plans (C12, nhs:…, upn:…, ref:…)");
  plans->add_flag("--open", o->open_only, "only plans open today");
  auto* actions = app.add_subcommand("actions", "actions, of one plan or all");
  actions->add_option("--plan", o->plan, "only this plan's actions");
  actions->add_option("--status", o->status, "only actions in this status: open, done, cancelled");
  auto* episodes = app.add_subcommand("episodes", "episodes of need, of one child or all");
  episodes->add_option("--child", o->child, "only this child's episodes (C12, nhs:…, upn:…, ref:…)");
  episodes->add_flag("--open", o->open_only, "only episodes open today");
  auto* assessments = app.add_subcommand("assessments", "assessments, of one episode or all");
  auto* enquiries = app.add_subcommand("enquiries", "section 47 enquiries, of one episode or all");
  for (auto* sub : {assessments, enquiries}) {
    sub->add_option("--episode", o->episode, "only this episode's, e.g. E12");
    sub->add_flag("--open", o->open_only, "only those still open today");
  }
  auto* conferences = app.add_subcommand("conferences", "initial child protection conferences");
  conferences->add_option("--episode", o->episode, "only this episode's, e.g. E12");
  conferences->add_option("--outcome", o->outcome, "only those of this outcome: plan or no-plan");
  for (auto* sub : {children, plans, actions, episodes, assessments, enquiries, conferences})
    sub->fallthrough();
  app.add_option("--known-at", o->known_at,
                 "as the records were known on this date, YYYY-MM-DD or today, +7d, eom… (icsctl help "
                 "dates), not after today: leave out what "
                 "was entered later (and --open means open on that date)");
  app.footer(R"(Examples:
  icsctl list children
  icsctl list plans --child C1 --open
  icsctl list actions --plan P1 --status open -o csv
  icsctl list plans --open --known-at 2026-03-31
  icsctl list episodes --child C1
  icsctl list assessments --open
  icsctl list enquiries --episode E3
  icsctl list conferences --outcome plan -o csv)");
  run = [o, children, plans, episodes, assessments, enquiries, conferences](Session& s,
                                                                            DatabaseAccess& access) {
    auto& db = access.read();
    auto params = report_dates(s, "", o->known_at);
    std::string name = "list-actions";
    if (children->parsed()) {
      name = "list-children";
    } else if (episodes->parsed()) {
      name = "list-episodes";
      params["child"] = std::monostate{};
      if (!o->child.empty()) params["child"] = ics::store::resolve_child(db, o->child);
      params["open_only"] = std::int64_t{o->open_only ? 1 : 0};
    } else if (assessments->parsed() || enquiries->parsed()) {
      name = assessments->parsed() ? "list-assessments" : "list-enquiries";
      params["episode"] = episode_param(db, o->episode);
      params["open_only"] = std::int64_t{o->open_only ? 1 : 0};
    } else if (conferences->parsed()) {
      name = "list-conferences";
      params["episode"] = episode_param(db, o->episode);
      static constexpr std::string_view k_outcomes[] = {"plan", "no-plan"};
      params["outcome"] = std::monostate{};
      if (!o->outcome.empty())
        params["outcome"] = ics::model::require_code(o->outcome, k_outcomes, "outcome");
    } else if (plans->parsed()) {
      name = "list-plans";
      params["child"] = std::monostate{};
      if (!o->child.empty()) params["child"] = ics::store::resolve_child(db, o->child);
      params["open_only"] = std::int64_t{o->open_only ? 1 : 0};
    } else {
      params["plan"] = std::monostate{};
      if (!o->plan.empty())
        params["plan"] =
            ics::store::get_plan(db, ics::model::parse_id_of(ics::model::EntityKind::plan, o->plan, "plan"))
                .id;
      params["status"] = std::monostate{};
      if (!o->status.empty())
        params["status"] = ics::model::require_code(o->status, ics::model::action_statuses(), "status");
    }
    auto out = s.output();
    ics::report::run_report(db, ics::report::find_definition(name), params, *out);
  };
}

}  // namespace icsctl
