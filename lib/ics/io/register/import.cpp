#include <ics/io/register/import.hpp>
#include <ics/io/register/input.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/pipeline.hpp>
#include <ics/io/register/write.hpp>
#include <ics/io/writers.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/bulk_load.hpp>
#include <ics/store/deferred_indexes.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace ics::io {

namespace {

constexpr long k_progress_every = 4096;  // rows between progress reports (and cancellation checks)

class Import {
 public:
  Import(store::Database& db, const RegisterImport& request);

  // Reads, checks and writes every row in one pass over the file.
  void run(RegisterWriter& writer);
  // Whether the database had children when the import began (inside its transaction).
  bool db_has_children() const { return m_db_has_children; }
  // Asks the caller whether to go on (after each phase, and right before the commit).
  void poll() { progress(counts.rows_read, m_total_bytes); }

  RegisterCounts counts;
  std::string sha256;

 private:
  void measure_input();
  std::vector<std::string> header(ExportReader& reader);
  void progress(long rows, long long bytes);
  void report(const RowIssue& issue);
  void reject(const RowIssue& issue);
  void import(const CheckedRow& checked, RegisterWriter& writer);
  const ChildMatcher::Placement& place(const RegisterRow& row);

  store::Database& m_db;
  const RegisterImport& m_request;
  bool m_db_has_plans, m_db_has_children;
  // Rows can be matched on the reading thread when placing them needs nothing from the
  // database: no row can be already imported, and no child found there.
  bool m_match_while_reading;
  ChildMatcher m_matcher;
  long long m_total_bytes = 0;
};

ChildMatcher matcher_for(store::Database& db, bool db_has_children) {
  std::int64_t first_new_id = largest_child_id(db) + 1;
  if (!db_has_children) return ChildMatcher({}, {}, first_new_id);
  return ChildMatcher([&db](std::string_view key) { return child_by_person(db, key); },
                      [&db](std::string_view key) { return child_by_nhs(db, key); }, first_new_id);
}

Import::Import(store::Database& db, const RegisterImport& request)
    : m_db(db),
      m_request(request),
      m_db_has_plans(has_any_plan(db)),
      m_db_has_children(has_any_child(db)),
      m_match_while_reading(!m_db_has_plans && !m_db_has_children),
      m_matcher(matcher_for(db, m_db_has_children)) {}

std::string_view nhs_of(const RegisterRow& row) {
  return row.nhs_number ? std::string_view(*row.nhs_number) : std::string_view();
}

const ChildMatcher::Placement& Import::place(const RegisterRow& row) {
  return m_matcher.add_row(row.child_ref, nhs_of(row), row.start);
}

// Reads the input from its start, and measures it for progress.
void Import::measure_input() {
  auto& in = *m_request.input;
  in.clear();
  in.seekg(0, std::ios::end);
  m_total_bytes = std::max<long long>(0, static_cast<long long>(in.tellg()));
  in.seekg(0);
  if (!in) throw StorageError(fmt::format("cannot read '{}' from its start", m_request.file_name));
}

void Import::progress(long rows, long long bytes) {
  if (m_request.on_progress && !m_request.on_progress({rows, bytes, m_total_bytes})) throw Interrupted();
}

void Import::report(const RowIssue& issue) {
  if (m_request.on_issue) m_request.on_issue(issue);
}

void Import::reject(const RowIssue& issue) {
  ++counts.rejected;
  if (auto* out = m_request.rejects) {
    *out << issue.line;
    for (const auto* text : {&issue.ref, &issue.field, &issue.value, &issue.reason}) {
      *out << ',';
      write_csv_field(*out, *text);
    }
    *out << "\r\n";
  }
  report(issue);
}

std::vector<std::string> Import::header(ExportReader& reader) {
  std::vector<std::string> fields;
  if (!reader.next(fields)) throw InvalidInput("file", m_request.file_name, "has no header row");
  return fields;
}

// A row that passed every check: its child is found or made, and its plan written.
void Import::import(const CheckedRow& checked, RegisterWriter& writer) {
  for (const auto& warning : checked.warnings) {
    ++counts.warnings;
    report(warning);
  }
  const RegisterRow& row = checked.row;
  const auto& placement = m_match_while_reading ? checked.placement : place(row);
  using model::EntityKind;
  for (const auto& clash : placement.clashes) {
    ++counts.warnings;
    report(RowIssue{false, checked.line, row.ref, clash.field, clash.value,
                    fmt::format("also names child {} of the database; the plans go to child {}",
                                model::format_id(EntityKind::child, clash.other),
                                model::format_id(EntityKind::child, clash.kept))});
  }
  writer.write(row, placement);
  ++counts.plans_created;
}

void Import::run(RegisterWriter& writer) {
  measure_input();
  util::Sha256 hash;
  ExportReader reader(*m_request.input, m_request.mapping->encoding, &hash);
  RowChecker checker(*m_request.mapping, header(reader), m_request.today,
                     m_request.plan_template->categories);
  if (m_request.rejects) *m_request.rejects << "line,ref,field,value,reason\r\n";
  CheckedRows::Hook match;
  if (m_match_while_reading) {
    match = [this, reserved = false](std::span<CheckedRow> rows, std::size_t expected_rows) mutable {
      if (expected_rows > 0 && !reserved) {
        m_matcher.reserve(expected_rows);
        reserved = true;
      }
      auto importable = [](const CheckedRow& row) { return !row.ref_issue && !row.row_issue; };
      auto fetch = [&](std::size_t i) {
        if (importable(rows[i])) m_matcher.prefetch(rows[i].row.child_ref, nhs_of(rows[i].row));
      };
      visit_fetching_ahead(rows.size(), fetch, [&](std::size_t i) {
        if (importable(rows[i])) rows[i].placement = place(rows[i].row);
      });
    };
  }
  progress(0, 0);
  CheckedRows rows(reader, checker, m_total_bytes, match);
  while (const CheckedRow* checked = rows.next()) {
    if (++counts.rows_read % k_progress_every == 0) progress(counts.rows_read, rows.bytes_read());
    if (checked->ref_issue) {
      reject(*checked->ref_issue);
      continue;
    }
    if (m_db_has_plans && plan_has_ref(m_db, checked->ref)) {
      ++counts.already_imported;
      continue;
    }
    if (checked->row_issue) {
      reject(*checked->row_issue);
      continue;
    }
    import(*checked, writer);
  }
  progress(counts.rows_read, rows.bytes_read());
  sha256 = hash.hex_digest();
  writer.finish_children(m_matcher);
  counts.children_created = m_matcher.new_children();
  counts.children_matched = m_matcher.existing_children();
  progress(counts.rows_read, rows.bytes_read());
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
  try {
    db.query("register_cache_size").exec();
    // Every row the plans and children point at is made by this import or read from the database.
    // The journal mode can only change outside a transaction, so this asks about plans before the
    // transaction; Import asks again inside it, where the answer holds until the commit.
    store::BulkLoad load(db, {.rollback_journal = !request.dry_run && !has_any_plan(db)});
    store::WriteTransaction tx(db, context);
    Import import(db, request);
    // A migration into a database with no children builds the indexes of child and child_ref
    // afresh after the rows rather than inserting into them row by row.
    std::optional<store::DeferredIndexes> deferred;
    if (!import.db_has_children()) deferred.emplace(tx, std::vector<std::string>{"child", "child_ref"});
    RegisterWriter writer(tx, request);
    import.run(writer);
    if (deferred) {
      deferred->rebuild();
      import.poll();
    }
    writer.finish(import.counts, import.sha256);
    RegisterResult result{std::nullopt, import.sha256, import.counts};
    import.poll();  // the last chance to cancel: only the commit follows
    if (!request.dry_run) {
      tx.commit();
      result.batch_id = writer.batch_id();
    }
    return result;  // a dry run rolls back as the transaction ends
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("import failed: {}", e.what()));
  }
}

}  // namespace ics::io
