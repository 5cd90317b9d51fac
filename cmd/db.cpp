#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/store/database.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

namespace icsctl {

void register_db(CLI::App& app, Runner&) {
  app.require_subcommand(1);
  app.footer(R"(Examples:
  icsctl db check
  icsctl db backup ics-backup.db
  icsctl db migrate)");
}

void register_db_check(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess& db) {
    auto problems = ics::store::integrity_problems(db.read());
    for (const auto& p : problems) std::cout << p << '\n';
    if (!problems.empty()) throw ics::StorageError(fmt::format("{} problems found", problems.size()));
    for (const auto& value : ics::store::uncoded_values(db.read())) s.warn(fmt::format("kept: {}", value));
    s.info(fmt::format("database '{}' is sound (schema version {})", s.db_path().string(),
                       db.read().schema_version()));
  };
}

void register_db_backup(CLI::App& app, Runner& run) {
  auto target = std::make_shared<std::string>();
  app.add_option("FILE", *target, "the copy to create (must not exist)")->required();
  run = [target](Session& s, DatabaseAccess& db) {
    ics::store::backup(db.read(), *target);
    s.info(fmt::format("backed up '{}' to '{}'", s.db_path().string(), *target));
  };
}

void register_db_migrate(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess& db) {
    if (!std::filesystem::exists(s.db_path()))
      throw ics::NoDatabase(
          fmt::format("no database at '{}': run 'icsctl init' to create it", s.db_path().string()));
    int applied = ics::store::Database::init(s.db_path(), s.audit_context());
    s.info(
        fmt::format("{} migrations applied; schema version {}", applied, db.connection().schema_version()));
  };
}

}  // namespace icsctl
