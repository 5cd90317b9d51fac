#pragma once
// Database administration: integrity checks and online backups.
#include <ics/api.hpp>
#include <ics/store/database.hpp>

#include <filesystem>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// Problems found by SQLite's own checks; empty when the database is sound. Each reads the whole
// file: `quick` is SQLite's quick_check (every page, every record's format, NOT NULL and CHECK
// constraints, but not whether each index holds exactly its table's rows), `full` its
// integrity_check (that too, with a lookup per row per index: about twice the time).
enum class IntegrityCheck { quick, full };
std::vector<std::string> integrity_problems(Database& db, IntegrityCheck depth);
// Rows referring to a row missing from the table their foreign key names (foreign_key_check).
std::vector<std::string> foreign_key_problems(Database& db);

// Sets the connection up for reading the whole file once (db check): SQLite's pages read through
// memory mapping (up to SQLite's 2 GB limit) and a page cache of 64 MB, rather than a read call
// for every page. About a third of db check's time went on those read calls.
void read_whole_file(Database& db);

// Values stored before their code list (schemas/codes/) existed that are not codes of it: kept, but
// listed, one line per value, e.g. "agency 'Social Care' of 3 actions (first A12) is not a code of
// schemas/codes/agency.yaml".
std::vector<std::string> uncoded_values(Database& db);

// A consistent copy of the open database into `file`: an empty file the caller created (owner-only)
// and puts in place; written without a journal, so nothing is created beside it.
void backup(Database& db, const std::filesystem::path& file);

}  // namespace ics::store
ICS_API_END
