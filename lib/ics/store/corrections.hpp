#pragma once
// The writes and look-ups of corrections (record/corrections.hpp): a plan's lead worker and team, an
// action's fields, what a worker holds, and a child's first plan. Private to lib/.
#include <ics/model/types.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ics::store {

void correct_plan_worker(WriteTransaction& tx, std::int64_t plan_id, const std::optional<std::string>& worker,
                         const std::optional<std::string>& team);
// Its what, owner, agency and due date, as `action` holds them.
void correct_action(WriteTransaction& tx, const model::Action& action);
// The open actions whose owner is `owner`, only of `agency` when given.
std::vector<std::int64_t> open_actions_of_owner(Database& db, const std::string& owner,
                                                const std::optional<std::string>& agency);
// The open plans whose lead worker is `worker`.
std::vector<std::int64_t> open_plans_of_worker(Database& db, const std::string& worker);
// The child's plan that starts first, and its start.
struct PlanStart {
  std::int64_t plan_id = 0;
  util::Date start;
};
std::optional<PlanStart> first_plan_of_child(Database& db, std::int64_t child_id);

}  // namespace ics::store
