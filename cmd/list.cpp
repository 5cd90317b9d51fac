#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "filters.hpp"
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
  std::string plan, episode, outcome, known_at;
  FilterOptions filters;
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
  plans->add_flag("--open", o->open_only, "only plans open today");
  auto* actions = app.add_subcommand("actions", "actions, of one plan or all");
  actions->add_option("--plan", o->plan, "only this plan's actions");
  auto* episodes = app.add_subcommand("episodes", "episodes of need, of one child or all");
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
  for (auto* sub : {children, plans, actions, episodes, assessments, enquiries, conferences}) {
    sub->fallthrough();
    add_filter_options(*sub, o->filters);
  }
  app.add_option("--known-at", o->known_at,
                 "as the records were known on this date, YYYY-MM-DD or today, +7d, eom… (icsctl help "
                 "dates), not after today: leave out what "
                 "was entered later (and --open means open on that date)");
  run = [o, children, plans, episodes, assessments, enquiries, conferences](Session& s,
                                                                            DatabaseAccess& access) {
    std::string name = "list-actions";
    if (children->parsed())
      name = "list-children";
    else if (plans->parsed())
      name = "list-plans";
    else if (episodes->parsed())
      name = "list-episodes";
    else if (assessments->parsed())
      name = "list-assessments";
    else if (enquiries->parsed())
      name = "list-enquiries";
    else if (conferences->parsed())
      name = "list-conferences";
    const auto& def = ics::report::find_definition(name);
    check_filters(def, o->filters, s.command());
    auto& db = access.read();
    auto params = report_dates(s, "", o->known_at);
    if (episodes->parsed() || plans->parsed() || assessments->parsed() || enquiries->parsed())
      params["open_only"] = std::int64_t{o->open_only ? 1 : 0};
    if (assessments->parsed() || enquiries->parsed() || conferences->parsed())
      params["episode"] = episode_param(db, o->episode);
    if (conferences->parsed()) {
      static constexpr std::string_view k_outcomes[] = {"plan", "no-plan"};
      params["outcome"] = std::monostate{};
      if (!o->outcome.empty())
        params["outcome"] = ics::model::require_code(o->outcome, k_outcomes, "outcome");
    }
    if (name == "list-actions") {
      params["plan"] = std::monostate{};
      if (!o->plan.empty())
        params["plan"] =
            ics::store::get_plan(db, ics::model::parse_id_of(ics::model::EntityKind::plan, o->plan, "plan"))
                .id;
    }
    add_filter_params(s, db, def, o->filters, s.command(), params);
    auto out = s.output();
    ics::report::run_report(db, def, params, *out);
  };
}

}  // namespace icsctl
