// One row of an assessments file: start-assessment's rules (an episode that holds more than its
// referral, dated within it, one open assessment at a time) and complete-assessment's (on or after
// the start, factors from the list, 21 alone) for an assessment that may already be completed.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/episodes.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ics::io {

Outcome import_assessment_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto assessment = assessment_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  assessment.id = id.value_or(0);
  auto episode = episode_of(db, assessment.episode_id);
  record::require_not_nfa(episode, "an assessment");
  record::require_within_episode(episode, assessment.start_date, "start_date");
  record::require_not_after_death(db, episode.child_id, assessment.start_date, "start_date");
  if (assessment.completed_date) {
    record::require_within_episode(episode, *assessment.completed_date, "completed_date");
    record::require_completed_after_start(assessment, *assessment.completed_date, "completed_date");
    record::require_not_after_death(db, episode.child_id, *assessment.completed_date, "completed_date");
    assessment.factors = record::require_factors(assessment.factors, "factors");
  } else {
    if (!assessment.factors.empty())
      throw InvalidInput("factors", fmt::format("{}", fmt::join(assessment.factors, ",")),
                         "must be left blank for an assessment not completed");
    record::require_episode_open(episode);
    auto open = store::open_assessment_of_episode(db, episode.id);
    if (open && *open != assessment.id) record::require_no_open_assessment(db, episode, "episode_id");
  }

  if (held) return audited_update(ctx, assessment.id, [&] { store::replace_assessment(ctx.tx, assessment); });
  return audited_insert(ctx, [&] {
    return store::insert_assessment_with_id(ctx.tx, assessment, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
