// One row of a reviews file: record-review's rules (plan, kind, date within the plan, a category only
// at a conference of a plan with categories) for a plan that may already be closed; a blank
// next_review_due of a review conference is counted from the plan's template, and a category becomes
// the plan's latest category as record-review makes it.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {

using model::EntityKind;
using model::format_id;

void follow_latest_category(RowContext& ctx, std::int64_t plan_id) {
  record::follow_latest_category(ctx.tx, store::get_plan(ctx.tx.db(), plan_id));
}

}  // namespace

Outcome import_review_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto review = review_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  review.id = id.value_or(0);
  std::optional<model::Review> stored;
  if (held) stored = store::get_review(db, review.id);

  auto plan = plan_of(db, review.plan_id);
  record::require_not_before_start(review.review_date, plan.start_date, "review_date");
  record::require_not_after_death(ctx.tx.db(), plan.child_id, review.review_date, "review_date");
  if (plan.end_date && review.review_date >= *plan.end_date)
    throw InvalidInput(
        "review_date", review.review_date.iso(),
        fmt::format("is not before the end of plan {} ({}, the first day it no longer applies)",
                    format_id(EntityKind::plan, plan.id), plan.end_date->iso()));
  const auto& tmpl = ctx.templates.of_plan(db, plan);
  record::require_review_category(tmpl, plan.kind, review.kind, review.category, "category");
  review.seen = record::require_seen(review.kind, review.seen, "seen");
  review.seen_alone = record::require_seen(review.kind, review.seen_alone, "seen_alone");
  if (review.kind == "review-conference" && !review.next_review_due)
    review.next_review_due = plan::next_review_due_after(tmpl, review.review_date, calendar_of(ctx, tmpl));

  Outcome outcome = held ? audited_update(ctx, review.id, [&] { store::replace_review(ctx.tx, review); })
                         : audited_insert(ctx, [&] { return store::insert_review_with_id(ctx.tx, review); });
  if (review.category || (stored && stored->category)) follow_latest_category(ctx, plan.id);
  if (stored && stored->category && stored->plan_id != plan.id) follow_latest_category(ctx, stored->plan_id);
  return outcome;
}

}  // namespace ics::io
