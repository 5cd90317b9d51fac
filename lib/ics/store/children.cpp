#include <ics/model/identifiers.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

void bind_child_fields(SQLite::Statement& q, int first, const model::Child& c) {
  q.bind(first, c.given_names);
  q.bind(first + 1, c.family_name);
  bind_optional(q, first + 2, c.date_of_birth);
  bind_optional(q, first + 3, c.expected_dob);
  q.bind(first + 4, c.sex);
  bind_optional(q, first + 5, c.nhs_number);
  bind_optional(q, first + 6, c.upn);
  bind_optional(q, first + 7, c.ethnicity);
}

std::int64_t insert_child(WriteTransaction& tx, const model::Child& c,
                          const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_child");
  bind_child_fields(q, 1, c);
  if (from) bind_provenance(q, 9, *from);
  bind_entered_on(q, 12, tx);
  exec(q);
  std::int64_t id = last_insert_id(tx.db());
  for (const auto& ref : c.refs) insert_child_ref(tx, ref, id);
  return id;
}

void insert_child_ref(WriteTransaction& tx, const std::string& ref, std::int64_t child_id) {
  auto& q = statement(tx.db(), "insert_child_ref");
  q.bind(1, ref);
  q.bind(2, child_id);
  try {
    exec(q);
  } catch (const ConstraintViolation& e) {
    auto held = child_id_by_ref(tx.db(), ref);
    if (!held) throw StorageError(fmt::format("cannot store legacy reference '{}': {}", ref, e.what()));
    throw Conflict(fmt::format("legacy reference '{}' is already held by child {}", ref,
                               model::format_id(model::EntityKind::child, *held)));
  }
}

model::Child get_child(Database& db, std::int64_t id) {
  auto& q = statement(db, "child_by_id");
  q.bind(1, id);
  if (!step(q)) throw NotFound(fmt::format("no child '{}'", model::format_id(model::EntityKind::child, id)));
  model::Child c;
  c.id = q.getColumn(0).getInt64();
  c.given_names = q.getColumn(1).getString();
  c.family_name = q.getColumn(2).getString();
  c.date_of_birth = optional_date(q.getColumn(3));
  c.expected_dob = optional_date(q.getColumn(4));
  c.sex = q.getColumn(5).getString();
  c.nhs_number = optional_string(q.getColumn(6));
  c.upn = optional_string(q.getColumn(7));
  c.ethnicity = optional_string(q.getColumn(8));
  auto& refs = statement(db, "child_refs");
  refs.bind(1, id);
  while (step(refs)) c.refs.push_back(refs.getColumn(0).getString());
  return c;
}

std::optional<std::int64_t> child_id_by_nhs(Database& db, const std::string& nhs_number) {
  auto& q = statement(db, "child_id_by_nhs");
  q.bind(1, nhs_number);
  return single_id(q);
}

std::optional<std::int64_t> child_id_by_upn(Database& db, const std::string& upn) {
  auto& q = statement(db, "child_id_by_upn");
  q.bind(1, upn);
  return single_id(q);
}

std::optional<std::int64_t> child_id_by_ref(Database& db, const std::string& ref) {
  auto& q = statement(db, "child_id_by_ref");
  q.bind(1, ref);
  return single_id(q);
}

std::int64_t resolve_child(Database& db, std::string_view reference) {
  std::string text(reference);
  std::optional<std::int64_t> id;
  if (text.starts_with("nhs:")) {
    auto nhs = model::normalise_nhs_number(text.substr(4));
    if (!nhs) throw InvalidInput("child", text, "is not a valid NHS number");
    id = child_id_by_nhs(db, *nhs);
  } else if (text.starts_with("upn:")) {
    auto upn = model::normalise_upn(text.substr(4));
    if (!upn) throw InvalidInput("child", text, "is not a valid UPN");
    id = child_id_by_upn(db, *upn);
  } else if (text.starts_with("ref:")) {
    id = child_id_by_ref(db, text.substr(4));
  } else {
    auto n = model::parse_id(text);
    if (!n || n->kind != model::EntityKind::child)
      throw InvalidInput("child", text, "is not a child (C123, nhs:N, upn:U or ref:R)");
    auto& q = statement(db, "child_by_id");
    q.bind(1, n->number);
    id = single_id(q);
  }
  if (!id) throw NotFound(fmt::format("no child '{}'", text));
  return *id;
}

}  // namespace ics::store
