#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/children.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

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

}  // namespace ics::record
