#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/database.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/util/error.hpp>

#include <fmt/ranges.h>
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
    // Not a problem: agencies written before the agency list existed are kept, and listed here.
    const auto& agencies = ics::model::code_list("agency");
    auto uncoded = ics::store::actions_with_uncoded_agency(db.read(), agencies.values());
    for (const auto& a : uncoded)
      std::cout << fmt::format("action {}: agency '{}' is not a code of the agency list (kept as it is)\n",
                               ics::model::format_id(ics::model::EntityKind::action, a.action_id), a.agency);
    if (!uncoded.empty())
      s.info(fmt::format("{} actions name an agency that is not one of {}", uncoded.size(),
                         fmt::join(agencies.values(), ", ")));
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
