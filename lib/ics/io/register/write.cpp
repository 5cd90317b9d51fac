#include <ics/io/register/write.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/store/records.hpp>
#include <ics/store/row_batch.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::io {

namespace {

constexpr std::size_t k_batch_rows = 1024;  // rows inserted by one statement (store::RowBatch)
// Children whose updates are held before they are applied: the more, the more of them share
// pages of the child table (~4 MB held).
constexpr std::size_t k_update_children = 16384;

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

RegisterWriter::RegisterWriter(store::WriteTransaction& tx, const RegisterImport& request)
    : m_tx(tx),
      m_children(tx.db(), "register_children", 10, "register_insert_children", k_batch_rows),
      m_plans(tx.db(), "register_plans", 12, "register_insert_plans", k_batch_rows),
      m_refs(tx.db(), "register_refs", 2, "register_insert_refs", k_batch_rows),
      m_child_updates(tx.db(), k_batch_rows),
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
  m_children.bind(1, m_batch_id);
  m_plans.bind(1, m_template_id);
  m_plans.bind(2, m_template.kind);
  m_plans.bind(3, m_batch_id);
}

void RegisterWriter::create_child(const RegisterRow& row, std::int64_t id) {
  auto& b = m_children;  // register_insert_children
  b.integer(id);
  b.text(row.given_names);
  b.text(row.family_name);
  b.date(row.date_of_birth);
  b.date(row.expected_dob);
  b.text(row.sex);
  b.optional_text(row.nhs_number);
  b.optional_text(row.upn);
  b.integer(row.line);
  // A child is created from its first row, whose person id (if any) becomes the child's legacy id.
  if (row.child_ref.empty())
    b.null();
  else
    b.text(row.child_ref);
  b.end_row();
}

void RegisterWriter::flush() {
  m_children.flush();
  m_plans.flush();
  m_child_updates.flush();  // after the children they update
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
  flush();  // the plans to move and the child to delete must be in the tables
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
  if (details) m_child_updates.add(fold.into, *details, fold.from_is_later);
}

void RegisterWriter::write(const RegisterRow& row, const ChildMatcher::Placement& placement) {
  for (const auto& f : placement.folds) fold(f);
  std::int64_t child_id = placement.child;
  bool existing = placement.existing;
  if (placement.create) {
    create_child(row, child_id);
    m_child_updates.created(child_id, row.details);
  } else if (!existing) {
    m_child_updates.add(child_id, row, placement.latest);
  }
  if (m_child_updates.size() == k_update_children) flush();  // the children first, then their updates
  auto first_review = plan::first_review_due(m_template, row.start, m_calendar);
  int previous = static_cast<int>(placement.plans_before) +
                 (existing ? plans_in_database_before(child_id, row.start) : 0);
  auto& b = m_plans;  // register_insert_plans
  b.integer(child_id);
  b.text(row.category);
  b.date(row.start);
  b.date(row.end);
  b.optional_text(row.end_reason);
  b.optional_text(row.lead_worker);
  b.optional_text(row.team);
  b.date(first_review);
  b.integer(previous);
  b.text(row.ref);
  b.optional_text(row.legacy_end_reason);
  b.integer(row.line);
  b.end_row();
}

void RegisterWriter::finish_children(ChildMatcher& matcher) {
  flush();
  for (const auto& [person, child] : matcher.new_persons()) {
    m_refs.text(person);  // register_insert_refs
    m_refs.integer(child);
    m_refs.end_row();
  }
  m_refs.flush();
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
