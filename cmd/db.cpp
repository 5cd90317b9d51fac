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
#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>

namespace icsctl {

void register_db(CLI::App& app, Runner&) {
  app.require_subcommand(1);
}

namespace {

// db check's checks, each on a connection of its own thread's: shared out between the two threads
// as each finishes its last, longest first, so that both cores are busy to the end. Each check is
// its own read (a write between two is checked by one of them).
class CheckQueue {
 public:
  using Check = std::function<void(ics::store::Database&)>;
  void add(Check check) { m_checks.push_back(std::move(check)); }
  // Runs every check on `mine` and on a connection the second thread opens to `path`. A check that
  // fails (a file SQLite cannot read) does not stop the others; the first failure is kept.
  void run(ics::store::Database& mine, const std::filesystem::path& path) {
    m_failed.assign(m_checks.size(), nullptr);
    auto other = std::async(std::launch::async, [this, &path] {
      ics::store::Database own(path, ics::store::OpenMode::read);
      ics::store::read_whole_file(own);
      work(own);
    });
    work(mine);
    other.get();  // opening its connection can fail
  }
  // The first check's failure, if any failed.
  std::exception_ptr failure() const {
    for (const auto& failed : m_failed)
      if (failed) return failed;
    return nullptr;
  }

 private:
  void work(ics::store::Database& db) {
    for (auto i = m_next++; i < m_checks.size(); i = m_next++) try {
        m_checks[i](db);
      } catch (...) {
        m_failed[i] = std::current_exception();
      }
  }
  std::vector<Check> m_checks;
  std::vector<std::exception_ptr> m_failed;
  std::atomic<std::size_t> m_next = 0;
};

}  // namespace

void register_db_check(CLI::App& app, Runner& run) {
  auto head = std::make_shared<std::string>();
  auto full = std::make_shared<bool>(false);
  app.add_option("--head", *head,
                 "SEQ:HASH, a head 'icsctl audit head' printed earlier: the record at SEQ must still have "
                 "HASH (nothing up to it rewritten, even with the chain rebuilt)");
  app.add_flag("--full", *full,
               "SQLite's full integrity check (also that every index holds exactly its table's rows), about "
               "twice as long as its quick check, the default")
      ->disable_flag_override();
  app.footer(R"(Checks SQLite's integrity (its quick check; '--full': its full integrity check) and foreign
keys, the audit trail's hash chain, and that every record matches its latest audited image (or its
import batch's digest); prints one line per problem and exits 1 if there is any.

'--head SEQ:HASH' also proves that the audit record at SEQ still has HASH ('icsctl audit head').)");
  run = [head, full](Session& s, DatabaseAccess& db) {
    std::optional<ics::store::ChainHead> expected;
    if (!head->empty()) expected = ics::store::parse_chain_head(*head, "--head");
    size_t loose = check_database_files(s, std::cout);
    auto& mine = db.read();
    ics::store::read_whole_file(mine);
    ics::store::RecordCheck records(mine);
    const auto pieces = ics::store::chain_pieces(mine, 6);
    std::vector<std::string> integrity, keys, kept;
    std::vector<std::vector<std::string>> chain(pieces.size());
    // SQLite's integrity check first (the longest, whole), the chain's small pieces last, to even
    // the two threads' ends out.
    CheckQueue checks;
    const auto depth = *full ? ics::store::IntegrityCheck::full : ics::store::IntegrityCheck::quick;
    checks.add([&](ics::store::Database& c) { integrity = ics::store::integrity_problems(c, depth); });
    checks.add([&](ics::store::Database& c) { keys = ics::store::foreign_key_problems(c); });
    checks.add([&](ics::store::Database& c) { kept = ics::store::uncoded_values(c); });
    for (auto kind : records.kinds_largest_first(mine))
      checks.add([&records, kind](ics::store::Database& c) { records.check_kind(c, kind); });
    for (size_t i = 0; i < pieces.size(); ++i)
      checks.add([&, i](ics::store::Database& c) { chain[i] = ics::store::chain_problems_in(c, pieces[i]); });
    checks.run(mine, s.db_path());
    auto problems = std::move(integrity);
    for (auto& p : keys) problems.push_back(std::move(p));
    for (auto& piece : chain)
      for (auto& p : piece) problems.push_back(std::move(p));
    // What was found is printed before a check's failure (SQLite's lines on a page it cannot read).
    auto print = [&] {
      for (const auto& p : problems) std::cout << p << '\n';
    };
    if (auto failed = checks.failure()) {
      print();
      std::rethrow_exception(failed);
    }
    if (expected)
      for (auto& p : ics::store::head_problems(mine, *expected)) problems.push_back(std::move(p));
    for (auto& p : records.problems(mine)) problems.push_back(std::move(p));
    print();
    // values kept from before a code list: listed whether or not there are problems
    for (const auto& value : kept) s.warn(fmt::format("kept: {}", value));
    if (auto found = problems.size() + loose; found > 0)
      throw ics::StorageError(fmt::format("{} problem{} found", found, found == 1 ? "" : "s"));
    s.info(fmt::format("database '{}' is sound (schema version {})", s.db_path().string(),
                       mine.schema_version()));
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
