#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/store/database.hpp>
#include <ics/store/transaction.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

void register_init(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess& access) {
    int applied = access.init_schema();
    auto& db = access.connection();
    s.info(fmt::format("database '{}' is at schema version {} ({} migrations applied)", s.db_path().string(),
                       db.schema_version(), applied));
  };
}

}  // namespace icsctl
