#include <ics/store/settings.hpp>

#include "sqlite.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

std::map<std::string, std::string> all_settings(Database& db) {
  auto& q = statement(db, "all_settings");
  std::map<std::string, std::string> out;
  while (step(q)) out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

std::optional<std::string> setting(Database& db, const std::string& key) {
  auto& q = statement(db, "setting_by_key");
  q.bind(1, key);
  if (!step(q)) return std::nullopt;
  return q.getColumn(0).getString();
}

void set_setting(WriteTransaction& tx, const std::string& key, const std::string& value) {
  auto& q = statement(tx.db(), "upsert_setting");
  q.bind(1, key);
  q.bind(2, value);
  exec(q);
}

}  // namespace ics::store
