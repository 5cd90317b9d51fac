#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/children.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/records.hpp>

namespace ics::record {

using model::EntityKind;
using model::format_id;

std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today) {
  model::validate_child(child, today);
  require_identifiers_unheld(tx.db(), child, 0, {"NHS number", "UPN", "legacy reference"});
  child.id = store::insert_child(tx, child);
  tx.audit(format_id(EntityKind::child, child.id), std::nullopt, store::to_json(child));
  return child.id;
}

}  // namespace ics::record
