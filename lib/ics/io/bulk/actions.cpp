// One row of an actions file: assign-action's rules (plan, section of its template, due not before
// its start) and complete/cancel-action's for a finished one; an open action needs an open plan.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {

using model::EntityKind;
using model::format_id;

}  // namespace

Outcome import_action_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto action = action_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  action.id = id.value_or(0);

  auto plan = plan_of(db, action.plan_id);
  record::require_not_before_start(action.due_date, plan.start_date, "due_date");
  if (action.completed_date)
    record::require_not_before_start(*action.completed_date, plan.start_date, "completed_date");
  if (action.completed_date && action.status == "done")
    record::require_not_after_death(db, plan.child_id, *action.completed_date, "completed_date");
  if (action.status == "open" && plan.end_date)
    throw InvalidInput("status", action.status,
                       fmt::format("cannot be open on plan {}, closed on {}",
                                   format_id(EntityKind::plan, plan.id), plan.end_date->iso()));
  if (action.section) record::require_section(ctx.templates.of_plan(db, plan), action.section, "section");
  // A new agency is a code of the list; one stored before the list existed is kept.
  if (!held || store::get_action(db, action.id).agency != action.agency)
    record::require_agency(action.agency, "agency");

  if (held) return audited_update(ctx, action.id, [&] { store::replace_action(ctx.tx, action); });
  return audited_insert(ctx, [&] { return store::insert_action_with_id(ctx.tx, action); });
}

}  // namespace ics::io
