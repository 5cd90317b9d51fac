#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace ics::store {

std::vector<std::string> integrity_problems(Database& db) try {
  std::vector<std::string> problems;
  SQLite::Statement integrity(connection(db), "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    if (line != "ok") problems.push_back(line);
  }
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

void backup(Database& db, const std::filesystem::path& target) {
  int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno == EEXIST) throw InvalidInput("target", target.string(), "already exists");
  if (fd < 0)
    throw StorageError(fmt::format("cannot create '{}': {}", target.string(), std::strerror(errno)));
  ::close(fd);
  try {
    SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE);
    SQLite::Backup job(copy, connection(db));
    job.executeStep(-1);
  } catch (const SQLite::Exception& e) {
    std::filesystem::remove(target);
    throw_typed(e, fmt::format("backup to '{}' failed", target.string()));
  }
}

}  // namespace ics::store
