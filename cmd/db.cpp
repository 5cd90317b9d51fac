#include "command.hpp"
#include "database_access.hpp"
#include "database_files.hpp"
#include "private_file.hpp"
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
}

void register_db_check(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess& db) {
    size_t loose = check_database_files(s, std::cout);
    auto problems = ics::store::integrity_problems(db.read());
    for (const auto& p : problems) std::cout << p << '\n';
    if (!problems.empty() || loose > 0)
      throw ics::StorageError(fmt::format("{} problems found", problems.size() + loose));
    for (const auto& value : ics::store::uncoded_values(db.read())) s.warn(fmt::format("kept: {}", value));
    s.info(fmt::format("database '{}' is sound (schema version {})", s.db_path().string(),
                       db.read().schema_version()));
  };
}

void register_db_backup(CLI::App& app, Runner& run) {
  auto target = std::make_shared<std::string>();
  app.add_option("FILE", *target, "the copy to create (must not exist)")->required();
  run = [target](Session& s, DatabaseAccess& db) {
    PrivateFile copy(*target, PrivateFile::Existing::refuse);
    ics::store::backup(db.read(), copy.reopen_path());
    copy.commit();
    s.info(fmt::format("backed up '{}' to '{}'", s.db_path().string(), *target));
  };
}

void register_db_migrate(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess& db) {
    if (!std::filesystem::exists(s.db_path()))
      throw ics::NoDatabase(
          fmt::format("no database at '{}': run 'icsctl init' to create it", s.db_path().string()));
    int applied = db.init_schema();
    s.info(
        fmt::format("{} migrations applied; schema version {}", applied, db.connection().schema_version()));
  };
}

}  // namespace icsctl
