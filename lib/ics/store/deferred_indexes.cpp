#include <ics/store/deferred_indexes.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

namespace {

// An index name from sqlite_schema as an SQL identifier (identifiers cannot be bound).
std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

DeferredIndexes::DeferredIndexes(WriteTransaction& tx, const std::vector<std::string>& tables) : m_tx(tx) {
  auto& q = tx.db().query("indexes_of_table");
  for (const auto& table : tables) {
    q.bind(1, table);
    while (q.executeStep()) m_dropped.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    q.reset();
  }
  tx.db().reset_queries();
  for (const auto& index : m_dropped) tx.db().sql().exec("DROP INDEX " + quoted(index.name));
}

void DeferredIndexes::rebuild() {
  for (const auto& index : m_dropped) m_tx.db().sql().exec(index.sql);
  m_dropped.clear();
}

}  // namespace ics::store
