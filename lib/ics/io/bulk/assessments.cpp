// One row of an assessments file: start-assessment's rules (an episode that holds more than its
// referral, dated within it, one open assessment at a time) and complete-assessment's (factors from
// the list, 21 alone).
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/store/bulk.hpp>
#include <ics/util/error.hpp>

namespace ics::io {

Outcome import_assessment_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto assessment = assessment_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  assessment.id = id.value_or(0);
  [[maybe_unused]] auto episode = episode_of(db, assessment.episode_id);

  if (held) return audited_update(ctx, assessment.id, [&] { store::replace_assessment(ctx.tx, assessment); });
  return audited_insert(ctx, [&] {
    return store::insert_assessment_with_id(ctx.tx, assessment, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
