#include <ics/io/register_import_write.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/store/records.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <ics/store/queries.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>

namespace ics::io {

namespace {

auto i64(std::int64_t v) {
  return static_cast<int64_t>(v);
}

bool exists(store::Database& db, std::string_view query) {
  auto& q = db.query(query);
  return q.executeStep() && q.getColumn(0).getInt() != 0;
}

std::optional<std::int64_t> single_id(store::Database& db, std::string_view query, std::string_view key) {
  auto& q = db.query(query);
  q.bind(1, std::string(key));  // as text: bindNoCopy(pointer, size) would bind a blob
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace

bool has_any_plan(store::Database& db) {
  return exists(db, "register_any_plan");
}
bool has_any_child(store::Database& db) {
  return exists(db, "register_any_child");
}

std::int64_t largest_child_id(store::Database& db) {
  auto& q = db.query("register_largest_child_id");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

bool plan_has_ref(store::Database& db, std::string_view ref) {
  return single_id(db, "register_plan_by_ref", ref).has_value();
}

std::optional<std::int64_t> child_by_person(store::Database& db, std::string_view person) {
  return single_id(db, "register_child_by_person", person);
}

std::optional<std::int64_t> child_by_nhs(store::Database& db, std::string_view nhs) {
  return store::child_id_by_nhs(db, std::string(nhs));
}

BulkStatement::BulkStatement(store::Database& db, std::string_view query) : m_db(db.sql().getHandle()) {
  const std::string& text = store::named_query(query);
  int rc = sqlite3_prepare_v3(m_db, text.c_str(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT,
                              &m_stmt, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
}

BulkStatement::~BulkStatement() {
  sqlite3_finalize(m_stmt);
}

void BulkStatement::text(int index, std::string_view value) {
  sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}

void BulkStatement::optional_text(int index, const std::optional<std::string>& value) {
  if (value)
    text(index, std::string_view(*value));
  else
    null(index);
}

void BulkStatement::integer(int index, std::int64_t value) {
  sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(value));
}

void BulkStatement::null(int index) {
  sqlite3_bind_null(m_stmt, index);
}

void BulkStatement::run() {
  int rc = sqlite3_step(m_stmt);
  sqlite3_reset(m_stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw SQLite::Exception(m_db, rc);
}

std::string_view RegisterWriter::iso(std::size_t slot, util::Date date) {
  std::chrono::year_month_day ymd{date.days()};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return m_iso_fallback[slot] = date.iso();
  auto month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  char* out = m_dates[slot].data();
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return std::string_view(out, 10);
}

void RegisterWriter::bind_date(BulkStatement& q, int index, std::size_t slot,
                               const std::optional<util::Date>& date) {
  if (date)
    q.text(index, iso(slot, *date));
  else
    q.null(index);
}

RegisterWriter::RegisterWriter(store::WriteTransaction& tx, const RegisterImport& request)
    : m_tx(tx),
      m_insert_child(tx.db(), "insert_child"),
      m_insert_ref(tx.db(), "insert_child_ref"),
      m_insert_plan(tx.db(), "insert_plan"),
      m_template(*request.plan_template),
      m_calendar(*request.calendar) {
  m_template_id =
      store::template_snapshot(tx, m_template.name, m_template.version, m_template.hash, m_template.text);
  auto& q = tx.db().query("register_insert_batch");
  q.bind(1, request.file_name);
  q.bind(2, request.mapping->text);
  q.bind(3, tx.context().actor);
  q.bind(4, tx.context().now_utc);
  q.exec();
  m_batch_id = tx.db().sql().getLastInsertRowid();
}

void RegisterWriter::create_child(const RegisterRow& row, std::int64_t id) {
  auto& q = m_insert_child;  // insert_child (schemas/queries/core.sql)
  q.text(1, row.given_names);
  q.text(2, row.family_name);
  bind_date(q, 3, 0, row.date_of_birth);
  bind_date(q, 4, 1, row.expected_dob);
  q.text(5, row.sex);
  q.optional_text(6, row.nhs_number);
  q.optional_text(7, row.upn);
  q.null(8);
  q.integer(9, m_batch_id);
  q.integer(10, row.line);
  // A child is created from its first row, whose person id (if any) becomes the child's legacy id.
  if (row.child_ref.empty())
    q.null(11);
  else
    q.text(11, row.child_ref);
  q.integer(12, id);
  q.run();
}

// A later row of a child this import created: the latest registration's details win; identifiers
// the child lacks are taken from any row.
void RegisterWriter::complete_child(std::int64_t child_id, const RegisterRow& row, bool latest) {
  if (!latest && !row.nhs_number && !row.upn) return;
  auto& q = m_tx.db().query(latest ? "register_update_child" : "register_fill_child_ids");
  q.bind(1, i64(child_id));
  if (latest) {
    q.bind(2, row.given_names);
    q.bind(3, row.family_name);
    store::bind_optional(q, 4, row.date_of_birth);
    store::bind_optional(q, 5, row.expected_dob);
    q.bind(6, row.sex);
    store::bind_optional(q, 7, row.nhs_number);
    store::bind_optional(q, 8, row.upn);
  } else {
    store::bind_optional(q, 2, row.nhs_number);
    store::bind_optional(q, 3, row.upn);
  }
  q.exec();
}

int RegisterWriter::plans_in_database_before(std::int64_t child_id, util::Date start) {
  auto& q = m_tx.db().query("register_plans_before");
  q.bind(1, i64(child_id));
  q.bind(2, m_template.kind);
  q.bind(3, start.iso());
  q.bind(4, i64(m_batch_id));
  q.executeStep();
  return q.getColumn(0).getInt();
}

// The details of a child this import created, as a row that could have created it.
RegisterRow RegisterWriter::child_details(std::int64_t child_id) {
  auto& q = m_tx.db().query("register_child_details");
  q.bind(1, i64(child_id));
  if (!q.executeStep()) throw StorageError(fmt::format("child {} went missing during the import", child_id));
  auto text = [&q](int column) {
    auto c = q.getColumn(column);
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
  };
  auto date = [&](int column) { return text(column) ? util::Date::parse_iso(*text(column)) : std::nullopt; };
  RegisterRow details;
  details.given_names = q.getColumn(0).getString();
  details.family_name = q.getColumn(1).getString();
  details.date_of_birth = date(2);
  details.expected_dob = date(3);
  details.sex = q.getColumn(4).getString();
  details.nhs_number = text(5);
  details.upn = text(6);
  return details;
}

void RegisterWriter::fold(const ChildMatcher::Fold& fold) {
  auto& move = m_tx.db().query("register_move_plans");
  move.bind(1, i64(fold.from));
  move.bind(2, i64(fold.into));
  move.bind(3, i64(m_batch_id));
  move.exec();
  if (!fold.from_created) return;  // a child of the database stays as it is
  std::optional<RegisterRow> details;
  if (fold.into_created) details = child_details(fold.from);
  auto& keep = m_tx.db().query("register_keep_legacy_id");
  keep.bind(1, i64(fold.from));
  keep.bind(2, i64(fold.into));
  keep.exec();
  auto& drop = m_tx.db().query("register_delete_child");
  drop.bind(1, i64(fold.from));
  drop.exec();
  // After the delete: an NHS number or UPN the kept child takes must be free in the unique index.
  if (details) complete_child(fold.into, *details, fold.from_is_later);
}

void RegisterWriter::write(const RegisterRow& row, const ChildMatcher::Placement& placement) {
  for (const auto& f : placement.folds) fold(f);
  std::int64_t child_id = placement.child;
  bool existing = placement.existing;
  if (placement.create)
    create_child(row, child_id);
  else if (!existing)
    complete_child(child_id, row, placement.latest);
  auto& q = m_insert_plan;  // insert_plan (schemas/queries/core.sql)
  auto first_review = plan::first_review_due(m_template, row.start, m_calendar);
  int previous = static_cast<int>(placement.plans_before) +
                 (existing ? plans_in_database_before(child_id, row.start) : 0);
  q.integer(1, child_id);
  q.integer(2, m_template_id);
  q.text(3, m_template.kind);
  q.text(4, row.category);
  q.text(5, row.category);
  q.text(6, iso(2, row.start));
  bind_date(q, 7, 3, row.end);
  q.optional_text(8, row.end_reason);
  q.optional_text(9, row.lead_worker);
  q.optional_text(10, row.team);
  q.null(11);
  bind_date(q, 12, 4, first_review);
  q.integer(13, previous);
  q.text(14, row.ref);
  q.optional_text(15, row.legacy_end_reason);
  q.integer(16, m_batch_id);
  q.integer(17, row.line);
  q.run();
}

void RegisterWriter::finish_children(ChildMatcher& matcher) {
  for (const auto& [person, child] : matcher.new_persons()) {
    m_insert_ref.text(1, person);  // insert_child_ref
    m_insert_ref.integer(2, child);
    m_insert_ref.run();
  }
  for (std::int64_t child : matcher.children_to_recount()) {
    auto& q = m_tx.db().query("register_recount_previous");
    q.bind(1, i64(child));
    q.bind(2, i64(m_batch_id));
    q.exec();
  }
}

void RegisterWriter::finish(const RegisterCounts& counts, const std::string& sha256) {
  std::string json = counts_json(counts);
  auto& q = m_tx.db().query("register_batch_counts");
  q.bind(1, i64(m_batch_id));
  q.bind(2, json);
  q.bind(3, sha256);
  q.exec();
  m_tx.audit(model::format_id(model::EntityKind::batch, m_batch_id), std::nullopt, json);
}

}  // namespace ics::io
