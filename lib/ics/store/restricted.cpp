#include <ics/store/restricted.hpp>

#include <ics/store/queries.hpp>
#include "sqlite.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

std::vector<std::int64_t> restricted_children(Database& db) {
  auto& q = statement(db, "restricted_children");
  std::vector<std::int64_t> out;
  while (step(q)) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::optional<Restriction> restriction_of(Database& db, std::int64_t child) {
  auto& q = statement(db, "restriction_of_child");
  q.bind(1, static_cast<int64_t>(child));
  if (!step(q)) return std::nullopt;
  return Restriction{child, q.getColumn(0).getString(), q.getColumn(1).getString(),
                     q.getColumn(2).getString()};
}

void insert_restriction(WriteTransaction& tx, const Restriction& restriction) {
  auto& q = statement(tx.db(), "insert_restriction");
  q.bind(1, static_cast<int64_t>(restriction.child));
  q.bind(2, restriction.reason);
  q.bind(3, restriction.restricted_at);
  q.bind(4, restriction.restricted_by);
  exec(q);
}

void delete_restriction(WriteTransaction& tx, std::int64_t child) {
  auto& q = statement(tx.db(), "delete_restriction");
  q.bind(1, static_cast<int64_t>(child));
  exec(q);
}

void hide_restricted(Database& db) {
  if (restricted_children(db).empty()) return;
  auto& sqlite = connection(db);
  try {
    // A reader's connection is query_only, which refuses temporary objects too: lifted for the
    // views' creation alone. They change nothing in the database.
    bool query_only = sqlite.execAndGet("PRAGMA query_only").getInt() != 0;
    if (query_only) sqlite.exec("PRAGMA query_only = OFF");
    sqlite.exec(named_query("hide_restricted"));
    if (query_only) sqlite.exec("PRAGMA query_only = ON");
  } catch (const SQLite::Exception& e) {
    throw_typed(e, "cannot leave out the restricted children");
  }
}

std::optional<std::int64_t> restricted_owner(Database& db, const model::EntityId& id) {
  auto& q = statement(db, "restricted_owner");
  q.bind(":kind", std::string(1, model::prefix_of(id.kind)));
  q.bind(":id", static_cast<int64_t>(id.number));
  return single_id(q);
}

}  // namespace ics::store
