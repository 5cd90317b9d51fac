// One row of a children file: add-child's rules (and record-death's for a date of death); a row naming a
// child by the NHS number it holds is that child under --on-conflict update.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {
std::string child_name(std::int64_t id) {
  return model::format_id(model::EntityKind::child, id);
}
}  // namespace

Outcome import_child_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  // The record this row is: the child with its id, or (no id given) the child holding its NHS number.
  std::optional<std::int64_t> existing;
  if (held) existing = id;
  auto nhs = row.blank("nhs_number") ? std::nullopt : model::normalise_nhs_number(row.text("nhs_number"));
  if (nhs) {
    auto holder = store::child_id_by_nhs(db, *nhs);
    if (holder && holder != id) {
      bool by_nhs = !id;
      if (!held && ctx.options.on_conflict == OnConflict::skip) return Outcome::skipped;
      if (by_nhs && ctx.options.on_conflict == OnConflict::update) {
        existing = holder;
      } else {
        throw InvalidInput("nhs_number", *nhs,
                           fmt::format("is already held by child {}{}", child_name(*holder),
                                       by_nhs ? " (--on-conflict skip or update accepts it)" : ""));
      }
    }
  }
  auto child = child_from_row(existing ? with_record(ctx, row, *existing) : row, ctx.options.today);
  std::optional<model::Child> stored;
  if (existing) stored = store::get_child(db, *existing);
  child.ethnicity =
      record::require_ethnicity(child.ethnicity, stored ? stored->ethnicity : std::nullopt, "ethnicity");
  record::require_identifiers_unheld(db, child, existing.value_or(0), {"nhs_number", "upn", "refs"});
  // A death recorded (or moved earlier) by the file contradicts nothing the child holds, as record-death.
  if (stored && child.date_of_death && child.date_of_death != stored->date_of_death)
    record::require_nothing_after(db, *existing, *child.date_of_death, "date_of_death");

  if (existing) {
    child.id = *existing;
    return audited_update(ctx, child.id, [&] { store::replace_child(ctx.tx, child); });
  }
  child.id = id.value_or(0);
  return audited_insert(ctx, [&] {
    return store::insert_child_with_id(ctx.tx, child, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
