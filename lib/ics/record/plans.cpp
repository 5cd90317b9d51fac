#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

EpisodeFiling find_plan_episode(store::Database& db, const model::Child& child, std::string_view kind,
                                util::Date start, const std::optional<std::int64_t>& requested,
                                const PlanFieldNames& names, std::optional<util::Date> end) {
  EpisodeFiling f;
  bool cp = kind == "child-protection";
  if (requested) {
    auto episode = store::get_episode(db, *requested);
    if (episode.child_id != child.id)
      throw InvalidInput(
          std::string(names.episode), format_id(EntityKind::episode, episode.id),
          fmt::format("is an episode of child {}, not of {}", format_id(EntityKind::child, episode.child_id),
                      format_id(EntityKind::child, child.id)));
    require_plan_fits_episode(episode, start, names.episode, names.start);
    if (cp) f.result.conference_id = require_plan_conference(db, episode, start, names.start);
    f.episode = episode;
  } else if (end) {
    require_no_episode_overlap(db, {child.id, start, end, false}, names.child, names.start);
    f.result.episode_opened = true;
    f.result.conference_made = cp;
  } else if (auto open = store::open_episode_of_child(db, child.id)) {
    auto episode = store::get_episode(db, *open);
    require_plan_fits_episode(episode, start, names.episode, names.start);
    if (cp) {
      auto held = conference_on(db, episode.id, start);
      f.result.conference_id = held.value_or(0);
      f.result.conference_made = !held;
    }
    f.episode = episode;
  } else {
    require_no_episode_overlap(db, {child.id, start, std::nullopt, false}, names.child, names.start);
    f.result.episode_opened = true;
    f.result.conference_made = cp;
  }
  if (f.episode) f.result.episode_id = f.episode->id;
  return f;
}

void make_plan_episode(store::WriteTransaction& tx, EpisodeFiling& f, std::int64_t child_id, util::Date start,
                       std::optional<util::Date> end) {
  if (f.result.episode_opened) {
    model::Episode episode;
    episode.child_id = child_id;
    episode.referral_date = start;
    if (end) {
      episode.closure_date = end;
      episode.closure_reason = "RC7";  // services ended with the plan, as the migration closes them
    }
    episode.made_by = "open-plan";
    episode.id = store::insert_episode(tx, episode);
    tx.audit(format_id(EntityKind::episode, episode.id), std::nullopt, store::to_json(episode));
    f.result.episode_id = episode.id;
  }
  if (f.result.conference_made) {
    model::Conference conference;
    conference.episode_id = f.result.episode_id;
    conference.conference_date = start;
    conference.outcome = "plan";
    conference.id = store::insert_conference(tx, conference);
    tx.audit(format_id(EntityKind::conference, conference.id), std::nullopt, store::to_json(conference));
    f.result.conference_id = conference.id;
  }
}

std::int64_t open_plan(store::WriteTransaction& tx, const plan::Template& tmpl,
                       const util::Calendar& calendar, const OpenPlanRequest& request, util::Date today,
                       PlanFiling* filing) {
  auto& db = tx.db();
  auto child = store::get_child(db, request.child_id);
  util::Date start = request.start.value_or(today);
  require_not_after_today(start, today, "start");
  if (!calendar.covers(start))
    throw InvalidInput(
        "start", start.iso(),
        fmt::format("is outside the years of calendar '{}' ({}-{}), so working days cannot be counted",
                    calendar.name(), calendar.first_year(), calendar.last_year()));
  require_born_by(child, start, "start");
  require_not_after_death(db, child.id, start, "start");
  require_plan_category(tmpl, request.category, "category");
  require_no_overlap(db, {child.id, tmpl.kind, start, std::nullopt}, "child", "start");
  auto filed =
      find_plan_episode(db, child, tmpl.kind, start, request.episode_id, {"child", "episode", "start"});

  store::PlanRow row;
  auto& plan = row.plan;
  plan.child_id = child.id;
  plan.kind = tmpl.kind;
  plan.template_name = tmpl.name;
  plan.template_version = tmpl.version;
  plan.template_hash = tmpl.hash;
  plan.initial_category = plan.latest_category = request.category;
  plan.start_date = start;
  if (request.worker) plan.lead_worker = model::require_text(*request.worker, "worker");
  if (request.team) plan.team = model::require_text(*request.team, "team");
  if (request.contingency) plan.contingency = model::require_text(*request.contingency, "contingency");
  plan.first_review_due = plan::first_review_due(tmpl, start, calendar);
  plan.next_review_due = plan.first_review_due;
  plan.previous_cp_plans =
      tmpl.kind == "child-protection" ? store::count_plans_of_kind(db, child.id, tmpl.kind) : 0;
  make_plan_episode(tx, filed, child.id, start);
  plan.episode_id = filed.result.episode_id;
  plan.conference_id = filed.result.conference_id;
  row.template_id = store::template_snapshot(tx, tmpl.name, tmpl.version, tmpl.hash, tmpl.text);
  plan.id = store::insert_plan(tx, row);
  tx.audit(format_id(EntityKind::plan, plan.id), std::nullopt, store::to_json(plan));

  for (const auto& section : tmpl.sections) {
    for (const auto& ta : section.actions) {
      model::Action action;
      action.plan_id = plan.id;
      action.section = section.key;
      action.what = ta.what;
      action.owner = ta.owner.empty() ? plan.lead_worker.value_or("unassigned") : ta.owner;
      action.agency = ta.agency;
      action.due_date = plan::apply(start, ta.due, calendar);
      action.id = store::insert_action(tx, action);
      tx.audit(format_id(EntityKind::action, action.id), std::nullopt, store::to_json(action));
    }
  }
  if (filing) *filing = filed.result;
  return plan.id;
}

void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today, std::string_view end_field) {
  auto plan = store::get_plan(tx.db(), plan_id);
  require_open(plan);
  auto code = model::require_code(reason, model::end_reason_codes(), "reason");
  require_not_before_start(end, plan.start_date, end_field);
  require_not_after_today(end, today, end_field);
  require_not_after_death(tx.db(), plan.child_id, end, end_field);
  require_end_after_last_review(tx.db(), plan_id, end, end_field);
  cancel_open_actions(tx, plan_id, end, "plan closed");
  store::set_plan_end(tx, plan_id, end, code);
  auto after = plan;
  after.end_date = end;
  after.end_reason = code;
  tx.audit(format_id(EntityKind::plan, plan_id), store::to_json(plan), store::to_json(after));
}

}  // namespace ics::record
