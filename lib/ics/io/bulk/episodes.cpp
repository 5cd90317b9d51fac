// One row of an episodes file: open-referral's rules (child, date, codes, no overlapping episodes, at
// most one open) for an episode that may already be closed, and close-episode's (a reason from the
// list, everything in it finished and dated within it). An episode made for a plan (made_by
// open-plan, migration or register) may leave its source and need blank, as those commands leave them.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <array>

namespace ics::io {

namespace {

constexpr std::array<std::string_view, 3> k_makers = {"open-plan", "migration", "register"};

}  // namespace

Outcome import_episode_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto fields = episode_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  auto& episode = fields.episode;
  episode.id = id.value_or(0);
  episode.child_id = child_of(db, fields.child);
  auto child = store::get_child(db, episode.child_id);
  record::require_referral_after_conception(child, episode.referral_date, "referral_date");
  record::require_not_after_death(db, child.id, episode.referral_date, "referral_date");
  if (episode.closure_date)
    record::require_not_after_death(db, child.id, *episode.closure_date, "closure_date");
  if (episode.made_by) {
    model::require_code(*episode.made_by, k_makers, "made_by");
    if (episode.referral_source)
      model::require_listed(*episode.referral_source, "referral-source", "referral_source");
    if (episode.primary_need) record::require_primary_need(episode.nfa, episode.primary_need, "primary_need");
  } else {
    record::require_referral_source(episode.referral_source.value_or(""), "referral_source");
    record::require_primary_need(episode.nfa, episode.primary_need, "primary_need");
  }
  record::require_no_episode_overlap(
      db, {episode.child_id, episode.referral_date, episode.closure_date, episode.nfa, held ? episode.id : 0},
      "child_id", "referral_date");
  if (episode.closure_date)
    record::require_closable(db, episode, *episode.closure_date, *episode.closure_reason, ctx.options.today,
                             "closure_date", "closure_reason");

  if (held) return audited_update(ctx, episode.id, [&] { store::replace_episode(ctx.tx, episode); });
  return audited_insert(ctx, [&] {
    return store::insert_episode_with_id(ctx.tx, episode, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
