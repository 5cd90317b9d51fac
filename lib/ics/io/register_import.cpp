#include <ics/io/register_import.hpp>
#include <ics/io/register_import_input.hpp>
#include <ics/io/register_import_keys.hpp>
#include <ics/io/register_import_match.hpp>
#include <ics/io/register_import_pipeline.hpp>
#include <ics/io/register_import_write.hpp>
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
constexpr long k_sample_rows = 2048;     // rows read before sizing the tables for the whole file

enum class RowStatus : std::uint8_t { create, already_imported, rejected };

class Import {
 public:
  Import(store::Database& db, const RegisterImport& request) : m_db(db), m_request(request) {}

  // Pass 1: checks every row, reports rejections and warnings, and gathers the rows to import.
  void check();
  // Between the passes: which rows are one child, and which children the database already has.
  void match();
  // Pass 2: writes the plans of the rows pass 1 accepted.
  void write(RegisterWriter& writer);

  RegisterCounts counts;
  std::string sha256;

 private:
  void rewind();
  std::vector<std::string> header(ExportReader& reader);
  void progress(std::string_view phase, long rows, long long bytes);
  void report(const RowIssue& issue);
  void reserve(long rows, long long bytes, KeyIndex& refs, std::vector<std::uint32_t>& first_line);
  void reject(const RowIssue& issue);

  store::Database& m_db;
  const RegisterImport& m_request;
  std::optional<RowChecker> m_checker;
  std::vector<RowStatus> m_status;  // per row, from pass 1
  ChildMatcher m_matcher;
  long long m_total_bytes = 0;
};

StorageError file_changed() {
  return StorageError("the import file changed while it was being imported");
}

void Import::rewind() {
  auto& in = *m_request.input;
  in.clear();
  in.seekg(0, std::ios::end);
  m_total_bytes = std::max<long long>(0, static_cast<long long>(in.tellg()));
  in.seekg(0);
  if (!in) throw StorageError(fmt::format("cannot read '{}' from its start", m_request.file_name));
}

void Import::progress(std::string_view phase, long rows, long long bytes) {
  if (m_request.on_progress && !m_request.on_progress({phase, rows, bytes, m_total_bytes}))
    throw Interrupted();
}

// Sizes the tables of pass 1 for the rows the file holds at the rate of its first rows, rather
// than growing them (and moving every key) again and again.
void Import::reserve(long rows, long long bytes, KeyIndex& refs, std::vector<std::uint32_t>& first_line) {
  if (bytes <= 0) return;
  auto expected = static_cast<std::size_t>(static_cast<double>(m_total_bytes) / static_cast<double>(bytes) *
                                           static_cast<double>(rows));
  constexpr std::size_t k_ref_bytes = 12;
  refs.reserve(expected, k_ref_bytes);
  first_line.reserve(expected);
  m_status.reserve(expected);
  m_matcher.reserve(expected);
}

void Import::report(const RowIssue& issue) {
  if (m_request.on_issue) m_request.on_issue(issue);
}

void Import::reject(const RowIssue& issue) {
  ++counts.rejected;
  m_status.push_back(RowStatus::rejected);
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

void Import::check() {
  rewind();
  util::Sha256 hash;
  ExportReader reader(*m_request.input, m_request.mapping->encoding, &hash);
  m_checker.emplace(*m_request.mapping, header(reader), m_request.today, m_request.plan_template->categories);
  if (m_request.rejects) *m_request.rejects << "line,ref,field,value,reason\r\n";
  bool db_has_plans = has_any_plan(m_db);
  KeyIndex refs;  // every reference of the file, to refuse a second row with one
  std::vector<std::uint32_t> first_line;
  progress("checking", 0, 0);
  CheckedRows rows(reader, *m_checker, CheckedRows::Checkers::both_threads);
  while (const CheckedRow* checked = rows.next()) {
    long line = checked->line;
    if (++counts.rows_read % k_progress_every == 0) progress("checking", counts.rows_read, rows.bytes_read());
    if (counts.rows_read == k_sample_rows) reserve(counts.rows_read, rows.bytes_read(), refs, first_line);
    if (checked->ref_issue) {
      reject(*checked->ref_issue);
      continue;
    }
    bool added = false;
    std::uint32_t id = refs.intern(checked->ref, added);
    if (!added) {
      reject(RowIssue{true, line, checked->ref, "ref", checked->ref,
                      fmt::format("already appears on line {}", first_line[id])});
      continue;
    }
    first_line.push_back(static_cast<std::uint32_t>(line));
    if (db_has_plans && plan_has_ref(m_db, checked->ref)) {
      ++counts.already_imported;
      m_status.push_back(RowStatus::already_imported);
      continue;
    }
    if (checked->row_issue) {
      reject(*checked->row_issue);
      continue;
    }
    for (const auto& warning : checked->warnings) {
      ++counts.warnings;
      report(warning);
    }
    const RegisterRow& row = checked->row;
    m_matcher.add_row(row.child_ref, row.nhs_number ? std::string_view(*row.nhs_number) : std::string_view(),
                      row.start, line);
    m_status.push_back(RowStatus::create);
  }
  sha256 = hash.hex_digest();
  progress("checking", counts.rows_read, rows.bytes_read());
}

void Import::match() {
  ChildMatcher::Lookup by_person, by_nhs;
  if (has_any_child(m_db)) {
    by_person = [this](std::string_view key) { return child_by_person(m_db, key); };
    by_nhs = [this](std::string_view key) { return child_by_nhs(m_db, key); };
  }
  using model::EntityKind;
  for (const auto& clash : m_matcher.resolve(by_person, by_nhs)) {
    ++counts.warnings;
    report(RowIssue{false, clash.line, "", clash.field, clash.value,
                    fmt::format("also names child {} of the database; the plans go to child {}",
                                model::format_id(EntityKind::child, clash.other),
                                model::format_id(EntityKind::child, clash.kept))});
  }
  counts.plans_created = m_matcher.rows();
  counts.children_created = m_matcher.new_children();
  counts.children_matched = m_matcher.existing_children();
}

void Import::write(RegisterWriter& writer) {
  rewind();
  ExportReader reader(*m_request.input, m_request.mapping->encoding);
  header(reader);
  std::size_t index = 0;
  std::uint32_t imported = 0;
  progress("writing", 0, 0);
  CheckedRows rows(reader, *m_checker, CheckedRows::Checkers::reading_thread);
  while (const CheckedRow* checked = rows.next()) {
    if (index >= m_status.size()) throw file_changed();
    if ((index + 1) % k_progress_every == 0)
      progress("writing", static_cast<long>(index + 1), rows.bytes_read());
    if (m_status[index++] != RowStatus::create) continue;
    if (checked->ref_issue || checked->row_issue || imported >= m_matcher.rows()) throw file_changed();
    writer.write(checked->row, imported++, m_matcher);
  }
  if (index != m_status.size() || imported != m_matcher.rows()) throw file_changed();
  writer.write_persons(m_matcher);
  progress("writing", static_cast<long>(index), rows.bytes_read());
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
    store::BulkLoad load(db, {.rollback_journal = !request.dry_run && !has_any_plan(db)});
    store::WriteTransaction tx(db, context);
    Import import(db, request);
    import.check();
    import.match();
    RegisterWriter writer(tx, request, import.sha256);
    // An import that at least doubles the children builds their indexes afresh rather than
    // inserting into them row by row (a legacy migration into a new database, above all).
    std::optional<store::DeferredIndexes> deferred;
    if (import.counts.children_created > 0 && import.counts.children_created >= largest_child_id(db))
      deferred.emplace(tx, std::vector<std::string>{"child", "child_ref"});
    import.write(writer);
    if (deferred) deferred->rebuild();
    writer.finish(import.counts);
    RegisterResult result{std::nullopt, import.sha256, import.counts};
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
