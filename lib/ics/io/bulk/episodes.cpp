// One row of an episodes file: open-referral's rules (child, date, codes, no overlapping episodes, at
// most one open) for an episode that may already be closed, and close-episode's (a reason from the
// list, everything in it finished and dated within it).
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

namespace ics::io {

Outcome import_episode_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto fields = episode_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  auto& episode = fields.episode;
  episode.id = id.value_or(0);
  episode.child_id = child_of(db, fields.child);

  if (held) return audited_update(ctx, episode.id, [&] { store::replace_episode(ctx.tx, episode); });
  return audited_insert(ctx, [&] {
    return store::insert_episode_with_id(ctx.tx, episode, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
