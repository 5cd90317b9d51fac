#include <ics/io/register/import.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/read.hpp>
#include <ics/io/register/write.hpp>
#include <ics/io/writers.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ics::io {

namespace {

constexpr long k_progress_every = 4096;  // rows between progress reports (and cancellation checks)

// What becomes of each row: the counts, the issues reported and the rejects file, and the
// progress callback that may cancel the import.
class Outcomes {
 public:
  // Every warning is kept with the batch in `writes`.
  Outcomes(const RegisterImport& request, store::RegisterWrites& writes)
      : m_request(request), m_writes(writes) {}

  // Once the file's header is read: starts the rejects file, and asks to go on.
  void begin(const CheckedRows& rows) {
    if (m_request.rejects) *m_request.rejects << "line,ref,field,value,reason\r\n";
    m_total_bytes = rows.total_bytes();
    progress();
  }

  // Whether the row's plan is to be written; counts and reports it.
  bool take(const CheckedRow& row, const CheckedRows& rows) {
    m_bytes = rows.bytes_read();
    if (++counts.rows_read % k_progress_every == 0) progress();
    if (row.ref_issue) return reject(*row.ref_issue);
    if (row.already_imported) {
      ++counts.already_imported;
      return false;
    }
    if (row.row_issue) return reject(*row.row_issue);
    for (const auto& warning : row.warnings) warn(warning);
    using model::EntityKind;
    for (const auto& clash : row.placement.clashes)
      warn(RowIssue{.line = row.line,
                    .ref = util::escape_text(row.ref),
                    .field = clash.field,
                    .value = clash.value,
                    .reason = fmt::format("also names child {} of the database; the plans go to child {}",
                                          model::format_id(EntityKind::child, clash.other),
                                          model::format_id(EntityKind::child, clash.kept))});
    ++counts.plans_created;
    return true;
  }
  // Reports the rows and bytes read so far; throws Interrupted when the callback cancels the import.
  void progress() {
    if (m_request.on_progress && !m_request.on_progress({counts.rows_read, m_bytes, m_total_bytes}))
      throw Interrupted();
  }

  RegisterCounts counts;

 private:
  void warn(const RowIssue& issue) {
    ++counts.warnings;
    m_writes.add(store::RegisterWarning{.line = issue.line,
                                        .ref = issue.ref,
                                        .field = issue.field,
                                        .value = issue.value,
                                        .reason = issue.reason});
    if (m_request.on_issue) m_request.on_issue(issue);
  }
  bool reject(const RowIssue& issue) {
    ++counts.rejected;
    if (auto* out = m_request.rejects) {
      *out << issue.line;
      for (const auto* text : {&issue.ref, &issue.field, &issue.value, &issue.reason}) {
        *out << ',';
        write_csv_field(*out, *text);
      }
      *out << "\r\n";
    }
    if (m_request.on_issue) m_request.on_issue(issue);
    return false;
  }

  const RegisterImport& m_request;
  store::RegisterWrites& m_writes;
  long long m_bytes = 0, m_total_bytes = 0;
};

store::RegisterWrites::Batch batch_of(const RegisterImport& request) {
  const plan::Template& t = *request.plan_template;
  return {.file_name = request.file_name,
          .mapping = request.mapping->text,
          .template_name = t.name,
          .template_hash = t.hash,
          .template_text = t.text,
          .template_version = t.version,
          .plan_kind = t.kind,
          .dry_run = request.dry_run};
}

// The matcher asks the database only what it may hold: nothing when it is empty.
ChildMatcher matcher_for(store::RegisterWrites& writes) {
  ChildMatcher::Lookups lookups;
  if (writes.had_plans())
    lookups.plan_by_ref = [&writes](std::string_view ref) { return writes.plan_has_legacy_ref(ref); };
  if (writes.had_children()) {
    lookups.child_by_person = [&writes](std::string_view key) { return writes.child_by_person(key); };
    lookups.child_by_nhs = [&writes](std::string_view key) { return writes.child_by_nhs(key); };
  }
  return ChildMatcher(std::move(lookups), writes.largest_child_id() + 1);
}

}  // namespace

std::string counts_json(const RegisterCounts& c) {
  nlohmann::ordered_json j;
  j["rows_read"] = c.rows_read;
  j["plans_created"] = c.plans_created;
  j["already_imported"] = c.already_imported;
  j["rejected"] = c.rejected;
  j["children_created"] = c.children_created;
  j["children_matched"] = c.children_matched;
  j["warnings"] = c.warnings;
  return j.dump();
}

RegisterResult import_register(store::Database& db, const store::AuditContext& context,
                               const RegisterImport& request) {
  store::RegisterWrites writes(db, context, batch_of(request));
  ChildMatcher matcher = matcher_for(writes);
  RegisterWriter writer(writes, *request.plan_template, *request.calendar);
  Outcomes outcomes(request, writes);
  std::string sha256;
  {  // the reading unit, which holds every reference read, is gone before the indexes are built
    CheckedRows rows({.input = request.input,
                      .file_name = request.file_name,
                      .mapping = request.mapping,
                      .today = request.today,
                      .categories = request.plan_template->categories},
                     matcher);
    outcomes.begin(rows);
    while (const CheckedRow* row = rows.next())
      if (outcomes.take(*row, rows)) writer.write(row->row, row->placement);
    sha256 = rows.sha256();
  }
  writer.finish_children(matcher);
  RegisterCounts& counts = outcomes.counts;
  counts.children_created = matcher.new_children();
  counts.children_matched = matcher.existing_children();
  outcomes.progress();
  writes.rebuild_indexes();
  outcomes.progress();
  writes.finish(counts_json(counts), sha256);
  RegisterResult result{std::nullopt, sha256, counts};
  if (request.dry_run) return result;  // rolled back as the store's transaction ends
  outcomes.progress();                 // the last chance to cancel: nothing but the commit follows
  writes.commit();
  result.batch_id = writes.batch_id();
  return result;
}

}  // namespace ics::io
