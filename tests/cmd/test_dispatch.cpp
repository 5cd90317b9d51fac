// The command table drives the dispatcher: what a runner is handed, what lands when it fails, and which
// commands are marked destructive.
#include "../unit/scratch_db.hpp"

#include <command.hpp>
#include <database_access.hpp>
#include <dispatch.hpp>
#include <session.hpp>
#include <terminal.hpp>

#include <ics/record/children.hpp>
#include <ics/util/error.hpp>

#include <doctest/doctest.h>
#include <csignal>
#include <map>
#include <string>

using namespace icsctl;

namespace {

struct Fixture : ics_test::ScratchDb {
  Terminal terminal;
  Session session(const std::string& command) const {
    GlobalOptions options;
    options.db = (dir / "ics.db").string();
    options.actor = "tester";
    options.quiet = true;
    return Session(options, terminal, command, true);
  }
};

CommandSpec row(Access access) {
  return {"test", "", access, Destructive::no, nullptr};
}

// A runner that adds a child through the transaction it is handed.
void add_child(DatabaseAccess& db) {
  ics::model::Child child;
  child.given_names = "Amelia";
  child.family_name = "Smith";
  child.date_of_birth = ics::util::Date(2019, 4, 2);
  ics::record::add_child(db.write(), child, ics::util::Date(2026, 1, 1));
}

}  // namespace

TEST_CASE_FIXTURE(Fixture,
                  "a write command's transaction is committed by the dispatcher, then after_commit runs") {
  auto s = session("add-child");
  long audit = count("audit");
  long children_seen_after_commit = -1;
  run_command(
      row(Access::write),
      [&](Session&, DatabaseAccess& db) {
        add_child(db);
        CHECK(count("child") == 0);  // not yet committed: another connection does not see it
        db.after_commit([&] { children_seen_after_commit = count("child"); });
      },
      s);
  CHECK(children_seen_after_commit == 1);
  CHECK(count("child") == 1);
  CHECK(count("audit") == audit + 1);
}

TEST_CASE_FIXTURE(Fixture,
                  "a write command that fails in its runner leaves nothing written, no audit record") {
  auto s = session("add-child");
  long audit = count("audit");
  bool said = false;
  CHECK_THROWS_AS(run_command(
                      row(Access::write),
                      [&](Session&, DatabaseAccess& db) {
                        add_child(db);
                        db.after_commit([&] { said = true; });
                        throw ics::InvalidInput("family_name", "Smith", "is refused after the write");
                      },
                      s),
                  ics::InvalidInput);
  CHECK_FALSE(said);
  CHECK(count("child") == 0);
  CHECK(count("audit") == audit);
}

TEST_CASE_FIXTURE(Fixture, "a read command gets a connection that cannot write") {
  auto s = session("show");
  long audit = count("audit");
  run_command(
      row(Access::read),
      [&](Session& session, DatabaseAccess& db) {
        CHECK(db.read().schema_version() > 0);
        CHECK_THROWS_AS(db.write(), ics::StorageError);
        CHECK_THROWS_AS(db.connection(), ics::StorageError);
        CHECK_THROWS([&] {
          ics::store::WriteTransaction tx(db.read(), session.audit_context());
          tx.audit("C1", std::nullopt, "{}");
          tx.commit();
        }());
      },
      s);
  CHECK(count("audit") == audit);
}

TEST_CASE_FIXTURE(Fixture, "a command that needs no database cannot open one") {
  auto s = session("templates");
  run_command(
      row(Access::none),
      [&](Session&, DatabaseAccess& db) {
        CHECK_THROWS_AS(db.read(), ics::StorageError);
        CHECK_THROWS_AS(db.write(), ics::StorageError);
      },
      s);
}

TEST_CASE_FIXTURE(Fixture, "an import interrupted before its commit writes nothing and says interrupted") {
  auto s = session("import children");
  long audit = count("audit");
  bool said = false;
  CHECK_THROWS_AS(run_command(
                      row(Access::bulk_write),
                      [&](Session&, DatabaseAccess& db) {
                        add_child(db);
                        std::raise(SIGTERM);  // caught by the dispatcher's handler: a flag
                        db.after_commit([&] { said = true; });
                      },
                      s),
                  ics::Interrupted);
  CHECK_FALSE(said);
  CHECK(count("child") == 0);
  CHECK(count("audit") == audit);
}

TEST_CASE(
    "destructive is set on exactly close-plan, record-death, reassign and the bulk imports (with "
    "--on-conflict update)") {
  std::map<std::string, Destructive> marked;
  for (const auto& row : command_table())
    if (row.destructive != Destructive::no) marked.emplace(row.name, row.destructive);
  std::map<std::string, Destructive> wanted = {
      {"close-plan", Destructive::always},
      {"record-death", Destructive::always},
      {"reassign", Destructive::always},
      {"import children", Destructive::on_conflict_update},
      {"import plans", Destructive::on_conflict_update},
      {"import actions", Destructive::on_conflict_update},
      {"import reviews", Destructive::on_conflict_update},
      {"import episodes", Destructive::on_conflict_update},
      {"import assessments", Destructive::on_conflict_update},
      {"import enquiries", Destructive::on_conflict_update},
      {"import conferences", Destructive::on_conflict_update},
  };
  CHECK(marked == wanted);
}

TEST_CASE("every leaf of the table has a setup function and follows its parent") {
  const auto& table = command_table();
  for (std::size_t i = 0; i < table.size(); ++i) {
    CAPTURE(table[i].name);
    bool has_setup = table[i].setup != nullptr;
    CHECK(has_setup);
    auto space = table[i].name.rfind(' ');
    if (space == std::string_view::npos) continue;
    auto parent = table[i].name.substr(0, space);
    bool before = false;
    for (std::size_t j = 0; j < i; ++j) before = before || table[j].name == parent;
    CHECK(before);
  }
}
