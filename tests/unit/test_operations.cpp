#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/children.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/reviews.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

struct Fixture : ics_test::ScratchDb {
  plan::TemplateLibrary library{{}};
  util::Calendar calendar = plan::load_calendar("england-and-wales", {});

  std::int64_t child(const std::string& nhs = "", std::optional<Date> dob = Date(2019, 4, 2)) {
    model::Child c;
    c.given_names = "Amelia";
    c.family_name = "Smith";
    c.date_of_birth = dob;
    if (!nhs.empty()) c.nhs_number = nhs;
    store::WriteTransaction tx(*db, context("add-child"));
    auto id = record::add_child(tx, c, k_today);
    tx.commit();
    return id;
  }

  std::int64_t open(std::int64_t child_id, const std::string& tmpl, std::optional<std::string> category,
                    Date start) {
    record::OpenPlanRequest request;
    request.child_id = child_id;
    request.category = category;
    request.start = start;
    request.worker = "Sam Patel";
    store::WriteTransaction tx(*db, context("open-plan"));
    auto id = record::open_plan(tx, library.find(tmpl), calendar, request, k_today);
    tx.commit();
    return id;
  }

  plan::CalendarLoader loader() {
    return [this](const std::string&) { return calendar; };
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "add_child validates, normalises and refuses a held NHS number") {
  auto id = child("943 476 5919");
  CHECK(store::get_child(*db, id).nhs_number == "9434765919");
  CHECK(count("audit WHERE command <> 'init'") == 1);
  CHECK_THROWS_WITH_AS(child("9434765919"), "NHS number 9434765919 is already held by child C1", Conflict);
  CHECK_THROWS_WITH_AS(child("", Date(2026, 11, 23)), "'dob' is after today: '2026-11-23'", InvalidInput);
  CHECK(count("child") == 1);
  CHECK(count("audit WHERE command <> 'init'") == 1);
}

TEST_CASE_FIXTURE(Fixture, "open_plan builds the template's actions on its clock") {
  auto c = child();
  auto p = open(c, "child-protection", "NEG", Date(2025, 12, 19));
  auto plan = store::get_plan(*db, p);
  CHECK(plan.first_review_due == Date(2026, 3, 19));
  CHECK(plan.next_review_due == Date(2026, 3, 19));
  CHECK(plan.initial_category == "NEG");
  CHECK(plan.previous_cp_plans == 0);
  auto first_core_group =
      ics::store::connection(*db)
          .execAndGet("SELECT due_date FROM action WHERE what = 'Hold the first core group meeting'")
          .getString();
  CHECK(first_core_group == "2026-01-07");
  CHECK(count("action") > 0);
  // one audit record for the plan, one per action, and one each for the episode and the transfer-in
  // conference open-plan made for it
  CHECK(count("episode") == 1);
  CHECK(count("conference") == 1);
  CHECK(count("audit WHERE command <> 'init'") == 1 + 1 + count("action") + 2);
}

TEST_CASE_FIXTURE(Fixture, "open_plan refuses what breaks the rules and writes nothing") {
  auto c = child();
  long audit_before = count("audit WHERE command <> 'init'");
  CHECK_THROWS_AS(open(c, "child-protection", std::nullopt, Date(2025, 12, 19)), InvalidInput);
  CHECK_THROWS_AS(open(c, "child-protection", "XYZ", Date(2025, 12, 19)), InvalidInput);
  CHECK_THROWS_AS(open(c, "child-in-need", "NEG", Date(2025, 12, 19)), InvalidInput);
  CHECK_THROWS_WITH_AS(open(c, "child-protection", "NEG", Date(2019, 4, 1)),
                       "'start' is before the child's date of birth (2019-04-02): '2019-04-01'",
                       InvalidInput);
  CHECK_THROWS_AS(open(c, "child-protection", "NEG", Date(2026, 11, 23)), InvalidInput);
  CHECK(count("plan") == 0);
  CHECK(count("action") == 0);
  CHECK(count("audit WHERE command <> 'init'") == audit_before);
  open(c, "child-protection", "NEG", Date(2025, 12, 19));
  CHECK_THROWS_WITH_AS(open(c, "child-protection", "PHY", Date(2026, 1, 5)),
                       "child C1 already has an open child-protection plan P1", Conflict);
  // A child protection plan and a child in need plan of a child never overlap (census rules 4001, 4016).
  CHECK_THROWS_WITH_AS(
      open(c, "child-in-need", std::nullopt, Date(2026, 1, 5)),
      "child C1 already has an open child-protection plan P1: a child protection plan and a child "
      "in need plan may not overlap",
      Conflict);
  CHECK(count("episode") == 1);
  CHECK(count("conference") == 1);
}

TEST_CASE_FIXTURE(Fixture, "reviews move the clock and set the latest category") {
  auto p = open(child(), "child-protection", "NEG", Date(2025, 12, 19));
  auto record = [&](Date date, std::string kind, std::optional<std::string> category) {
    record::NewReview review;
    review.plan_id = p;
    review.date = date;
    review.kind = kind;
    review.category = category;
    store::WriteTransaction tx(*db, context("record-review"));
    auto id = record::record_review(tx, review, loader(), k_today);
    tx.commit();
    return id;
  };
  record(Date(2026, 1, 7), "core-group", std::nullopt);
  CHECK(store::get_plan(*db, p).next_review_due == Date(2026, 3, 19));
  record(Date(2026, 3, 18), "review-conference", "EMO");
  auto plan = store::get_plan(*db, p);
  CHECK(plan.next_review_due == Date(2026, 9, 18));
  CHECK(plan.initial_category == "NEG");
  CHECK(plan.latest_category == "EMO");
  CHECK_THROWS_AS(record(Date(2025, 12, 18), "review-conference", std::nullopt), InvalidInput);
  CHECK_THROWS_AS(record(Date(2026, 4, 1), "case-conference", std::nullopt), InvalidInput);
  CHECK_THROWS_AS(record(Date(2026, 4, 1), "review-conference", "BAD"), InvalidInput);
}

TEST_CASE_FIXTURE(Fixture, "actions: assign, complete, cancel; closing a plan cancels the rest") {
  auto p = open(child(), "child-in-need", std::nullopt, Date(2026, 1, 5));
  record::NewAction request;
  request.plan_id = p;
  request.what = "Home visit; DROP TABLE child; --";
  request.owner = "O'Brien";
  request.agency = "health";
  request.due = Date(2026, 2, 1);
  std::int64_t a = 0;
  {
    store::WriteTransaction tx(*db, context("assign-action"));
    a = record::assign_action(tx, request);
    tx.commit();
  }
  CHECK(store::get_action(*db, a).what == "Home visit; DROP TABLE child; --");
  request.section = "no-such-section";
  {
    store::WriteTransaction tx(*db, context("assign-action"));
    CHECK_THROWS_AS(record::assign_action(tx, request), InvalidInput);
  }
  {
    store::WriteTransaction tx(*db, context("complete-action"));
    record::complete_action(tx, a, Date(2026, 2, 3), k_today);
    tx.commit();
  }
  CHECK(store::get_action(*db, a).status == "done");
  {
    store::WriteTransaction tx(*db, context("complete-action"));
    CHECK_THROWS_AS(record::complete_action(tx, a, Date(2026, 2, 3), k_today), Conflict);
  }
  auto open_before = store::open_actions_of_plan(*db, p).size();
  CHECK(open_before > 0);
  {
    store::WriteTransaction tx(*db, context("close-plan"));
    CHECK_THROWS_AS(record::close_plan(tx, p, Date(2026, 1, 4), "no-longer-at-risk", k_today), InvalidInput);
    CHECK_THROWS_AS(record::close_plan(tx, p, Date(2026, 6, 1), "bored", k_today), InvalidInput);
    record::close_plan(tx, p, Date(2026, 6, 1), "no-longer-at-risk", k_today);
    tx.commit();
  }
  CHECK(store::open_actions_of_plan(*db, p).empty());
  CHECK(store::get_action(*db, a).status == "done");
  CHECK(store::get_plan(*db, p).end_date == Date(2026, 6, 1));
  store::WriteTransaction tx(*db, context("close-plan"));
  CHECK_THROWS_AS(record::close_plan(tx, p, Date(2026, 6, 2), "other", k_today), Conflict);
}

TEST_CASE_FIXTURE(Fixture, "a transaction not committed leaves nothing behind") {
  model::Child c;
  c.given_names = "A";
  c.family_name = "B";
  {
    store::WriteTransaction tx(*db, context("add-child"));
    record::add_child(tx, c, k_today);
  }
  CHECK(count("child") == 0);
  CHECK(count("audit WHERE command <> 'init'") == 0);
}

TEST_CASE_FIXTURE(Fixture,
                  "every single write records the date it was entered, and each change of state its own") {
  auto entered = [this](const std::string& command, const std::string& on) {
    auto ctx = context(command);
    ctx.recorded_on = on;
    return ctx;
  };
  std::int64_t child_id = 0, plan_id = 0, action_id = 0;
  {
    store::WriteTransaction tx(*db, entered("add-child", "2026-11-10"));
    model::Child c;
    c.given_names = "Amelia";
    c.family_name = "Smith";
    c.date_of_birth = Date(2019, 4, 2);
    child_id = record::add_child(tx, c, k_today);
    tx.commit();
  }
  {
    store::WriteTransaction tx(*db, entered("open-plan", "2026-11-11"));
    record::OpenPlanRequest request;
    request.child_id = child_id;
    request.start = Date(2026, 11, 2);
    plan_id = record::open_plan(tx, library.find("child-in-need"), calendar, request, k_today);
    action_id =
        record::assign_action(tx, {plan_id, "Visit", "Bob", "health", Date(2026, 11, 30), std::nullopt});
    tx.commit();
  }
  {
    store::WriteTransaction tx(*db, entered("record-review", "2026-11-12"));
    record::record_review(tx, {plan_id, Date(2026, 11, 5), "core-group", std::nullopt, std::nullopt},
                          loader(), k_today);
    record::complete_action(tx, action_id, Date(2026, 11, 6), k_today);
    tx.commit();
  }
  {
    store::WriteTransaction tx(*db, entered("close-plan", "2026-11-13"));
    record::close_plan(tx, plan_id, Date(2026, 11, 9), "other", k_today);
    tx.commit();
  }
  auto& c = store::connection(*db);
  auto get = [&](const std::string& sql) { return c.execAndGet(sql).getString(); };
  CHECK(get("SELECT recorded_on FROM child") == "2026-11-10");
  CHECK(get("SELECT recorded_on FROM plan") == "2026-11-11");
  CHECK(get("SELECT end_recorded_on FROM plan") == "2026-11-13");
  CHECK(get("SELECT recorded_on FROM action WHERE id = " + std::to_string(action_id)) == "2026-11-11");
  CHECK(get("SELECT completed_recorded_on FROM action WHERE id = " + std::to_string(action_id)) ==
        "2026-11-12");
  CHECK(get("SELECT count(*) FROM action WHERE status = 'cancelled' AND completed_recorded_on = "
            "'2026-11-13'") != "0");  // the template's actions, cancelled with the plan
  CHECK(get("SELECT recorded_on FROM review") == "2026-11-12");
  // Without a recorded_on of its own, a write is entered on the date of its clock.
  CHECK(context().entered_on() == "2026-01-01");
}

TEST_CASE_FIXTURE(Fixture, "record_review: a visit records whether the child was seen, and seen alone") {
  auto p = open(child(), "child-protection", "NEG", Date(2026, 1, 5));
  auto review = [&](const std::string& kind, std::optional<std::string> seen,
                    std::optional<std::string> alone) {
    record::NewReview r;
    r.plan_id = p;
    r.date = Date(2026, 2, 2);
    r.kind = kind;
    r.seen = std::move(seen);
    r.seen_alone = std::move(alone);
    store::WriteTransaction tx(*db, context("record-review"));
    auto id = record::record_review(tx, r, loader(), k_today);
    tx.commit();
    return id;
  };
  auto id = review("visit", "yes", "no");
  auto stored = store::get_review(*db, id);
  CHECK(stored.seen == "yes");
  CHECK(stored.seen_alone == "no");
  CHECK_FALSE(store::get_review(*db, review("visit", std::nullopt, std::nullopt)).seen);  // not recorded
  CHECK_THROWS_WITH_AS(review("core-group", "yes", std::nullopt),
                       "'seen' is recorded for a visit, not a core-group: 'yes'", InvalidInput);
  CHECK_THROWS_WITH_AS(review("visit", "yes", "maybe"), "'seen-alone' must be one of yes, no: 'maybe'",
                       InvalidInput);
  CHECK(count("review") == 2);
}

TEST_CASE_FIXTURE(Fixture, "db check lists agencies stored before the code list that are not codes of it") {
  open(child(), "child-in-need", std::nullopt, Date(2026, 1, 5));
  CHECK(store::uncoded_values(*db).empty());
  store::connection(*db).exec("UPDATE action SET agency = 'Social Care' WHERE id IN (1, 3)");
  auto listed = store::uncoded_values(*db);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0] ==
        "agency 'Social Care' of 2 actions (first A1) is not a code of schemas/codes/agency.yaml");
}
