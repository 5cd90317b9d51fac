// One row of an enquiries file: start-enquiry's rules (an episode that holds more than its referral,
// dated within it, one open enquiry at a time; the conference target counted from the start) and
// end-enquiry's.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
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
  [[maybe_unused]] auto episode = episode_of(db, enquiry.episode_id);
  enquiry.conference_target = calendar_named(ctx, "england-and-wales").add_working_days(enquiry.start_date, 15);
  if (fields.conference_target && *fields.conference_target != enquiry.conference_target)
    throw InvalidInput("conference_target", fields.conference_target->iso(),
                       fmt::format("is not 15 working days after the start ({})", enquiry.conference_target.iso()));

  if (held) return audited_update(ctx, enquiry.id, [&] { store::replace_enquiry(ctx.tx, enquiry); });
  return audited_insert(ctx, [&] {
    return store::insert_enquiry_with_id(ctx.tx, enquiry, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
