// Which children each read may see (restricted_reads.hpp): the one table, and what a read's
// connection becomes when a child is restricted.
#include "../unit/scratch_db.hpp"

#include <command.hpp>
#include <database_access.hpp>
#include <restricted_reads.hpp>
#include <session.hpp>
#include <terminal.hpp>

#include <ics/model/types.hpp>
#include <ics/record/children.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/store/restricted.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/rows.hpp>

#include <doctest/doctest.h>

using namespace icsctl;

TEST_CASE("reach_of: the statutory returns hold every child, administration the file, the rest leave out") {
  for (auto what : {"export cin-census", "check census", "export cp-is", "report plan-stats"})
    CHECK(reach_of(what) == Reach::statutory);
  for (auto what : {"db check", "db backup", "show", "settings show"}) CHECK(reach_of(what) == Reach::whole);
  for (auto what : {"list children", "report register", "report chronology", "export actions", "export all",
                    "export annex-a", "log", "report unplanned"})
    CHECK(reach_of(what) == Reach::visible);
}

namespace {
struct Fixture : ics_test::ScratchDb {
  Terminal terminal;
  Session session(const std::string& command, bool include) const {
    GlobalOptions options;
    options.db = (dir / "ics.db").string();
    options.actor = "tester";
    options.quiet = true;
    options.include_restricted = include;
    return Session(options, terminal, command, false);
  }
  long children_seen(DatabaseAccess& access, std::string_view what = {}) {
    ics::util::RowBuffer rows;
    ics::store::run_report_query(access.read(what), "SELECT count(*) FROM child", {}, rows);
    return static_cast<long>(std::get<std::int64_t>(rows.rows().at(0).at(0)));
  }
  // On a connection of its own: ScratchDb's keeps the snapshot of its last unfinished statement.
  long audited_reads() const {
    ics::store::Database fresh(dir / "ics.db", ics::store::OpenMode::read);
    ics::util::RowBuffer rows;
    ics::store::run_report_query(fresh, "SELECT count(*) FROM audit WHERE entity = 'restricted-read'", {},
                                 rows);
    return static_cast<long>(std::get<std::int64_t>(rows.rows().at(0).at(0)));
  }
};
}  // namespace

TEST_CASE_FIXTURE(Fixture, "DatabaseAccess::read: hidden, audited or whole, as the table says") {
  for (const char* name : {"Amelia", "Ben"}) {
    ics::model::Child c;
    c.given_names = name;
    c.family_name = "Smith";
    c.date_of_birth = ics::util::Date(2019, 4, 2);
    ics::store::WriteTransaction tx(*db, context("add-child"));
    ics::record::add_child(tx, c, ics::util::Date(2026, 11, 22));
    tx.commit();
  }
  auto plain = session("list children", false);
  DatabaseAccess before(Access::read, plain);
  CHECK(children_seen(before) == 2);
  CHECK_FALSE(before.hid_restricted());
  {
    ics::store::WriteTransaction tx(*db, context("restrict"));
    ics::record::restrict_child(tx, 2, "staff");
    tx.commit();
  }
  DatabaseAccess hidden(Access::read, plain);
  CHECK(children_seen(hidden) == 1);
  CHECK(hidden.hid_restricted());
  CHECK(audited_reads() == 0);

  auto asked = session("list children", true);
  DatabaseAccess included(Access::read, asked);
  CHECK(children_seen(included) == 2);
  CHECK(audited_reads() == 1);

  auto report = session("report", false);
  DatabaseAccess statutory(Access::read, report);
  CHECK(children_seen(statutory, "report plan-stats") == 2);
  CHECK(audited_reads() == 2);

  auto check = session("db check", false);
  DatabaseAccess whole(Access::read, check);
  CHECK(children_seen(whole) == 2);
  CHECK(audited_reads() == 2);
}
