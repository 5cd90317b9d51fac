#pragma once
// The return settings (schemas/sql/0004_returns.sql, table setting): what an authority sets once
// (`icsctl settings set KEY VALUE`) rather than on every command line. The keys and what each accepts
// are returns/settings.hpp's.
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>

#include <map>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::store {
class Database;

std::map<std::string, std::string> all_settings(Database& db);  // by key
std::optional<std::string> setting(Database& db, const std::string& key);
// Sets (or replaces) one; the caller audits it (returns/settings.hpp).
void set_setting(WriteTransaction& tx, const std::string& key, const std::string& value);

}  // namespace ics::store
ICS_API_END
