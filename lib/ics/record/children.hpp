#pragma once
// A child's record: adding a child, and recording its death, with their audit records.
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <vector>

ICS_API_BEGIN
namespace ics::record {

// Validates and adds a child; a child whose NHS number, UPN or legacy reference is already held is
// refused (Conflict). Its ethnicity must be a code of schemas/codes/ethnicity.yaml.
std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today);

// What record_death ended.
struct DeathEnds {
  std::vector<std::int64_t> plans;     // closed on the date of death, reason "died"
  std::vector<std::int64_t> episodes;  // closed on the date of death, reason RC2 (died)
};
// Records the child's death on `date` (not after today, not before its birth) and ends what must end:
// every open plan closes that day with reason "died" (its open actions cancelled, as close-plan
// does) and every open episode closes that day with reason RC2, by every rule of close-plan and
// close-episode. Refused when the death is already recorded (Conflict), when a record of the child is
// dated after it (rules.hpp require_nothing_after), or when an open episode holds an assessment or an
// enquiry still open (Conflict naming them: they are not completed for the user).
DeathEnds record_death(store::WriteTransaction& tx, std::int64_t child_id, util::Date date, util::Date today);

}  // namespace ics::record
ICS_API_END
