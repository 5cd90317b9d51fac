#include <ics/io/register_import_write.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/store/records.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::io {

namespace {

auto i64(std::int64_t v) { return static_cast<int64_t>(v); }

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

bool has_any_plan(store::Database& db) { return exists(db, "register_any_plan"); }
bool has_any_child(store::Database& db) { return exists(db, "register_any_child"); }

bool plan_has_ref(store::Database& db, std::string_view ref) {
  return single_id(db, "register_plan_by_ref", ref).has_value();
}

std::optional<std::int64_t> child_by_person(store::Database& db, std::string_view person) {
  return single_id(db, "register_child_by_person", person);
}

std::optional<std::int64_t> child_by_nhs(store::Database& db, std::string_view nhs) {
  return store::child_id_by_nhs(db, std::string(nhs));
}

RegisterWriter::RegisterWriter(store::WriteTransaction& tx, const RegisterImport& request, const std::string& sha256)
    : m_tx(tx), m_template(*request.plan_template), m_calendar(*request.calendar) {
  m_template_id = store::template_snapshot(tx, m_template.name, m_template.version, m_template.hash, m_template.text);
  auto& q = tx.db().query("register_insert_batch");
  q.bind(1, request.file_name);
  q.bind(2, sha256);
  q.bind(3, request.mapping->text);
  q.bind(4, tx.context().actor);
  q.bind(5, tx.context().now_utc);
  q.exec();
  m_batch_id = tx.db().sql().getLastInsertRowid();
}

std::int64_t RegisterWriter::create_child(const RegisterRow& row) {
  model::Child child;
  child.given_names = row.given_names;
  child.family_name = row.family_name;
  child.date_of_birth = row.date_of_birth;
  child.expected_dob = row.expected_dob;
  child.sex = row.sex;
  child.nhs_number = row.nhs_number;
  child.upn = row.upn;
  return store::insert_child(m_tx, child, store::Provenance{m_batch_id, row.line});
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

void RegisterWriter::write(const RegisterRow& row, std::uint32_t index, ChildMatcher& matcher) {
  std::int64_t child_id = matcher.child_of(index);
  bool existing = matcher.matched_existing(index);
  if (child_id == 0) {
    child_id = create_child(row);
    matcher.set_child(index, child_id);
  } else if (!existing) {
    complete_child(child_id, row, matcher.is_latest(index));
  }
  if (!row.child_ref.empty() && matcher.adds_person(index)) store::insert_child_ref(m_tx, row.child_ref, child_id);

  store::PlanRow out;
  auto& plan = out.plan;
  plan.child_id = child_id;
  plan.kind = m_template.kind;
  plan.initial_category = plan.latest_category = row.category;
  plan.start_date = row.start;
  plan.end_date = row.end;
  plan.end_reason = row.end_reason;
  plan.lead_worker = row.lead_worker;
  plan.team = row.team;
  plan.first_review_due = plan::first_review_due(m_template, row.start, m_calendar);
  plan.previous_cp_plans = static_cast<int>(matcher.plans_before(index)) +
                           (existing ? plans_in_database_before(child_id, row.start) : 0);
  out.template_id = m_template_id;
  out.legacy_ref = row.ref;
  out.legacy_end_reason = row.legacy_end_reason;
  store::insert_plan(m_tx, out, store::Provenance{m_batch_id, row.line});
}

void RegisterWriter::finish(const RegisterCounts& counts) {
  std::string json = counts_json(counts);
  auto& q = m_tx.db().query("register_batch_counts");
  q.bind(1, i64(m_batch_id));
  q.bind(2, json);
  q.exec();
  m_tx.audit(model::format_id(model::EntityKind::batch, m_batch_id), std::nullopt, json);
}

}  // namespace ics::io
