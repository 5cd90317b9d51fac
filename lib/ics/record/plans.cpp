#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

std::int64_t open_plan(store::WriteTransaction& tx, const plan::Template& tmpl,
                       const util::Calendar& calendar, const OpenPlanRequest& request, util::Date today) {
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
  require_plan_category(tmpl, request.category, "category");
  require_no_overlap(db, {child.id, tmpl.kind, start, std::nullopt}, "child", "start");

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
  return plan.id;
}

void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today) {
  auto plan = store::get_plan(tx.db(), plan_id);
  require_open(plan);
  auto code = model::require_code(reason, model::end_reason_codes(), "reason");
  require_not_before_start(end, plan.start_date, "end");
  require_not_after_today(end, today, "end");
  require_end_after_last_review(tx.db(), plan_id, end, "end");
  cancel_open_actions(tx, plan_id, end, "plan closed");
  store::set_plan_end(tx, plan_id, end, code);
  auto after = plan;
  after.end_date = end;
  after.end_reason = code;
  tx.audit(format_id(EntityKind::plan, plan_id), store::to_json(plan), store::to_json(after));
}

}  // namespace ics::record
