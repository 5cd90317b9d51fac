// One row of an enquiries file: start-enquiry's rules (an episode that holds more than its referral,
// dated within it, one open enquiry at a time and none within another; the conference target 15
// working days after the start by the child-protection template's calendar, as start-enquiry counts
// it) and end-enquiry's. An enquiry with no end_date may be ended by its conference, a row of the
// conferences file.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

Outcome import_enquiry_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto fields = enquiry_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  auto& enquiry = fields.enquiry;
  enquiry.id = id.value_or(0);
  auto episode = episode_of(db, enquiry.episode_id);
  record::require_not_nfa(episode, "a section 47 enquiry");
  record::require_within_episode(episode, enquiry.start_date, "start_date");
  record::require_not_after_death(db, episode.child_id, enquiry.start_date, "start_date");
  if (!held) record::require_enquiry_may_start(db, episode, enquiry.start_date, "episode_id");
  if (enquiry.end_date) {
    record::require_within_episode(episode, *enquiry.end_date, "end_date");
    record::require_enquiry_end(enquiry, *enquiry.end_date, "end_date");
    record::require_not_after_death(db, episode.child_id, *enquiry.end_date, "end_date");
  }
  enquiry.conference_target =
      record::conference_target(enquiry.start_date, enquiry_calendar(ctx), "start_date");
  if (fields.conference_target && *fields.conference_target != enquiry.conference_target)
    throw InvalidInput(
        "conference_target", fields.conference_target->iso(),
        fmt::format("is not 15 working days after the start ({})", enquiry.conference_target.iso()));

  if (held) return audited_update(ctx, enquiry.id, [&] { store::replace_enquiry(ctx.tx, enquiry); });
  return audited_insert(ctx, [&] {
    return store::insert_enquiry_with_id(ctx.tx, enquiry, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
