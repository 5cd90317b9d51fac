// One row of a conferences file: record-conference's rules (of its enquiry, which it ends, or a
// transfer-in of the episode; not before the enquiry's start, not on a weekend, dated within the
// episode). A conference with outcome plan opens no plan here: the plan is a row of the plans file
// naming it.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/episodes.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {

using model::EntityKind;
using model::format_id;

store::EnquiryRow enquiry_of(store::Database& db, std::int64_t enquiry_id) {
  try {
    return store::get_enquiry(db, enquiry_id);
  } catch (const NotFound&) {
    throw InvalidInput("enquiry_id", format_id(EntityKind::enquiry, enquiry_id),
                       "is not an enquiry in the database");
  }
}

}  // namespace

Outcome import_conference_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto conference = conference_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);
  conference.id = id.value_or(0);
  auto episode = episode_of(db, conference.episode_id);
  record::require_not_nfa(episode, "a conference");
  record::require_within_episode(episode, conference.conference_date, "conference_date");
  record::require_not_after_death(db, episode.child_id, conference.conference_date, "conference_date");
  std::optional<store::EnquiryRow> enquiry;
  if (conference.enquiry_id) {
    enquiry = enquiry_of(db, conference.enquiry_id);
    auto name = format_id(EntityKind::enquiry, conference.enquiry_id);
    if (enquiry->enquiry.episode_id != episode.id)
      throw InvalidInput("enquiry_id", name,
                         fmt::format("is an enquiry of episode {}, not of {}",
                                     format_id(EntityKind::episode, enquiry->enquiry.episode_id),
                                     format_id(EntityKind::episode, episode.id)));
    if (enquiry->enquiry.end_date)
      throw InvalidInput(
          "enquiry_id", name,
          fmt::format("ended on {} with no conference needed", enquiry->enquiry.end_date->iso()));
    if (enquiry->conference_date &&
        !(held && store::get_conference(db, conference.id).enquiry_id == enquiry->enquiry.id))
      throw InvalidInput("enquiry_id", name,
                         fmt::format("already has its conference, on {}", enquiry->conference_date->iso()));
  }
  record::require_conference_date(conference.conference_date, enquiry ? &enquiry->enquiry : nullptr,
                                  "conference_date");
  conference.outcome = record::require_conference_outcome(conference.outcome, "outcome");

  if (held) return audited_update(ctx, conference.id, [&] { store::replace_conference(ctx.tx, conference); });
  return audited_insert(ctx, [&] {
    return store::insert_conference_with_id(ctx.tx, conference, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
