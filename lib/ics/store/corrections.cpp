#include <ics/store/corrections.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

namespace {
std::vector<std::int64_t> ids_of(SQLite::Statement& q) {
  std::vector<std::int64_t> ids;
  while (step(q)) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}
}  // namespace

void correct_plan_worker(WriteTransaction& tx, std::int64_t plan_id, const std::optional<std::string>& worker,
                         const std::optional<std::string>& team) {
  auto& q = statement(tx.db(), "correct_plan_worker");
  q.bind(1, plan_id);
  bind_optional(q, 2, worker);
  bind_optional(q, 3, team);
  exec(q);
}

void correct_action(WriteTransaction& tx, const model::Action& action) {
  auto& q = statement(tx.db(), "correct_action");
  q.bind(1, action.id);
  q.bind(2, action.what);
  q.bind(3, action.owner);
  q.bind(4, action.agency);
  q.bind(5, action.due_date.iso());
  exec(q);
}

std::vector<std::int64_t> open_actions_of_owner(Database& db, const std::string& owner,
                                                const std::optional<std::string>& agency) {
  auto& q = statement(db, "open_actions_of_owner");
  q.bind(1, owner);
  bind_optional(q, 2, agency);
  return ids_of(q);
}

std::vector<std::int64_t> open_plans_of_worker(Database& db, const std::string& worker) {
  auto& q = statement(db, "open_plans_of_worker");
  q.bind(1, worker);
  return ids_of(q);
}

std::optional<PlanStart> first_plan_of_child(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "first_plan_of_child");
  q.bind(1, child_id);
  if (!step(q)) return std::nullopt;
  auto start = optional_date(q.getColumn(1));
  if (!start) return std::nullopt;
  return PlanStart{q.getColumn(0).getInt64(), *start};
}

}  // namespace ics::store
