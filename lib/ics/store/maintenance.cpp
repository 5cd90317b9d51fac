#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

void read_whole_file(Database& db) try {
  connection(db).exec("PRAGMA mmap_size = 2147418112");
  connection(db).exec("PRAGMA cache_size = -65536");
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> integrity_problems(Database& db, IntegrityCheck depth) try {
  std::vector<std::string> problems;
  SQLite::Statement integrity(
      connection(db), depth == IntegrityCheck::full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
  try {
    while (integrity.executeStep()) {
      std::string line = integrity.getColumn(0).getString();
      if (line != "ok") problems.push_back(line);
    }
  } catch (const SQLite::Exception& e) {
    // A page it cannot read ends it with an error after its lines on that page: they are the news.
    if (problems.empty()) throw;
    problems.push_back(fmt::format("SQLite's check could not go on: {}", e.getErrorStr()));
  }
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> foreign_key_problems(Database& db) try {
  std::vector<std::string> problems;
  SQLite::Statement keys(connection(db), "PRAGMA foreign_key_check");
  while (keys.executeStep())
    problems.push_back(fmt::format("table '{}' row {} refers to a missing row of '{}'",
                                   keys.getColumn(0).getString(), keys.getColumn(1).getInt64(),
                                   keys.getColumn(2).getString()));
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> uncoded_values(Database& db) {
  std::vector<std::string> out;
  const auto& agencies = model::code_list("agency");
  auto& q = statement(db, "action_agencies");
  while (step(q)) {
    auto agency = q.getColumn(0).getString();
    if (agencies.contains(agency)) continue;
    auto count = q.getColumn(1).getInt64();
    out.push_back(fmt::format(
        "agency '{}' of {} action{} (first {}) is not a code of schemas/codes/agency.yaml", agency, count,
        count == 1 ? "" : "s", model::format_id(model::EntityKind::action, q.getColumn(2).getInt64())));
  }
  for (auto& value : uncoded_ethnicities(db)) out.push_back(std::move(value));
  return out;
}

void backup(Database& db, const std::filesystem::path& file) try {
  SQLite::Database copy(file.string(), SQLite::OPEN_READWRITE);
  copy.exec("PRAGMA journal_mode = OFF");  // no file beside it: the copy is all or nothing anyway
  SQLite::Backup job(copy, connection(db));
  job.executeStep(-1);
} catch (const SQLite::Exception& e) {
  throw_typed(e, "backup failed");
}

}  // namespace ics::store
