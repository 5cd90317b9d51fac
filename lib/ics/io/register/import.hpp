#pragma once
// Migrating a legacy register export (DESIGN §8): each registration row becomes one
// child-protection plan, rows of the same person one child, in one transaction with one batch.
//
// Three units, composed by import_register: reading and checking the rows, on a second thread
// (read.hpp, which owns the threads and the prefetching); matching them to children (match.hpp);
// writing them (write.hpp, through store::RegisterWrites). Only the calling thread uses the
// database; the rows are matched on the reading thread when that needs no lookups.
//
// Decisions (also in schemas/mappings/legacy-register.yaml):
// - The file is read once. The input must be seekable (it is read from its start and measured).
// - Rows are written in batches: children, plans and further person ids by one INSERT ... SELECT
//   per 1024 rows (store::RowBatch), and later rows' changes to children merged per child and
//   applied by one UPDATE per 16k children (io::ChildUpdates). New children's ids are chosen by
//   the matcher, from the largest id in the database up.
// - Children are matched as the rows come (ChildMatcher). A later row can show that two children
//   already created are one: the later-created one is deleted, its plans moved to the other, its
//   person id kept as a further reference and its details merged (see "Same child" below).
//   previous_cp_plans of such children, and of children whose rows are not in start order, are
//   counted again at the end. Child ids can therefore have gaps.
// - An import into a database with no children drops the indexes of child and child_ref and
//   builds them again before committing (store::DeferredIndexes).
// - A new child's legacy_id is the person id of its first row; its other person ids new to the
//   database go to child_ref after every row, in the order of their text.
// - Rows are checked in this order, and a rejected row is reported once, with its first reason:
//   field count, ref (empty, or already earlier in the file: the first row with a reference wins,
//   even when it is itself rejected), then, for a ref the database does not hold yet, invalid
//   UTF-8 in any mapped column, family_name empty, start_date missing / unreadable / after today,
//   end_date unreadable / before the start / after today, category missing or unmapped. A row whose
//   ref a plan already has (plan.legacy_ref) is already_imported and is not checked further.
// - Warnings (the row is imported, one count per problem): date_of_birth unreadable (unknown),
//   nhs_number or upn invalid (dropped), sex unmapped (U), and a row whose keys name two children
//   of the database (the plans go to the one found first: in an earlier row, else by person id).
// - Same child: rows sharing the legacy person id (child_ref) or a valid NHS number, transitively;
//   a child already in the database with that person id (child_all_refs) or NHS number is reused
//   as it is (its details are not changed; new person ids are added to it). A new child is created
//   from its first row in the file and takes names, and sex and date of birth where given, from
//   its latest registration (by start date), and an NHS number or UPN from any of its rows.
// - previous_cp_plans: the child's child-protection plans starting before this one (by start date,
//   then file order), counting plans already in the database and earlier rows of this file.
// - Imported plans get no template actions (a legacy register holds none) but do get the
//   template's first review due date. An unmapped de-registration reason becomes 'other'; the
//   source text is always kept in legacy_end_reason.
// - One audit record for the batch ('B<id>', after = the counts), not one per row.
#include <ics/api.hpp>
#include <ics/io/mapping.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/database.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::io {

// A problem with a row: it is rejected (not imported), or imported with a warning.
struct RowIssue {
  bool rejected = false;
  long line = 0;
  std::string ref;     // the row's reference, shown as util::escape_text writes it (a tab as \t)
  std::string field;   // a field of the mapping (e.g. start_date), or "row"
  std::string value;   // as the file has it, shown (util::shown_text)
  std::string reason;  // e.g. "is not a date in the mapping's date formats"
};

struct RegisterCounts {
  long rows_read = 0;  // records after the header, blank ones not counted
  long plans_created = 0;
  long already_imported = 0;
  long rejected = 0;
  long children_created = 0;
  long children_matched = 0;  // children already in the database that received plans
  long warnings = 0;
};

struct ImportProgress {
  long rows = 0;        // rows read so far
  long long bytes = 0;  // bytes of the file read so far
  long long total_bytes = 0;
};

struct RegisterImport {
  std::istream* input = nullptr;  // the export, seekable (read from its start; measured for progress)
  std::string file_name;          // recorded with the batch
  const Mapping* mapping = nullptr;
  const plan::Template* plan_template = nullptr;  // the child-protection template
  const util::Calendar* calendar = nullptr;       // the template's calendar
  util::Date today;
  bool dry_run = false;             // roll back instead of committing
  std::ostream* rejects = nullptr;  // when given: a CSV of rejected rows (line,ref,field,value,reason)
  std::function<void(const RowIssue&)> on_issue;  // every rejection and warning, as found
  // Called at the start, every few thousand rows, after the rows are written, after the indexes
  // are built and last just before the commit; returning false cancels the import
  // (ics::Interrupted is thrown and nothing is written).
  std::function<bool(const ImportProgress&)> on_progress;
};

struct RegisterResult {
  std::optional<std::int64_t> batch_id;  // none for a dry run
  std::string sha256;
  RegisterCounts counts;
};

// Imports the export in one write transaction with its batch and audit record; a dry run rolls
// it back. Throws InvalidInput for a file the mapping cannot read (a missing column, an unclosed
// quote), Interrupted when cancelled; nothing is written then.
RegisterResult import_register(store::Database& db, const store::AuditContext& context,
                               const RegisterImport& request);

// The counts as one JSON object (the batch's `counts`).
std::string counts_json(const RegisterCounts& counts);

}  // namespace ics::io
ICS_API_END
