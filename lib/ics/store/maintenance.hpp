#pragma once
// Database administration: integrity checks and online backups.
#include <ics/api.hpp>
#include <ics/store/database.hpp>

#include <filesystem>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// Problems found by SQLite's integrity and foreign key checks; empty when the database is sound.
std::vector<std::string> integrity_problems(Database& db);

// A consistent copy of the open database at `target` (created owner-only; must not exist yet).
void backup(Database& db, const std::filesystem::path& target);

}  // namespace ics::store
ICS_API_END
