#pragma once
// Bulk import of any record kind (children, episodes, assessments, enquiries, conferences, plans,
// actions, reviews) from a csv, tsv or ndjson file of the export columns.
#include <ics/api.hpp>
#include <ics/io/bulk/format.hpp>
#include <ics/io/bulk/input.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::io {

// What to do with a row whose record already exists (same id; for a child also the same NHS number).
enum class OnConflict { error, skip, update };

// "error", "skip" or "update"; throws InvalidInput naming `field` otherwise.
OnConflict parse_on_conflict(std::string_view name, std::string_view field = "on-conflict");

struct BulkImportOptions {
  RecordKind kind = RecordKind::child;
  BulkFormat format = BulkFormat::csv;
  OnConflict on_conflict = OnConflict::error;
  bool skip_invalid = false;  // write the valid rows even when some are invalid
  std::string file_name;      // recorded with the batch
  util::Date today;
  // The plan template of a name (plans only); throws NotFound or InvalidInput.
  using TemplateFinder = std::function<plan::Template(const std::string& name)>;
  TemplateFinder find_template;
  // The working-day calendar of a name, for the due dates a row leaves blank (a plan's first review, a
  // review conference's next one); when unset, the built-in calendars.
  plan::CalendarLoader calendars;
  // Called every 1000 rows and after the last with the rows and bytes read so far; may throw
  // Interrupted. The caller commits: it asks once more right before.
  std::function<void(long rows, long long bytes)> progress;
};

struct BulkImportResult {
  long rows_read = 0;
  long created = 0;
  long updated = 0;
  long unchanged = 0;  // --on-conflict update of a row equal to the record
  long skipped = 0;    // --on-conflict skip
  long invalid = 0;
  std::vector<RowError> errors;          // one per invalid row, in file order
  std::optional<std::int64_t> batch_id;  // set when the import may be committed
  std::string sha256;                    // of the whole file
  bool committable = false;              // nothing invalid, or skip_invalid
  // The counts as a JSON object (for the batch record).
  std::string counts_json() const;
};

// Reads every row of `input` and writes the valid ones through `tx`, each with an audit record, and
// records the batch (created children and plans point at it and their source line). Rows are checked
// with the rules of the single commands; a bad row is collected in `errors`, never thrown. Does not
// commit: the caller commits when `committable`, else lets the transaction roll back.
BulkImportResult import_bulk(store::WriteTransaction& tx, BulkInput& input, const BulkImportOptions& options);

}  // namespace ics::io
ICS_API_END
