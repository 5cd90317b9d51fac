#pragma once
// Corrections of what was recorded: a child's details, an action's due date, text, owner and agency,
// a plan's lead worker and team, and every open action and plan of a worker who leaves. Each checks
// the rules that creating the record checks (record/rules.hpp, model/validate.hpp), writes through the
// open transaction and appends an audit record with the images before and after for each record it
// changes. A finished action (done, cancelled) and a closed plan are not corrected (Conflict).
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::record {

// Stores `child` (its id a stored child's, its fields the corrected ones) by add-child's rules: the
// fields validated as for a new child (an expected date of birth already past is kept only when it is
// not changed), its ethnicity a code unless it is the value already held, its NHS number, UPN and legacy
// references held by no other child (Conflict naming the holder), and no plan of the child starting
// before its date of birth. Returns false, writing nothing, when nothing changes.
bool update_child(store::WriteTransaction& tx, model::Child child, util::Date today);

// What an action may be corrected in; a field left empty is kept.
struct ActionCorrection {
  std::optional<std::string> what, owner, agency;
  std::optional<util::Date> due;
};
// Corrects an open action by assign-action's rules (what and owner text, agency a code, due not before
// the plan's start). Returns false, writing nothing, when nothing changes.
bool update_action(store::WriteTransaction& tx, std::int64_t action_id, const ActionCorrection& correction);

// Sets an open plan's lead worker and/or team (text, as open-plan takes them); false when unchanged.
bool update_plan(store::WriteTransaction& tx, std::int64_t plan_id, const std::optional<std::string>& worker,
                 const std::optional<std::string>& team);

// What reassign changed.
struct Reassigned {
  long actions = 0;
  long plans = 0;
};
// What reassign would change: the open actions `worker` owns (of `agency` when given) and the open
// plans they lead. Read before the write begins, for a confirmation.
Reassigned held_by(store::Database& db, const std::string& worker, const std::optional<std::string>& agency);
// Gives every open action of `from` (only of `agency` when given) to `to`, and makes `to` the lead
// worker of every open plan `from` leads. NotFound when `from` holds neither.
Reassigned reassign(store::WriteTransaction& tx, const std::string& from, const std::string& to,
                    const std::optional<std::string>& agency);

}  // namespace ics::record
ICS_API_END
