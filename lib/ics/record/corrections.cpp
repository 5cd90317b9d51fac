#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/corrections.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/corrections.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

namespace {

void require_open_action(const model::Action& action) {
  if (action.status != "open")
    throw Conflict(fmt::format("action '{}' is {}: a finished action is not corrected",
                               format_id(EntityKind::action, action.id), action.status));
}

// Each action's owner and agency, checked as assign-action checks them.
model::Action corrected(model::Action action, const ActionCorrection& c, const model::Plan& plan) {
  if (c.what) action.what = model::require_text(*c.what, "what");
  if (c.owner) action.owner = model::require_text(*c.owner, "owner");
  if (c.agency) action.agency = require_agency(model::require_text(*c.agency, "agency"), "agency");
  if (c.due) {
    require_not_before_start(*c.due, plan.start_date, "due");
    action.due_date = *c.due;
  }
  return action;
}

}  // namespace

bool update_child(store::WriteTransaction& tx, model::Child child, util::Date today) {
  auto& db = tx.db();
  auto before = store::get_child(db, child.id);
  model::validate_child(child, today, {.past_expected_dob = child.expected_dob == before.expected_dob});
  child.ethnicity = require_ethnicity(child.ethnicity, before.ethnicity, "ethnicity");
  require_identifiers_unheld(db, child, child.id, {"NHS number", "UPN", "legacy reference"});
  if (auto first = store::first_plan_of_child(db, child.id); first && child.date_of_birth) {
    try {
      require_born_by(child, first->start, "dob");
    } catch (const InvalidInput&) {
      throw InvalidInput("dob", child.date_of_birth->iso(),
                         fmt::format("is after the start of plan {} ({}): a plan does not start before the "
                                     "child's date of birth",
                                     format_id(EntityKind::plan, first->plan_id), first->start.iso()));
    }
  }
  auto before_image = store::to_json(before);
  auto after_image = store::to_json(child);
  if (before_image == after_image) return false;
  store::replace_child(tx, child);
  tx.audit(format_id(EntityKind::child, child.id), before_image, after_image);
  return true;
}

bool update_action(store::WriteTransaction& tx, std::int64_t action_id, const ActionCorrection& correction) {
  auto before = store::get_action(tx.db(), action_id);
  require_open_action(before);
  auto plan = store::get_plan(tx.db(), before.plan_id);
  require_open(plan);
  auto after = corrected(before, correction, plan);
  auto before_image = store::to_json(before);
  auto after_image = store::to_json(after);
  if (before_image == after_image) return false;
  store::correct_action(tx, after);
  tx.audit(format_id(EntityKind::action, action_id), before_image, after_image);
  return true;
}

bool update_plan(store::WriteTransaction& tx, std::int64_t plan_id, const std::optional<std::string>& worker,
                 const std::optional<std::string>& team) {
  auto before = store::get_plan(tx.db(), plan_id);
  require_open(before);
  auto after = before;
  if (worker) after.lead_worker = model::require_text(*worker, "worker");
  if (team) after.team = model::require_text(*team, "team");
  auto before_image = store::to_json(before);
  auto after_image = store::to_json(after);
  if (before_image == after_image) return false;
  store::correct_plan_worker(tx, plan_id, after.lead_worker, after.team);
  tx.audit(format_id(EntityKind::plan, plan_id), before_image, after_image);
  return true;
}

Reassigned held_by(store::Database& db, const std::string& worker, const std::optional<std::string>& agency) {
  return {static_cast<long>(store::open_actions_of_owner(db, worker, agency).size()),
          static_cast<long>(store::open_plans_of_worker(db, worker).size())};
}

Reassigned reassign(store::WriteTransaction& tx, const std::string& from, const std::string& to,
                    const std::optional<std::string>& agency) {
  auto& db = tx.db();
  auto old_name = model::require_text(from, "from");
  auto new_name = model::require_text(to, "to");
  if (old_name == new_name) throw InvalidInput("to", new_name, "is the worker given as --from");
  if (agency) require_agency(*agency, "agency");
  auto actions = store::open_actions_of_owner(db, old_name, agency);
  auto plans = store::open_plans_of_worker(db, old_name);
  if (actions.empty() && plans.empty())
    throw NotFound(fmt::format("'{}' owns no open action{} and leads no open plan", old_name,
                               agency ? fmt::format(" of agency '{}'", *agency) : ""));
  Reassigned done;
  for (auto id : actions)
    done.actions += update_action(tx, id, {.what = {}, .owner = new_name, .agency = {}, .due = {}}) ? 1 : 0;
  for (auto id : plans) done.plans += update_plan(tx, id, new_name, std::nullopt) ? 1 : 0;
  return done;
}

}  // namespace ics::record
