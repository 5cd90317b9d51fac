// Restricted children (store/restricted.hpp, record/restrictions.hpp): the rules of restrict and
// unrestrict with their audit records, and a read connection that leaves out every record of a
// restricted child whatever it asks.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/children.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/record/reviews.hpp>
#include <ics/store/restricted.hpp>
#include <ics/store/rows.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

// Two children, each with a child protection plan (its episode and conference), an action and a
// review; the second is restricted by the tests that need it.
struct Fixture : ics_test::ScratchDb {
  plan::TemplateLibrary library{{}};
  util::Calendar calendar = plan::load_calendar("england-and-wales", {});
  std::int64_t kept = 0, hidden = 0, kept_plan = 0, hidden_plan = 0;

  Fixture() {
    kept = child("Amelia");
    hidden = child("Ben");
    kept_plan = open(kept);
    hidden_plan = open(hidden);
  }

  std::int64_t child(const std::string& name) {
    model::Child c;
    c.given_names = name;
    c.family_name = "Smith";
    c.date_of_birth = Date(2019, 4, 2);
    store::WriteTransaction tx(*db, context("add-child"));
    auto id = record::add_child(tx, c, k_today);
    tx.commit();
    return id;
  }

  std::int64_t open(std::int64_t child_id) {
    record::OpenPlanRequest request;
    request.child_id = child_id;
    request.category = "NEG";
    request.start = Date(2026, 1, 5);
    request.worker = "Sam Patel";
    store::WriteTransaction tx(*db, context("open-plan"));
    auto id = record::open_plan(tx, library.find("child-protection"), calendar, request, k_today);
    record::assign_action(tx, {id, "Visit", "Dr Lee", "health", Date(2026, 2, 1), std::nullopt});
    record::NewReview visit;
    visit.plan_id = id;
    visit.date = Date(2026, 1, 12);
    visit.kind = "visit";
    visit.seen = "yes";
    record::record_review(
        tx, visit, [this](const std::string&) { return calendar; }, k_today);
    tx.commit();
    return id;
  }

  void restrict(std::int64_t child_id, const std::string& reason = "staff member's child") {
    store::WriteTransaction tx(*db, context("restrict"));
    record::restrict_child(tx, child_id, reason);
    tx.commit();
  }

  std::string latest_audit(const std::string& entity) {
    util::RowBuffer rows;
    store::audit_log(*db, entity, 1, rows);
    REQUIRE(rows.rows().size() == 1);
    std::string out;
    for (const auto& v : rows.rows()[0])
      if (const auto* s = std::get_if<std::string>(&v)) out += *s + "|";
    return out;
  }
};

long scalar(store::Database& db, const std::string& sql) {
  return static_cast<long>(store::connection(db).execAndGet(sql).getInt64());
}

}  // namespace

TEST_CASE_FIXTURE(Fixture,
                  "restrict and unrestrict: one restriction at a time, each audited with its reason") {
  restrict(hidden);
  CHECK(store::restricted_children(*db) == std::vector<std::int64_t>{hidden});
  auto held = store::restriction_of(*db, hidden);
  REQUIRE(held);
  CHECK(held->reason == "staff member's child");
  CHECK(held->restricted_by == "tester");
  auto audit = latest_audit("restriction:C2");
  CHECK(audit.find("\"restricted\":true,\"reason\":\"staff member's child\"") != std::string::npos);

  CHECK_THROWS_AS(restrict(hidden), Conflict);           // already
  CHECK_THROWS_AS(restrict(kept, "   "), InvalidInput);  // a reason is required
  CHECK_THROWS_AS(restrict(99), NotFound);
  {
    store::WriteTransaction tx(*db, context("unrestrict"));
    CHECK_THROWS_AS(record::unrestrict_child(tx, kept, std::nullopt), Conflict);  // not restricted
    record::unrestrict_child(tx, hidden, std::string_view("left the authority"));
    tx.commit();
  }
  CHECK(store::restricted_children(*db).empty());
  audit = latest_audit("restriction:C2");
  CHECK(audit.find("\"restricted\":false,\"reason\":\"left the authority\"") != std::string::npos);
  CHECK(audit.find("\"reason\":\"staff member's child\"") != std::string::npos);  // the image before
}

TEST_CASE_FIXTURE(Fixture,
                  "hide_restricted: every table of a child's records leaves the restricted child out") {
  const char* k_tables[] = {"child", "plan", "action", "review", "episode", "conference"};
  store::Database before(dir / "ics.db", store::OpenMode::read);
  store::hide_restricted(before);  // nothing restricted: nothing shadowed, nothing to pay
  CHECK(scalar(before, "SELECT count(*) FROM sqlite_temp_master") == 0);
  std::map<std::string, long> all;
  for (const char* t : k_tables) all[t] = scalar(before, std::string("SELECT count(*) FROM ") + t);

  restrict(hidden);
  store::Database reader(dir / "ics.db", store::OpenMode::read);
  store::hide_restricted(reader);
  for (const char* t : k_tables) {
    INFO(t);
    auto seen = scalar(reader, std::string("SELECT count(*) FROM ") + t);
    auto of_hidden =
        scalar(*db, std::string("SELECT count(*) FROM ") + t + " WHERE " +
                        (std::string(t) == "child"                                 ? "id = 2"
                         : std::string(t) == "plan" || std::string(t) == "episode" ? "child_id = 2"
                         : std::string(t) == "conference"
                             ? "episode_id IN (SELECT id FROM episode WHERE child_id = 2)"
                             : "plan_id IN (SELECT id FROM plan WHERE child_id = 2)"));
    CHECK(of_hidden > 0);
    CHECK(seen == all[t] - of_hidden);
  }
  CHECK(scalar(reader, "SELECT count(*) FROM plan WHERE child_id = 2") == 0);
  // the audit trail: nothing of the hidden child, its restriction included; the kept child's stays
  CHECK(scalar(reader, "SELECT count(*) FROM audit WHERE entity IN ('C2', 'P2', 'restriction:C2')") == 0);
  CHECK(scalar(reader, "SELECT count(*) FROM audit WHERE entity IN ('C1', 'P1')") == 2);
  CHECK(scalar(*db, "SELECT count(*) FROM audit WHERE entity IN ('C2', 'P2', 'restriction:C2')") == 3);
  // still a reader
  CHECK_THROWS(store::connection(reader).exec("INSERT INTO setting VALUES ('la_code', '202')"));
  // the writer's own connection is untouched
  CHECK(scalar(*db, "SELECT count(*) FROM child") == 2);
}

TEST_CASE_FIXTURE(Fixture, "restricted_owner: the restricted child of any record, also under the views") {
  restrict(hidden);
  store::Database reader(dir / "ics.db", store::OpenMode::read);
  store::hide_restricted(reader);
  using model::EntityKind;
  auto action = scalar(*db, "SELECT min(id) FROM action WHERE plan_id = 2");
  auto episode = scalar(*db, "SELECT episode_id FROM plan WHERE id = 2");
  auto conference = scalar(*db, "SELECT conference_id FROM plan WHERE id = 2");
  CHECK(store::restricted_owner(reader, {EntityKind::child, hidden}) == hidden);
  CHECK(store::restricted_owner(reader, {EntityKind::plan, hidden_plan}) == hidden);
  CHECK(store::restricted_owner(reader, {EntityKind::action, action}) == hidden);
  CHECK(store::restricted_owner(reader, {EntityKind::episode, episode}) == hidden);
  CHECK(store::restricted_owner(reader, {EntityKind::conference, conference}) == hidden);
  CHECK_FALSE(store::restricted_owner(reader, {EntityKind::child, kept}));
  CHECK_FALSE(store::restricted_owner(reader, {EntityKind::plan, kept_plan}));
  CHECK_FALSE(store::restricted_owner(reader, {EntityKind::plan, 99}));
  CHECK_FALSE(store::restricted_owner(reader, {EntityKind::batch, 1}));
}

TEST_CASE_FIXTURE(Fixture, "the audit records of a restricted read and of a disclosure") {
  {
    store::WriteTransaction tx(*db, context("list children"));
    record::audit_restricted_read(tx, {hidden}, record::RestrictedReach::asked);
    record::audit_disclosure(tx, "health", 2, {"C1", "C2"});
    tx.commit();
  }
  CHECK(latest_audit("restricted-read") ==
        "2026-01-01T00:00:00Z|tester|list children|restricted-read|"
        "{\"read\":\"list children\",\"reach\":\"include-restricted\",\"children_count\":1,"
        "\"children\":[\"C2\"]}|");
  CHECK(latest_audit("disclosure:health")
            .find("{\"disclosure\":\"list children\",\"agency\":\"health\",\"rows\":2,\"children_count\":2,"
                  "\"children\":[\"C1\",\"C2\"]}") != std::string::npos);
}
