#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/template.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

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

std::int64_t assign_action(store::WriteTransaction& tx, const NewAction& request) {
  auto plan = store::get_plan(tx.db(), request.plan_id);
  require_open(plan);
  model::Action action;
  action.plan_id = plan.id;
  action.what = model::require_text(request.what, "what");
  action.owner = model::require_text(request.owner, "owner");
  action.agency = require_agency(model::require_text(request.agency, "agency"), "agency");
  action.due_date = request.due;
  require_not_before_start(request.due, plan.start_date, "due");
  if (request.section) {
    require_section(plan::parse_template(store::template_body_of_plan(tx.db(), plan.id), plan.template_name),
                    request.section, "section");
    action.section = request.section;
  }
  action.id = store::insert_action(tx, action);
  tx.audit(format_id(EntityKind::action, action.id), std::nullopt, store::to_json(action));
  return action.id;
}

void complete_action(store::WriteTransaction& tx, std::int64_t action_id, util::Date on, util::Date today) {
  require_not_after_today(on, today, "date");
  auto action = store::get_action(tx.db(), action_id);
  auto plan = store::get_plan(tx.db(), action.plan_id);
  require_not_before_start(on, plan.start_date, "date");
  require_not_after_death(tx.db(), plan.child_id, on, "date");
  finish(tx, action_id, "done", on, std::nullopt);
}

void cancel_action(store::WriteTransaction& tx, std::int64_t action_id, const std::string& reason,
                   util::Date today) {
  finish(tx, action_id, "cancelled", today, model::require_text(reason, "reason"));
}

void cancel_open_actions(store::WriteTransaction& tx, std::int64_t plan_id, util::Date on,
                         const std::string& reason) {
  for (auto action_id : store::open_actions_of_plan(tx.db(), plan_id))
    finish(tx, action_id, "cancelled", on, reason);
}

}  // namespace ics::record
