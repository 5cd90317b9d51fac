#include <ics/store/maintenance.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

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

std::vector<UncodedAgency> actions_with_uncoded_agency(Database& db, const std::vector<std::string>& codes) {
  auto& q = statement(db, "actions_with_uncoded_agency");
  q.bind(1, nlohmann::json(codes).dump());
  std::vector<UncodedAgency> out;
  while (step(q)) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
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
