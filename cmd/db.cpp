#include "command.hpp"
#include "database_access.hpp"
#include "database_files.hpp"
#include "private_file.hpp"
#include "session.hpp"

#include <ics/store/audit_chain.hpp>
#include <ics/store/database.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/store/record_check.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <future>
#include <iostream>

namespace icsctl {

void register_db(CLI::App& app, Runner&) {
  app.require_subcommand(1);
}

void register_db_check(CLI::App& app, Runner& run) {
  auto head = std::make_shared<std::string>();
  app.add_option("--head", *head,
                 "SEQ:HASH, a head 'icsctl audit head' printed earlier: the record at SEQ must still have "
                 "HASH (nothing up to it rewritten, even with the chain rebuilt)");
  app.footer(R"(Checks SQLite's integrity and foreign keys, the audit trail's hash chain, and that every
record matches its latest audited image (or its import batch's digest); prints one line per problem
and exits 1 if there is any.

'--head SEQ:HASH' also proves that the audit record at SEQ still has HASH ('icsctl audit head').)");
  run = [head](Session& s, DatabaseAccess& db) {
    std::optional<ics::store::ChainHead> expected;
    if (!head->empty()) expected = ics::store::parse_chain_head(*head, "--head");
    size_t loose = check_database_files(s, std::cout);
    // SQLite's own checks read the file on a connection and a core of their own, beside the chain's
    // and the records' (each from its own read: a write between the two is checked by one of them).
    auto integrity = std::async(std::launch::async, [path = s.db_path()] {
      ics::store::Database own(path, ics::store::OpenMode::read);
      ics::store::read_whole_file(own);
      return ics::store::integrity_problems(own);
    });
    ics::store::read_whole_file(db.read());
    auto chain = ics::store::chain_problems(db.read(), expected);
    auto records = ics::store::record_problems(db.read());
    auto problems = integrity.get();
    for (auto* more : {&chain, &records})
      for (auto& p : *more) problems.push_back(std::move(p));
    for (const auto& p : problems) std::cout << p << '\n';
    // values kept from before a code list: listed whether or not there are problems
    for (const auto& value : ics::store::uncoded_values(db.read())) s.warn(fmt::format("kept: {}", value));
    if (auto found = problems.size() + loose; found > 0)
      throw ics::StorageError(fmt::format("{} problem{} found", found, found == 1 ? "" : "s"));
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
