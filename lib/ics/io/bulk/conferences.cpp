// One row of a conferences file: record-conference's rules (of its enquiry, or a transfer-in of the
// episode; not before the enquiry's start, not on a weekend, dated within the episode). A conference
// with outcome plan opens no plan here: the plan is a row of the plans file naming it.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/store/bulk.hpp>
#include <ics/util/error.hpp>

namespace ics::io {

Outcome import_conference_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto conference = conference_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  conference.id = id.value_or(0);
  [[maybe_unused]] auto episode = episode_of(db, conference.episode_id);

  if (held) return audited_update(ctx, conference.id, [&] { store::replace_conference(ctx.tx, conference); });
  return audited_insert(ctx, [&] {
    return store::insert_conference_with_id(ctx.tx, conference, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
