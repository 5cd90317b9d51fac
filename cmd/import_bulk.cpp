// `import children|plans|actions|reviews|episodes|assessments|enquiries|conferences FILE|-`: reads a csv, tsv
// or ndjson file of the export columns and adds or (--on-conflict) skips or replaces the records, all in one
// transaction.
#include "command.hpp"
#include "database_access.hpp"
#include "interrupt.hpp"
#include "render.hpp"
#include "session.hpp"
#include "standard_input.hpp"
#include "terminal.hpp"

#include <ics/io/bulk/import.hpp>
#include <ics/io/writers.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace icsctl {

namespace {

using ics::io::RecordKind;

struct Options {
  std::string file;
  std::string format;
  std::string on_conflict = "error";
  bool skip_invalid = false;
};

std::string describe(const ics::io::RowError& e) {
  std::string text = fmt::format("line {}: ", e.line);
  if (e.field.empty()) return text + e.reason;
  text += fmt::format("'{}' {}", e.field, e.reason);
  if (!e.value.empty()) text += fmt::format(": '{}'", e.value);
  return text;
}

// The summary on stdout for -o csv|tsv|json|ndjson, through the output writers: a header and one row,
// an array of one object (json) or one object line (ndjson).
void print_summary(Session& s, const ics::io::BulkImportOptions& o, const ics::io::BulkImportResult& r) {
  if (!s.machine_output()) return;
  auto out = s.output();
  ics::util::Value batch;
  if (r.batch_id) batch = ics::model::format_id(ics::model::EntityKind::batch, *r.batch_id);
  out->begin({{"kind"},
              {"file"},
              {"format"},
              {"rows_read", "integer"},
              {"created", "integer"},
              {"updated", "integer"},
              {"unchanged", "integer"},
              {"skipped", "integer"},
              {"invalid", "integer"},
              {"batch_id"}});
  out->row({std::string(ics::io::record_plural(o.kind)), o.file_name,
            std::string(ics::io::format_name(o.format)), std::int64_t{r.rows_read}, std::int64_t{r.created},
            std::int64_t{r.updated}, std::int64_t{r.unchanged}, std::int64_t{r.skipped},
            std::int64_t{r.invalid}, batch});
  out->end();
}

// The rows refused and the summary.
void report(Session& s, const ics::io::BulkImportOptions& options, const ics::io::BulkImportResult& result) {
  for (const auto& error : result.errors)
    std::cerr << styled_prefix("error", s.terminal().color(Stream::err)) << describe(error) << '\n';
  print_summary(s, options, result);
}

// The outcome of a committed import: exit 3 when rows were left out (--skip-invalid), else a summary.
void report_committed(Session& s, const ics::io::BulkImportOptions& options,
                      const ics::io::BulkImportResult& result) {
  report(s, options, result);
  // With --skip-invalid the valid rows are written, but a rejected row still means exit 3.
  if (result.invalid > 0)
    throw ics::InvalidInput(
        fmt::format("{} of {} rows of {} are invalid and were not imported; the other {} "
                    "were ({} created, {} updated, {} unchanged, {} skipped; batch {})",
                    result.invalid, result.rows_read, options.file_name, result.rows_read - result.invalid,
                    result.created, result.updated, result.unchanged, result.skipped,
                    ics::model::format_id(ics::model::EntityKind::batch, *result.batch_id)));
  s.info(fmt::format(
      "imported {} from {} ({}): {} rows read, {} created, {} updated, {} unchanged, {} skipped, "
      "{} invalid; batch {}",
      ics::io::record_plural(options.kind), options.file_name, ics::io::format_name(options.format),
      result.rows_read, result.created, result.updated, result.unchanged, result.skipped, result.invalid,
      ics::model::format_id(ics::model::EntityKind::batch, *result.batch_id)));
}

void run_import(Session& s, DatabaseAccess& db, RecordKind kind, const Options& o) {
  refuse_terminal_input(o.file, s.command());
  if (o.on_conflict == "update")
    db.confirm(fmt::format("replace the stored {} that rows of '{}' name (--on-conflict update)",
                           ics::io::record_plural(kind), o.file),
               o.file == "-");
  auto& tx = db.write();  // a missing database is reported before the file is read
  std::ifstream file;
  if (o.file != "-") {
    file.open(o.file, std::ios::binary);
    if (!file) throw ics::NotFound(fmt::format("cannot read '{}': {}", o.file, std::strerror(errno)));
  }
  ics::io::BulkInput input(o.file == "-" ? std::cin : file);

  ics::io::BulkImportOptions options;
  options.kind = kind;
  std::optional<ics::io::BulkFormat> given;
  if (!o.format.empty()) given = ics::io::parse_bulk_format(o.format);
  options.format = ics::io::decide_bulk_format(given, o.file == "-" ? "" : o.file, input.head());
  options.on_conflict = ics::io::parse_on_conflict(o.on_conflict);
  options.skip_invalid = o.skip_invalid;
  options.file_name = o.file == "-" ? "(stdin)" : o.file;
  options.today = s.today();
  options.find_template = [&s](const std::string& name) { return s.templates().find(name); };
  options.calendars = s.calendar_loader();
  ProgressLine progress(s.terminal(), std::cerr, fmt::format("import {}", ics::io::record_plural(kind)));
  std::error_code unknown;  // standard input, a pipe: no percentage
  auto size = o.file == "-" ? 0 : std::filesystem::file_size(o.file, unknown);
  long long total_bytes = unknown ? 0 : static_cast<long long>(size);
  options.progress = [&](long rows, long long bytes) {
    throw_if_interrupted();
    progress.update(rows, bytes, total_bytes);
  };

  auto result = ics::io::import_bulk(tx, input, options);
  progress.clear();

  if (!result.committable) {
    report(s, options, result);
    throw ics::InvalidInput(
        fmt::format("{} of {} rows of {} are invalid: nothing was imported "
                    "(--skip-invalid imports the valid rows)",
                    result.invalid, result.rows_read, options.file_name));
  }
  db.after_commit([&s, options, result] { report_committed(s, options, result); });
}

constexpr const char* k_footer =
    R"(The file has the columns 'icsctl export KIND' writes, in any order, with a header row
(csv, tsv) or one JSON object a line (ndjson; a "record" key as 'export all' writes must name the
kind imported: a line of another kind is an invalid row, so split an 'export all' file first). The
format comes from --format, else the file name (.csv, .tsv, .ndjson, .jsonl), else the first line
(a '{' means ndjson, a tab tsv, anything else csv). Records keep the ids in the id column (C12, E4,
N2, S3, I5, P3, A7, R9); a row with a blank id gets the next free one. A plan's or an episode's
child_id may also be nhs:N, upn:U or ref:R. A blank field is empty; a column the file leaves out is
empty for a new record and keeps its value under --on-conflict update. A blank previous_cp_plans is
counted as open-plan counts it. Import a database in the order 'icsctl export --help' gives.

Every row is checked with the rules of the single commands: add-child; open-referral and
close-episode (episodes: codes from the lists, a child's episodes never overlap, a no-further-action
episode holds nothing but its referral); start- and complete-assessment (assessments: one open at a
time, factors as codes joined by ','); start- and end-enquiry (enquiries: one open at a time; a blank
conference_target is counted as start + 15 working days, a given one must equal it);
record-conference (conferences: not before the enquiry's start, not on a weekend; outcome plan or
no-plan: the plan itself is a row of the plans file naming the conference_id); open-plan (plans: an
episode_id, else the child's open episode or a new one, as open-plan files it; a child protection
plan starts on the date of its conference); assign-action, complete-action, cancel-action (an
agency from the list); record-review (seen and seen_alone yes or no, at a visit) and close-plan.
Everything in an episode is dated within it. Plans name a template found in the template folders (or
a stored version of it) and create no actions; plans of one kind of one child may not overlap (rows
earlier in the file count); a blank first_review_due, and a review conference's blank
next_review_due, are counted from the template as open-plan and record-review count them. Reviews
must fall within their plan (from its start, before its end). Bad rows are listed with their line
numbers and nothing is written (exit 3); with --skip-invalid the valid rows are written and the bad
ones listed, and the exit code is still 3. A row whose record exists (same id; for a child also the
same NHS number) is an error, or is skipped, or replaces the record (--on-conflict update; an
identical row counts as unchanged). The whole file is one transaction with one audit record per
record written; the batch (file, SHA-256, counts) is recorded, new records point at it and their
line, and every record written is recorded as entered on the batch's date.
-o json prints the summary on stdout as an array of one object (-o ndjson: one object line; csv, tsv:
a header and one row) with kind, file, format, rows_read, created, updated, unchanged, skipped,
invalid and batch_id (null when nothing was written).)";

void set_up(CLI::App& app, Runner& run, RecordKind kind) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->file, "the file to read, or - for standard input")->required();
  app.add_option("--format", o->format, "csv, tsv or ndjson (default: from the file name or first line)")
      ->check(CLI::IsMember({"csv", "tsv", "ndjson"}));
  app.add_option("--on-conflict", o->on_conflict, "a row whose record exists: error (default), skip, update")
      ->check(CLI::IsMember({"error", "skip", "update"}));
  app.add_flag("--skip-invalid", o->skip_invalid,
               "write the valid rows even when some are invalid (still exit 3)");
  app.footer(k_footer);
  run = [o, kind](Session& s, DatabaseAccess& db) { run_import(s, db, kind, *o); };
}

}  // namespace

void register_import_children(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::child);
}

void register_import_plans(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::plan);
}

void register_import_actions(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::action);
}

void register_import_reviews(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::review);
}

void register_import_episodes(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::episode);
}

void register_import_assessments(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::assessment);
}

void register_import_enquiries(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::enquiry);
}

void register_import_conferences(CLI::App& app, Runner& run) {
  set_up(app, run, RecordKind::conference);
}

}  // namespace icsctl
