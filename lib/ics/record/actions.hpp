#pragma once
// A plan's actions: assigning one, completing or cancelling it, with their audit records.
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::record {

struct NewAction {
  std::int64_t plan_id = 0;
  std::string what;
  std::string owner;
  std::string agency;
  util::Date due;
  std::optional<std::string> section;
};
std::int64_t assign_action(store::WriteTransaction& tx, const NewAction& action);

void complete_action(store::WriteTransaction& tx, std::int64_t action_id, util::Date on, util::Date today);
void cancel_action(store::WriteTransaction& tx, std::int64_t action_id, const std::string& reason,
                   util::Date today);
// Cancels every open action of the plan on `on` (the plan is closing), each with its audit record.
void cancel_open_actions(store::WriteTransaction& tx, std::int64_t plan_id, util::Date on,
                         const std::string& reason);

}  // namespace ics::record
ICS_API_END
