#pragma once
// Database administration: integrity checks and online backups.
#include <ics/api.hpp>
#include <ics/store/database.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// Problems found by SQLite's integrity and foreign key checks; empty when the database is sound.
std::vector<std::string> integrity_problems(Database& db);

// Actions whose agency is not one of `codes` (the agency code list): values written before the list
// existed, which are kept as they are and listed by `icsctl db check`; in id order.
struct UncodedAgency {
  std::int64_t action_id = 0;
  std::string agency;
};
std::vector<UncodedAgency> actions_with_uncoded_agency(Database& db, const std::vector<std::string>& codes);

// A consistent copy of the open database at `target` (created owner-only; must not exist yet).
void backup(Database& db, const std::filesystem::path& target);

}  // namespace ics::store
ICS_API_END
