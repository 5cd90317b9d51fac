#include <ics/model/identifiers.hpp>
#include <ics/store/batch_seal.hpp>
#include <ics/store/records.hpp>
#include <ics/store/register_seal.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

namespace {

constexpr std::size_t k_batch_rows = 1024;  // rows written by one statement (store::RowBatch)

[[noreturn]] void import_failed(const SQLite::Exception& e) {
  throw StorageError(fmt::format("import failed: {}", e.what()));
}

bool exists(Database& db, std::string_view query) {
  auto& q = statement(db, query);
  return q.executeStep() && q.getColumn(0).getInt() != 0;
}

}  // namespace

RegisterWrites::RegisterWrites(Database& db, const AuditContext& context, const Batch& batch) try
    : m_db(db), m_plan_kind(batch.plan_kind) {
  statement(db, "register_cache_size").exec();
  // Every row the plans and children point at is made by this import or read from the database.
  // The journal mode can only change outside a transaction, so this asks about plans before the
  // transaction, and again inside it, where the answer holds until the commit.
  m_load.emplace(db,
                 BulkLoad::Options{.rollback_journal = !batch.dry_run && !exists(db, "register_any_plan")});
  m_tx.emplace(db, context);
  m_had_plans = exists(db, "register_any_plan");
  m_had_children = exists(db, "register_any_child");
  auto& largest = statement(db, "register_largest_child_id");
  largest.executeStep();
  m_largest_child_id = largest.getColumn(0).getInt64();
  auto& largest_plan = statement(db, "register_largest_plan_id");
  largest_plan.executeStep();
  m_next_plan_id = largest_plan.getColumn(0).getInt64() + 1;
  // A migration into a database with no children builds the indexes of child and child_ref
  // afresh after the rows rather than inserting into them row by row; so too that of episode, into a
  // database with none. Conferences keep theirs: the import numbers them in order, so each entry goes
  // at the end of conference_episode, which costs less than sorting them all after (callgrind,
  // 100k rows: 4.15 G instructions on the writing thread against 4.22 G).
  std::vector<std::string> deferred;
  if (!m_had_children) deferred = {"child", "child_ref"};
  if (!exists(db, "register_any_episode")) deferred.insert(deferred.end(), {"episode"});
  if (!deferred.empty()) m_deferred.emplace(*m_tx, deferred);

  std::int64_t template_id =
      template_snapshot(*m_tx, std::string(batch.template_name), batch.template_version,
                        std::string(batch.template_hash), std::string(batch.template_text));
  auto& insert = statement(db, "register_insert_batch");
  insert.bind(1, std::string(batch.file_name));
  insert.bind(2, std::string(batch.mapping));
  insert.bind(3, context.actor);
  insert.bind(4, context.now_utc);
  insert.exec();
  m_batch_id = last_insert_id(db);

  // Every row written is entered on the batch's date.
  const std::string recorded_on = context.entered_on();
  m_children.emplace(db, "register_children", "register_insert_children", k_batch_rows);
  m_children->bind("batch_id", m_batch_id);
  m_children->bind("recorded_on", recorded_on);
  m_plans.emplace(db, "register_plans",
                  std::vector<std::string_view>{"register_insert_plan_episodes",
                                                "register_insert_plan_conferences", "register_insert_plans"},
                  k_batch_rows);
  m_plans->bind("template_id", template_id);
  m_plans->bind("kind", batch.plan_kind);
  m_plans->bind("batch_id", m_batch_id);
  m_plans->bind("recorded_on", recorded_on);
  m_updates.emplace(db, "register_child_updates", "register_update_children", k_batch_rows);
  m_refs.emplace(db, "register_refs", "register_insert_refs", k_batch_rows);
  m_warnings.emplace(db, "register_warnings", "register_insert_warnings", k_batch_rows);
  m_warnings->bind("batch_id", m_batch_id);
  m_seal = std::make_unique<RegisterSeal>(RegisterSeal::Plans{
      std::string(batch.template_name), batch.template_version, std::string(batch.plan_kind)});
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

RegisterWrites::~RegisterWrites() = default;

bool RegisterWrites::plan_has_legacy_ref(std::string_view ref) try {
  auto& q = statement(m_db, "register_plan_by_ref");
  q.bind(1, std::string(ref));  // as text: bindNoCopy(pointer, size) would bind a blob
  return q.executeStep();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

std::optional<std::int64_t> RegisterWrites::child_by_person(std::string_view person) try {
  auto& q = statement(m_db, "register_child_by_person");
  q.bind(1, std::string(person));
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

std::optional<std::int64_t> RegisterWrites::child_by_nhs(std::string_view nhs_number) {
  return child_id_by_nhs(m_db, std::string(nhs_number));  // its errors are typed already
}

int RegisterWrites::plans_before(std::int64_t child, util::Date start) try {
  auto& q = statement(m_db, "register_plans_before");
  q.bind(1, child);
  q.bind(2, m_plan_kind);
  q.bind(3, start.iso());
  q.bind(4, m_batch_id);
  q.executeStep();
  return q.getColumn(0).getInt();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

ChildDetails RegisterWrites::child_details(std::int64_t child) try {
  auto& q = statement(m_db, "register_child_details");
  q.bind(1, child);
  if (!q.executeStep()) throw StorageError(fmt::format("child {} went missing during the import", child));
  return {.given_names = q.getColumn(0).getString(),
          .family_name = q.getColumn(1).getString(),
          .date_of_birth = optional_date(q.getColumn(2)),
          .expected_dob = optional_date(q.getColumn(3)),
          .sex = q.getColumn(4).getString(),
          .nhs_number = optional_string(q.getColumn(5)),
          .upn = optional_string(q.getColumn(6))};
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::add(const RegisterChild& child) try {
  m_children->add(child);
  m_seal->add(child);
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::add(RegisterPlan plan) try {
  plan.id = m_next_plan_id++;
  m_plans->add(plan);
  m_seal->add(plan);
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::add(const ChildUpdate& update) try {
  m_updates->add(update);
  m_seal->changed_child(update.id);
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::add(const PersonRef& ref) try { m_refs->add(ref); } catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::add(const RegisterWarning& warning) try {
  m_warnings->add(warning);
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::flush() try {
  m_children->flush();
  m_plans->flush();
  m_updates->flush();  // after the children they update
  m_refs->flush();
  m_warnings->flush();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::changed_plans_of(std::int64_t child) {
  auto& q = statement(m_db, "register_batch_plans_of_child");
  q.bind(1, child);
  q.bind(2, m_batch_id);
  while (q.executeStep()) m_seal->changed_plan(q.getColumn(0).getInt64());
  q.reset();
}

void RegisterWrites::move_plans(std::int64_t from, std::int64_t into) try {
  changed_plans_of(from);
  for (const char* query : {"register_move_episodes", "register_move_plans"}) {
    auto& q = statement(m_db, query);
    q.bind(1, from);
    q.bind(2, into);
    q.bind(3, m_batch_id);
    q.exec();
  }
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::delete_child(std::int64_t child, std::int64_t into) try {
  auto& keep = statement(m_db, "register_keep_legacy_id");
  keep.bind(1, child);
  keep.bind(2, into);
  keep.exec();
  auto& drop = statement(m_db, "register_delete_child");
  drop.bind(1, child);
  drop.exec();
  m_seal->changed_child(child);
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::recount_previous(std::int64_t child) try {
  changed_plans_of(child);
  auto& q = statement(m_db, "register_recount_previous");
  q.bind(1, child);
  q.bind(2, m_batch_id);
  q.exec();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::rebuild_indexes() try {
  m_seal->settle(m_db, m_batch_id);  // its chunks are worked out while the indexes are built
  m_settled = true;
  if (m_deferred) m_deferred->rebuild();
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::finish(std::string_view counts_json, std::string_view sha256) try {
  m_warnings->flush();
  auto& q = statement(m_db, "register_batch_counts");
  q.bind(1, m_batch_id);
  q.bind(2, std::string(counts_json));
  q.bind(3, std::string(sha256));
  q.exec();
  if (!m_settled) m_seal->settle(m_db, m_batch_id);
  write_batch_seal(*m_tx, m_batch_id, m_seal->lines(), std::string(counts_json));
} catch (const SQLite::Exception& e) {
  import_failed(e);
}

void RegisterWrites::commit() {
  m_tx->commit();
}

}  // namespace ics::store
