// -n/--dry-run and the confirmation of destructive commands (README "Dry runs and confirmation"),
// through the dispatcher's run_command as a command's runner sees them.
#include "../unit/scratch_db.hpp"

#include <command.hpp>
#include <confirm.hpp>
#include <database_access.hpp>
#include <dispatch.hpp>
#include <session.hpp>
#include <terminal.hpp>

#include <ics/record/children.hpp>
#include <ics/util/error.hpp>

#include <doctest/doctest.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>
#include <string>

using namespace icsctl;

namespace {

struct Fixture : ics_test::ScratchDb {
  Terminal terminal;  // the tests' stdin is not a terminal: nothing can be asked
  Session session(bool dry_run, bool yes = false, bool no_input = false) const {
    GlobalOptions options;
    options.db = (dir / "ics.db").string();
    options.actor = "tester";
    options.quiet = true;
    options.output = "csv";
    options.dry_run = dry_run;
    options.yes = yes;
    options.no_input = no_input;
    return Session(options, terminal, "add-child", true);
  }
};

CommandSpec write_row() {
  return {"add-child", "", Access::write, Destructive::no, nullptr};
}

void add_child(DatabaseAccess& db) {
  ics::model::Child child;
  child.given_names = "Amelia";
  child.family_name = "Smith";
  child.date_of_birth = ics::util::Date(2019, 4, 2);
  ics::record::add_child(db.write(), child, ics::util::Date(2026, 1, 1));
}

// stdout while `f` runs.
template <typename F>
std::string stdout_of(F f) {
  std::ostringstream captured;
  auto* old = std::cout.rdbuf(captured.rdbuf());
  try {
    f();
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  return captured.str();
}

}  // namespace

TEST_CASE("the confirmation rule: --yes or a dry run go on; no terminal or --no-input refuse; else ask") {
  CHECK(confirmation_needed({.yes = true}) == Confirmation::proceed);
  CHECK(confirmation_needed({.yes = true, .no_input = true}) == Confirmation::proceed);
  CHECK(confirmation_needed({.dry_run = true}) == Confirmation::proceed);
  CHECK(confirmation_needed({}) == Confirmation::refuse);
  CHECK(confirmation_needed({.no_input = true, .terminal = true}) == Confirmation::refuse);
  CHECK(confirmation_needed({.terminal = true}) == Confirmation::ask);
  CHECK(is_yes("y"));
  CHECK(is_yes(" YES \n"));
  CHECK_FALSE(is_yes(""));
  CHECK_FALSE(is_yes("n"));
  CHECK_FALSE(is_yes("yep"));
}

TEST_CASE_FIXTURE(Fixture, "a dry run does the work, prints its audit records, then rolls back") {
  auto s = session(true);
  long audit = count("audit");
  bool stepped = false;
  auto out = stdout_of([&] {
    run_command(
        write_row(),
        [&](Session& session, DatabaseAccess& db) {
          add_child(db);
          db.after_commit([&] {
            stepped = true;
            session.print_id("C1");  // held back: the changes are printed instead
          });
        },
        s);
  });
  CHECK(stepped);
  CHECK(count("child") == 0);
  CHECK(count("audit") == audit);
  CHECK(out.rfind("entity,change,before,after\nC1,add,,", 0) == 0);
  CHECK(out.find(R"(""family_name"":""Smith"")") != std::string::npos);  // csv doubles the quotes
}

TEST_CASE_FIXTURE(Fixture,
                  "a dry run's exit is the real run's: an after_commit step that throws still throws") {
  auto s = session(true);
  CHECK_THROWS_AS(stdout_of([&] {
                    run_command(
                        write_row(),
                        [&](Session&, DatabaseAccess& db) {
                          add_child(db);
                          db.after_commit([] { throw ics::InvalidInput("2 of 3 rows rejected"); });
                        },
                        s);
                  }),
                  ics::InvalidInput);
  CHECK(count("child") == 0);
}

TEST_CASE_FIXTURE(Fixture, "a confirmation: --yes goes on, --no-input refuses with exit 2 naming --yes") {
  auto refused = session(false, false, true);
  try {
    run_command(
        write_row(), [](Session&, DatabaseAccess& db) { db.confirm("cancel 3 open actions"); }, refused);
    FAIL("not refused");
  } catch (const CLI::ParseError& e) {
    CHECK(e.get_exit_code() == 2);
    CHECK(std::string(e.what()).find("--yes") != std::string::npos);
  }
  auto yes = session(false, true);
  run_command(
      write_row(),
      [](Session&, DatabaseAccess& db) {
        db.confirm("cancel 3 open actions");
        add_child(db);
      },
      yes);
  CHECK(count("child") == 1);
}

TEST_CASE_FIXTURE(Fixture,
                  "a confirmation asked after the write began is refused: it comes before any write") {
  auto s = session(false, true);
  CHECK_THROWS_AS(run_command(
                      write_row(),
                      [](Session&, DatabaseAccess& db) {
                        add_child(db);
                        db.confirm("cancel 3 open actions");
                      },
                      s),
                  ics::StorageError);
  CHECK(count("child") == 0);
}
