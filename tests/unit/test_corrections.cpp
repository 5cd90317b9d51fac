// Corrections (record/corrections.hpp): each by the creation rules, audited before and after, and
// nothing written when refused.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/children.hpp>
#include <ics/record/corrections.hpp>
#include <ics/record/plans.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

struct Fixture : ics_test::ScratchDb {
  plan::TemplateLibrary library{{}};
  util::Calendar calendar = plan::load_calendar("england-and-wales", {});

  std::int64_t child(const std::string& nhs = "") {
    model::Child c;
    c.given_names = "Amelia";
    c.family_name = "Smith";
    c.date_of_birth = Date(2019, 4, 2);
    if (!nhs.empty()) c.nhs_number = nhs;
    store::WriteTransaction tx(*db, context("add-child"));
    auto id = record::add_child(tx, c, k_today);
    tx.commit();
    return id;
  }

  std::int64_t open(std::int64_t child_id, Date start) {
    record::OpenPlanRequest request;
    request.child_id = child_id;
    request.category = "NEG";
    request.start = start;
    request.worker = "Sam Patel";
    store::WriteTransaction tx(*db, context("open-plan"));
    auto id = record::open_plan(tx, library.find("child-protection"), calendar, request, k_today);
    tx.commit();
    return id;
  }

  template <typename F>
  auto in_tx(F f) {
    store::WriteTransaction tx(*db, context("correct"));
    auto result = f(tx);
    tx.commit();
    return result;
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "update_child: add-child's rules, identifiers unique, audited before and after") {
  auto a = child("9434765919");
  auto b = child();
  auto audits = count("audit");
  auto corrected = store::get_child(*db, b);
  corrected.family_name = "Smith-Jones";
  CHECK(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }));
  CHECK(store::get_child(*db, b).family_name == "Smith-Jones");
  CHECK(count("audit") == audits + 1);
  CHECK(count("audit WHERE entity = 'C2' AND before LIKE '%\"Smith\"%' AND after LIKE '%Smith-Jones%'") == 1);
  // Nothing changed: nothing written.
  CHECK_FALSE(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }));
  CHECK(count("audit") == audits + 1);

  corrected.nhs_number = "943 476 5919";
  CHECK_THROWS_WITH_AS(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }),
                       "NHS number 9434765919 is already held by child C1", Conflict);
  corrected.nhs_number = "9434765918";
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }),
                  InvalidInput);
  corrected.nhs_number.reset();
  corrected.date_of_birth = Date(2026, 11, 23);
  CHECK_THROWS_WITH_AS(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }),
                       "'dob' is after today: '2026-11-23'", InvalidInput);
  corrected.date_of_birth = Date(2019, 4, 2);
  corrected.ethnicity = "NOPE";
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }),
                  InvalidInput);
  CHECK(count("audit") == audits + 1);
  CHECK(a == 1);
}

TEST_CASE_FIXTURE(Fixture,
                  "update_child: a date of birth after the start of a plan of the child is refused") {
  auto c = child();
  open(c, Date(2025, 12, 19));
  auto corrected = store::get_child(*db, c);
  corrected.date_of_birth = Date(2026, 1, 2);
  CHECK_THROWS_WITH_AS(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }),
                       "'dob' is after the start of plan P1 (2025-12-19): a plan does not start before the "
                       "child's date of birth: '2026-01-02'",
                       InvalidInput);
  corrected.date_of_birth = Date(2025, 12, 19);
  CHECK(in_tx([&](auto& tx) { return record::update_child(tx, corrected, k_today); }));
}

TEST_CASE_FIXTURE(Fixture, "update_action and update_plan: assign-action's rules; finished records refused") {
  auto p = open(child(), Date(2025, 12, 19));
  auto action = store::open_actions_of_plan(*db, p).front();
  record::ActionCorrection due;
  due.due = Date(2025, 12, 18);
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::update_action(tx, action, due); }), InvalidInput);
  due.due = Date(2026, 2, 20);
  CHECK(in_tx([&](auto& tx) { return record::update_action(tx, action, due); }));
  CHECK(store::get_action(*db, action).due_date == Date(2026, 2, 20));
  record::ActionCorrection agency;
  agency.agency = "not-an-agency";
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::update_action(tx, action, agency); }), InvalidInput);

  CHECK(in_tx([&](auto& tx) { return record::update_plan(tx, p, std::string("Jo Green"), std::nullopt); }));
  CHECK(store::get_plan(*db, p).lead_worker == "Jo Green");

  in_tx([&](auto& tx) {
    record::complete_action(tx, action, Date(2026, 1, 5), k_today);
    return 0;
  });
  CHECK_THROWS_WITH_AS(in_tx([&](auto& tx) { return record::update_action(tx, action, due); }),
                       "action 'A1' is done: a finished action is not corrected", Conflict);
  in_tx([&](auto& tx) {
    record::close_plan(tx, p, Date(2026, 3, 1), "no-longer-at-risk", k_today);
    return 0;
  });
  CHECK_THROWS_AS(
      in_tx([&](auto& tx) { return record::update_plan(tx, p, std::string("Sam"), std::nullopt); }),
      Conflict);
}

TEST_CASE_FIXTURE(Fixture, "reassign gives a worker's open actions and open plans to another") {
  auto p = open(child(), Date(2025, 12, 19));
  auto actions = store::open_actions_of_plan(*db, p);
  REQUIRE(!actions.empty());
  auto owner = store::get_action(*db, actions.front()).owner;
  auto held = record::held_by(*db, owner, std::nullopt);
  CHECK(held.actions >= 1);
  auto done = in_tx([&](auto& tx) { return record::reassign(tx, owner, "Jo Green", std::nullopt); });
  CHECK(done.actions == held.actions);
  CHECK(store::get_action(*db, actions.front()).owner == "Jo Green");
  auto plans = in_tx([&](auto& tx) { return record::reassign(tx, "Sam Patel", "Jo Green", std::nullopt); });
  CHECK(plans.plans == 1);
  CHECK(store::get_plan(*db, p).lead_worker == "Jo Green");
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::reassign(tx, "Nobody", "Jo Green", std::nullopt); }),
                  NotFound);
  CHECK_THROWS_AS(in_tx([&](auto& tx) { return record::reassign(tx, "Jo Green", "Jo Green", std::nullopt); }),
                  InvalidInput);
}
