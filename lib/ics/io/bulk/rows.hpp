#pragma once
// Internal to bulk import: what one row of each kind does to the database, and the steps they share
// (the --on-conflict decision, writing with its audit record).
#include <ics/io/bulk/import.hpp>
#include <ics/io/bulk/reader.hpp>
#include <ics/io/bulk/templates.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace ics::io {

enum class Outcome { created, updated, unchanged, skipped };

struct RowContext {
  store::WriteTransaction& tx;
  const BulkImportOptions& options;
  std::int64_t batch_id;
  TemplateResolver& templates;
  std::map<std::string, util::Calendar> calendars;  // loaded once each, by calendar_of
  std::optional<std::string> enquiry_calendar;      // the name, found once by enquiry_calendar()
};

// The working-day calendar of a name, or the one a template names (options.calendars, else the
// built-in one), loaded once.
const util::Calendar& calendar_named(RowContext& ctx, const std::string& name);
const util::Calendar& calendar_of(RowContext& ctx, const plan::Template& tmpl);
// The calendar an enquiry's conference target is counted by: the child-protection template's, as
// start-enquiry counts it.
const util::Calendar& enquiry_calendar(RowContext& ctx);

// Each checks the row against the database and writes it; throws InvalidInput for a bad row.
Outcome import_child_row(RowContext& ctx, const BulkRow& row);
Outcome import_plan_row(RowContext& ctx, const BulkRow& row);
Outcome import_action_row(RowContext& ctx, const BulkRow& row);
Outcome import_review_row(RowContext& ctx, const BulkRow& row);
Outcome import_episode_row(RowContext& ctx, const BulkRow& row);
Outcome import_assessment_row(RowContext& ctx, const BulkRow& row);
Outcome import_enquiry_row(RowContext& ctx, const BulkRow& row);
Outcome import_conference_row(RowContext& ctx, const BulkRow& row);

// The row with the columns its file lacks taken from the record `id` (for an update: a column left
// out keeps its value, a blank one clears it).
BulkRow with_record(RowContext& ctx, const BulkRow& row, std::int64_t id);
// Whether the record `id` of the row's kind exists.
bool record_exists(RowContext& ctx, std::int64_t id);
// For a row matching the existing record `id`: throws under --on-conflict error, true under skip,
// false under update.
bool skip_existing(RowContext& ctx, std::int64_t id);
// Writes a new record (`insert` returns its id) and audits it.
Outcome audited_insert(RowContext& ctx, const std::function<std::int64_t()>& insert);
// Replaces the record `id` (by `update`) and audits it; unchanged when the row equals the record.
Outcome audited_update(RowContext& ctx, std::int64_t id, const std::function<void()>& update);

}  // namespace ics::io
