#include <ics/store/cpis.hpp>

#include "sqlite.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

std::optional<std::string> latest_cpis_extract_as_of(Database& db) {
  auto& q = statement(db, "latest_cpis_extract_as_of");
  if (!step(q)) return std::nullopt;
  return q.getColumn(0).getString();
}

std::int64_t insert_cpis_extract(WriteTransaction& tx, const std::string& as_of, std::int64_t rows) {
  auto& q = statement(tx.db(), "insert_cpis_extract");
  q.bind(1, as_of);
  q.bind(2, tx.context().now_utc);
  q.bind(3, tx.context().actor);
  q.bind(4, static_cast<int64_t>(rows));
  exec(q);
  return last_insert_id(tx.db());
}

}  // namespace ics::store
