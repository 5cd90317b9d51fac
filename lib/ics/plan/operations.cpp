#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/operations.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::plan {

namespace {

using model::EntityKind;
using model::format_id;

void require_not_future(util::Date date, util::Date today, std::string_view field) {
  if (date > today) throw InvalidInput(std::string(field), date.iso(), "is after today");
}

void require_open(const model::Plan& plan) {
  if (plan.end_date)
    throw Conflict(fmt::format("plan '{}' was closed on {}", format_id(EntityKind::plan, plan.id),
                               plan.end_date->iso()));
}

void require_category(const Template& tmpl, const std::string& category) {
  model::require_code(category, model::category_codes(), "category");
  if (std::find(tmpl.categories.begin(), tmpl.categories.end(), category) == tmpl.categories.end())
    throw InvalidInput("category", category, fmt::format("is not a category of template '{}'", tmpl.name));
}

}  // namespace

std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today) {
  model::validate_child(child, today);
  if (child.nhs_number) {
    if (auto held = store::child_id_by_nhs(tx.db(), *child.nhs_number))
      throw Conflict(fmt::format("NHS number {} is already held by child {}", *child.nhs_number,
                                 format_id(EntityKind::child, *held)));
  }
  if (child.upn) {
    if (auto held = store::child_id_by_upn(tx.db(), *child.upn))
      throw Conflict(
          fmt::format("UPN {} is already held by child {}", *child.upn, format_id(EntityKind::child, *held)));
  }
  for (const auto& ref : child.refs)
    if (auto held = store::child_id_by_ref(tx.db(), ref))
      throw Conflict(fmt::format("legacy reference '{}' is already held by child {}", ref,
                                 format_id(EntityKind::child, *held)));
  child.id = store::insert_child(tx, child);
  tx.audit(format_id(EntityKind::child, child.id), std::nullopt, store::to_json(child));
  return child.id;
}

std::int64_t open_plan(store::WriteTransaction& tx, const Template& tmpl, const util::Calendar& calendar,
                       const OpenPlanRequest& request, util::Date today) {
  auto& db = tx.db();
  auto child = store::get_child(db, request.child_id);
  util::Date start = request.start.value_or(today);
  require_not_future(start, today, "start");
  if (!calendar.covers(start))
    throw InvalidInput(
        "start", start.iso(),
        fmt::format("is outside the years of calendar '{}' ({}-{}), so working days cannot be counted",
                    calendar.name(), calendar.first_year(), calendar.last_year()));
  if (child.date_of_birth && start < *child.date_of_birth)
    throw InvalidInput("start", start.iso(),
                       fmt::format("is before the child's date of birth ({})", child.date_of_birth->iso()));
  if (!tmpl.categories.empty() && !request.category)
    throw InvalidInput(
        "category", "",
        fmt::format("is required by template '{}' (one of {})", tmpl.name, fmt::join(tmpl.categories, ", ")));
  if (tmpl.categories.empty() && request.category)
    throw InvalidInput("category", *request.category,
                       fmt::format("does not apply to template '{}'", tmpl.name));
  if (request.category) require_category(tmpl, *request.category);
  if (auto other = store::overlapping_plan_of_kind(db, child.id, tmpl.kind, start)) {
    auto overlapping = store::get_plan(db, *other);
    if (!overlapping.end_date)
      throw Conflict(fmt::format("child {} already has an open {} plan {}",
                                 format_id(EntityKind::child, child.id), tmpl.kind,
                                 format_id(EntityKind::plan, *other)));
    throw Conflict(fmt::format("'start' {} overlaps {} plan {} of child {}, which ended on {}", start.iso(),
                               tmpl.kind, format_id(EntityKind::plan, *other),
                               format_id(EntityKind::child, child.id), overlapping.end_date->iso()));
  }

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
  plan.first_review_due = first_review_due(tmpl, start, calendar);
  plan.next_review_due = plan.first_review_due;
  plan.previous_cp_plans = tmpl.kind == "child-protection" ? count_plans_of_kind(db, child.id, tmpl.kind) : 0;
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
      action.due_date = apply(start, ta.due, calendar);
      action.id = store::insert_action(tx, action);
      tx.audit(format_id(EntityKind::action, action.id), std::nullopt, store::to_json(action));
    }
  }
  return plan.id;
}

std::int64_t assign_action(store::WriteTransaction& tx, const NewAction& request) {
  auto plan = store::get_plan(tx.db(), request.plan_id);
  require_open(plan);
  model::Action action;
  action.plan_id = plan.id;
  action.what = model::require_text(request.what, "what");
  action.owner = model::require_text(request.owner, "owner");
  action.agency = model::require_text(request.agency, "agency");
  action.due_date = request.due;
  if (request.due < plan.start_date)
    throw InvalidInput("due", request.due.iso(),
                       fmt::format("is before the plan's start ({})", plan.start_date.iso()));
  if (request.section) {
    auto tmpl = parse_template(store::template_body_of_plan(tx.db(), plan.id), plan.template_name);
    bool known = std::any_of(tmpl.sections.begin(), tmpl.sections.end(),
                             [&](const Section& s) { return s.key == *request.section; });
    if (!known)
      throw InvalidInput("section", *request.section,
                         fmt::format("is not a section of template '{}'", plan.template_name));
    action.section = request.section;
  }
  action.id = store::insert_action(tx, action);
  tx.audit(format_id(EntityKind::action, action.id), std::nullopt, store::to_json(action));
  return action.id;
}

namespace {
void finish(store::WriteTransaction& tx, std::int64_t action_id, const std::string& status, util::Date on,
            const std::optional<std::string>& reason) {
  auto before = store::get_action(tx.db(), action_id);
  if (before.status != "open")
    throw Conflict(
        fmt::format("action '{}' is already {}", format_id(EntityKind::action, action_id), before.status));
  store::finish_action(tx, action_id, status, on, reason);
  auto after = before;
  after.status = status;
  after.completed_date = on;
  after.cancel_reason = reason;
  tx.audit(format_id(EntityKind::action, action_id), store::to_json(before), store::to_json(after));
}
}  // namespace

void complete_action(store::WriteTransaction& tx, std::int64_t action_id, util::Date on, util::Date today) {
  require_not_future(on, today, "date");
  auto action = store::get_action(tx.db(), action_id);
  auto plan = store::get_plan(tx.db(), action.plan_id);
  if (on < plan.start_date)
    throw InvalidInput("date", on.iso(),
                       fmt::format("is before the plan's start ({})", plan.start_date.iso()));
  finish(tx, action_id, "done", on, std::nullopt);
}

void cancel_action(store::WriteTransaction& tx, std::int64_t action_id, const std::string& reason,
                   util::Date today) {
  finish(tx, action_id, "cancelled", today, model::require_text(reason, "reason"));
}

std::int64_t record_review(store::WriteTransaction& tx, const NewReview& request,
                           const CalendarLoader& calendars, util::Date today) {
  auto plan = store::get_plan(tx.db(), request.plan_id);
  require_open(plan);
  require_not_future(request.date, today, "date");
  if (request.date < plan.start_date)
    throw InvalidInput("date", request.date.iso(),
                       fmt::format("is before the plan's start ({})", plan.start_date.iso()));
  auto tmpl = parse_template(store::template_body_of_plan(tx.db(), plan.id), plan.template_name);
  model::Review review;
  review.plan_id = plan.id;
  review.kind = model::require_code(request.kind, model::review_kinds(), "kind");
  review.review_date = request.date;
  if (request.outcome) review.outcome = model::require_text(*request.outcome, "outcome");
  if (request.category) {
    if (tmpl.categories.empty())
      throw InvalidInput("category", *request.category,
                         fmt::format("does not apply to a {} plan", plan.kind));
    if (review.kind != "initial-conference" && review.kind != "review-conference")
      throw InvalidInput("category", *request.category,
                         fmt::format("is decided at a conference, not a {}", review.kind));
    require_category(tmpl, *request.category);
    review.category = request.category;
  }
  if (review.kind == "review-conference")
    review.next_review_due = next_review_due_after(tmpl, review.review_date, calendars(tmpl.calendar));
  review.id = store::insert_review(tx, review);
  tx.audit(format_id(EntityKind::review, review.id), std::nullopt, store::to_json(review));
  // The latest category is the one set by the latest review by date, whatever the order of entry.
  auto latest = store::latest_review_category(tx.db(), plan.id).value_or(plan.initial_category.value_or(""));
  if (review.category && latest != plan.latest_category.value_or("")) {
    auto after = plan;
    after.latest_category = latest;
    store::set_plan_category(tx, plan.id, latest);
    tx.audit(format_id(EntityKind::plan, plan.id), store::to_json(plan), store::to_json(after));
  }
  return review.id;
}

void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today) {
  auto plan = store::get_plan(tx.db(), plan_id);
  require_open(plan);
  auto code = model::require_code(reason, model::end_reason_codes(), "reason");
  if (end < plan.start_date)
    throw InvalidInput("end", end.iso(),
                       fmt::format("is before the plan's start ({})", plan.start_date.iso()));
  require_not_future(end, today, "end");
  if (auto last = store::last_review_of_plan(tx.db(), plan_id); last && end <= *last)
    throw InvalidInput("end", end.iso(),
                       fmt::format("must be after the plan's last review ({})", last->iso()));
  for (auto action_id : store::open_actions_of_plan(tx.db(), plan_id))
    finish(tx, action_id, "cancelled", end, std::string("plan closed"));
  store::set_plan_end(tx, plan_id, end, code);
  auto after = plan;
  after.end_date = end;
  after.end_reason = code;
  tx.audit(format_id(EntityKind::plan, plan_id), store::to_json(plan), store::to_json(after));
}

}  // namespace ics::plan
