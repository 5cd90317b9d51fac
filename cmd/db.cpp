#include "command.hpp"
#include "session.hpp"

#include <ics/store/database.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

namespace icsctl {

void register_db(CLI::App& app, Runner& run) {
  auto target = std::make_shared<std::string>();
  app.require_subcommand(1);
  auto* check = app.add_subcommand("check", "check integrity and foreign keys (exit 1 on a problem)");
  auto* backup = app.add_subcommand("backup", "copy the database, consistently, while in use");
  backup->add_option("FILE", *target, "the copy to create (must not exist)")->required();
  auto* migrate = app.add_subcommand("migrate", "bring the schema up to date");
  for (auto* sub : {check, backup, migrate}) sub->fallthrough();
  app.footer(R"(Examples:
  icsctl db check
  icsctl db backup ics-backup.db
  icsctl db migrate)");
  run = [target, check, backup](Session& s) {
    if (check->parsed()) {
      auto problems = ics::store::integrity_problems(s.read_db());
      for (const auto& p : problems) std::cout << p << '\n';
      if (!problems.empty()) throw ics::StorageError(fmt::format("{} problems found", problems.size()));
      s.info(fmt::format("database '{}' is sound (schema version {})", s.db_path().string(),
                         s.read_db().schema_version()));
    } else if (backup->parsed()) {
      ics::store::backup(s.read_db(), *target);
      s.info(fmt::format("backed up '{}' to '{}'", s.db_path().string(), *target));
    } else {
      if (!std::filesystem::exists(s.db_path()))
        throw ics::NoDatabase(
            fmt::format("no database at '{}': run 'icsctl init' to create it", s.db_path().string()));
      int applied = ics::store::Database::init(s.db_path(), s.audit_context());
      s.info(fmt::format("{} migrations applied; schema version {}", applied, s.write_db().schema_version()));
    }
  };
}

}  // namespace icsctl
