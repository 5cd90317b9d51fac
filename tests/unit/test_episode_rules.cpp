// Every rule of a child's path to a plan (record/episode_rules.hpp), allowed and refused, through the
// operations the commands call (record/episodes.hpp, record/plans.hpp): a refusal names the rule and
// the records involved, and writes nothing.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/record/children.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/episodes.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/reviews.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <functional>
#include <string>

using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

// What an operation made of a request: allowed, or refused with the error's message.
struct Verdict {
  bool allowed = true;
  std::string message;
};

struct Fixture : ics_test::ScratchDb {
  plan::TemplateLibrary library{{}};
  util::Calendar calendar = plan::load_calendar("england-and-wales", {});
  std::int64_t child_id = 0;

  Fixture() {
    model::Child c;
    c.given_names = "Amelia";
    c.family_name = "Smith";
    c.date_of_birth = Date(2019, 4, 2);
    store::WriteTransaction tx(*db, context("add-child"));
    child_id = record::add_child(tx, c, k_today);
    tx.commit();
  }

  // Runs `op` in a transaction of its own, committed when it succeeds.
  Verdict run(const std::function<void(store::WriteTransaction&)>& op) {
    try {
      store::WriteTransaction tx(*db, context("test"));
      op(tx);
      tx.commit();
      return {};
    } catch (const InvalidInput& e) {
      return {false, e.field() + " " + e.reason()};
    } catch (const Conflict& e) {
      return {false, e.what()};
    }
  }
  template <typename T>
  T value(const std::function<T(store::WriteTransaction&)>& op) {
    store::WriteTransaction tx(*db, context("test"));
    T out = op(tx);
    tx.commit();
    return out;
  }

  Verdict referral(Date date, std::optional<std::string> need = "N1", bool nfa = false,
                   std::string source = "3A") {
    return run([&](store::WriteTransaction& tx) {
      record::open_referral(tx, {child_id, date, source, need, nfa}, k_today);
    });
  }
  std::int64_t episode(Date date, bool nfa = false) {
    return value<std::int64_t>([&](store::WriteTransaction& tx) {
      return record::open_referral(
          tx, {child_id, date, "6", nfa ? std::nullopt : std::optional<std::string>("N1"), nfa}, k_today);
    });
  }
  Verdict start_assessment(std::int64_t e, Date date) {
    return run([&](store::WriteTransaction& tx) { record::start_assessment(tx, e, date, k_today); });
  }
  Verdict complete_assessment(std::int64_t e, Date date, std::vector<std::string> factors = {"21"}) {
    return run(
        [&](store::WriteTransaction& tx) { record::complete_assessment(tx, e, date, factors, k_today); });
  }
  Verdict start_enquiry(std::int64_t e, Date date) {
    return run([&](store::WriteTransaction& tx) { record::start_enquiry(tx, e, date, calendar, k_today); });
  }
  Verdict end_enquiry(std::int64_t e, Date date) {
    return run([&](store::WriteTransaction& tx) { record::end_enquiry(tx, e, date, k_today); });
  }
  record::ConferenceResult conference_result;
  Verdict conference(std::int64_t e, Date date, bool plan, std::optional<std::string> category = "NEG") {
    return run([&](store::WriteTransaction& tx) {
      record::NewConference c;
      c.episode_id = e;
      c.date = date;
      c.plan = plan;
      if (plan) c.category = category;
      conference_result =
          record::record_conference(tx, c, library.find("child-protection"), calendar, k_today);
    });
  }
  Verdict close(std::int64_t e, Date date, const std::string& reason = "RC7") {
    return run([&](store::WriteTransaction& tx) { record::close_episode(tx, e, date, reason, k_today); });
  }
  record::PlanFiling filing;
  std::int64_t plan_id = 0;
  Verdict open_plan(const std::string& tmpl, Date start,
                    std::optional<std::int64_t> episode_id = std::nullopt) {
    return run([&](store::WriteTransaction& tx) {
      record::OpenPlanRequest r;
      r.child_id = child_id;
      r.start = start;
      r.episode_id = episode_id;
      if (tmpl == "child-protection") r.category = "NEG";
      filing = {};
      plan_id = record::open_plan(tx, library.find(tmpl), calendar, r, k_today, &filing);
    });
  }
  Verdict close_plan(std::int64_t id, Date end) {
    return run([&](store::WriteTransaction& tx) { record::close_plan(tx, id, end, "other", k_today); });
  }
  std::string sql(const std::string& q) { return store::connection(*db).execAndGet(q).getString(); }
};

// A refusal whose message contains `part`.
void refused(const Verdict& v, const std::string& part) {
  CHECK_FALSE(v.allowed);
  CHECK_MESSAGE(v.message.find(part) != std::string::npos, v.message);
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "episodes: a referral's codes, its date, and what it records") {
  refused(referral(Date(2026, 3, 2), "N1", false, "XX"),
          "source is not in the referral-source list: must be one of 1A");
  refused(referral(Date(2026, 3, 2), "N10"), "need is not in the primary-need list");
  refused(referral(Date(2026, 3, 2), std::nullopt),
          "is required for a referral that is not no further action");
  refused(referral(Date(2026, 3, 2), "N1", true), "does not apply to a referral with no further action");
  refused(referral(Date(2026, 11, 23)), "is after today");
  refused(referral(Date(2018, 6, 1)), "is more than 280 days before the child's birth (2019-04-02)");
  CHECK(sql("SELECT count(*) FROM episode") == "0");

  auto e = episode(Date(2026, 3, 2));
  auto stored = store::get_episode(*db, e);
  CHECK(stored.referral_source == "6");
  CHECK(stored.primary_need == "N1");
  CHECK_FALSE(stored.nfa);
  CHECK_FALSE(stored.made_by);
  CHECK(sql("SELECT recorded_on FROM episode") == "2026-01-01");
  CHECK(sql("SELECT count(*) FROM audit WHERE entity = 'E1'") == "1");
}

TEST_CASE_FIXTURE(Fixture, "episodes: a child has at most one open episode, and its episodes never overlap") {
  auto first = episode(Date(2026, 3, 2));
  refused(referral(Date(2026, 4, 1)),
          "already has an open episode E1 (referred 2026-03-02): a child has at most one open episode");
  refused(referral(Date(2026, 2, 2)), "already has an open episode E1");  // a later open one
  CHECK(close(first, Date(2026, 4, 1)).allowed);
  refused(
      referral(Date(2026, 3, 9)),
      "date overlaps episode E1 of child C1 (2026-03-02 to 2026-04-01): episodes of a child may not overlap");
  refused(referral(Date(2026, 3, 2), std::nullopt, true), "overlaps episode E1");  // the same referral date
  refused(referral(Date(2026, 2, 2)), "overlaps episode E1");     // open, so E1's referral falls inside it
  CHECK(referral(Date(2026, 2, 2), std::nullopt, true).allowed);  // no further action: its own day only
  CHECK(referral(Date(2026, 4, 1)).allowed);                      // on the day E1 closed
  CHECK(sql("SELECT count(*) FROM episode") == "3");
}

TEST_CASE_FIXTURE(Fixture, "episodes: a no-further-action episode holds nothing but its referral") {
  auto nfa = episode(Date(2026, 3, 2), true);
  refused(start_assessment(nfa, Date(2026, 3, 2)),
          "is a referral with no further action: it holds nothing but its referral, so not an assessment");
  refused(start_enquiry(nfa, Date(2026, 3, 2)), "so not a section 47 enquiry");
  refused(conference(nfa, Date(2026, 3, 2), false), "so not a conference");
  refused(open_plan("child-in-need", Date(2026, 3, 2), nfa), "so not a plan");
  // It is not the child's open episode: a later referral and open-plan's own episode may follow.
  CHECK(referral(Date(2026, 3, 9)).allowed);
  CHECK(close(nfa, Date(2026, 3, 2), "RC8").allowed);
}

TEST_CASE_FIXTURE(Fixture,
                  "assessments: one open at a time, dated within the episode, factors from the list") {
  auto e = episode(Date(2026, 3, 2));
  refused(start_assessment(e, Date(2026, 3, 1)),
          "is before the referral of episode E1 (2026-03-02): everything in an episode is dated within it");
  refused(start_assessment(e, Date(2026, 11, 23)), "is after today");
  refused(complete_assessment(e, Date(2026, 3, 9)), "episode E1 has no open assessment");
  CHECK(start_assessment(e, Date(2026, 3, 3)).allowed);
  refused(start_assessment(e, Date(2026, 3, 4)),
          "episode E1 already has an open assessment N1: an episode has at most one open assessment");
  refused(complete_assessment(e, Date(2026, 3, 2)), "is before the start of assessment N1 (2026-03-03)");
  refused(complete_assessment(e, Date(2026, 3, 9), {}), "needs at least one factor");
  refused(complete_assessment(e, Date(2026, 3, 9), {"99Z"}), "factors is not in the assessment-factor list");
  refused(complete_assessment(e, Date(2026, 3, 9), {"3B", "3B"}), "is listed twice");
  refused(complete_assessment(e, Date(2026, 3, 9), {"21", "3B"}), "'21' stands alone");
  CHECK(complete_assessment(e, Date(2026, 3, 9), {"3B", "18A"}).allowed);  // 18A: deprecated, still accepted
  auto a = store::get_assessment(*db, 1);
  CHECK(a.completed_date == Date(2026, 3, 9));
  CHECK(a.factors == std::vector<std::string>{"3B", "18A"});
  CHECK(sql("SELECT completed_recorded_on FROM assessment") == "2026-01-01");
  CHECK(start_assessment(e, Date(2026, 3, 10)).allowed);  // the first is completed
}

TEST_CASE_FIXTURE(
    Fixture, "enquiries: one open at a time, none within another, the conference target 15 working days on") {
  auto e = episode(Date(2026, 3, 2));
  refused(end_enquiry(e, Date(2026, 3, 9)), "episode E1 has no open enquiry");
  CHECK(start_enquiry(e, Date(2026, 3, 2)).allowed);
  CHECK(store::get_enquiry(*db, 1).enquiry.conference_target == Date(2026, 3, 23));
  refused(start_enquiry(e, Date(2026, 3, 3)),
          "episode E1 already has an open enquiry S1 (started 2026-03-02): an episode has at most one open "
          "enquiry");
  refused(end_enquiry(e, Date(2026, 3, 1)), "is before");
  CHECK(end_enquiry(e, Date(2026, 3, 9)).allowed);
  refused(start_enquiry(e, Date(2026, 3, 5)),
          "is within enquiry S1 of episode E1 (2026-03-02 to 2026-03-09): enquiries may not overlap");
  CHECK(start_enquiry(e, Date(2026, 3, 9)).allowed);
  refused(start_enquiry(e, Date(2031, 1, 6)), "is after today");
  // Over Easter: Good Friday and Easter Monday are not working days.
  CHECK(record::conference_target(Date(2026, 3, 30), calendar, "date") == Date(2026, 4, 22));
  CHECK_THROWS_AS(record::conference_target(Date(1990, 1, 1), calendar, "date"), InvalidInput);
}

TEST_CASE_FIXTURE(Fixture,
                  "conferences: not at a weekend, not before the enquiry; a plan outcome opens the plan") {
  auto e = episode(Date(2026, 3, 2));
  CHECK(start_enquiry(e, Date(2026, 3, 9)).allowed);
  refused(conference(e, Date(2026, 3, 14), false), "is a Saturday: a conference is not held at a weekend");
  refused(conference(e, Date(2026, 3, 15), false), "is a Sunday");
  refused(conference(e, Date(2026, 3, 6), false),
          "is before the start of enquiry S1 (2026-03-09): a conference is not before its enquiry");
  refused(conference(e, Date(2026, 3, 16), true, std::nullopt), "category");  // the template needs one
  CHECK(sql("SELECT count(*) FROM conference") == "0");
  CHECK(conference(e, Date(2026, 3, 16), true).allowed);
  auto c = store::get_conference(*db, conference_result.conference_id);
  CHECK(c.enquiry_id == 1);
  CHECK(c.outcome == "plan");
  REQUIRE(conference_result.plan_id != 0);
  auto plan = store::get_plan(*db, conference_result.plan_id);
  CHECK(plan.kind == "child-protection");
  CHECK(plan.start_date == Date(2026, 3, 16));
  CHECK(plan.episode_id == e);
  CHECK(plan.conference_id == c.id);
  CHECK(plan.initial_category == "NEG");
  // The enquiry ended with its conference: a new one may start, and a conference with none open is a
  // transfer-in of the episode.
  CHECK_FALSE(store::open_enquiry_of_episode(*db, e));
  CHECK(conference(e, Date(2026, 3, 17), false).allowed);
  CHECK(store::get_conference(*db, conference_result.conference_id).enquiry_id == 0);
  CHECK(conference_result.plan_id == 0);
}

TEST_CASE_FIXTURE(Fixture,
                  "plans in episodes: a child protection plan starts on a conference of its episode") {
  auto e = episode(Date(2026, 3, 2));
  refused(open_plan("child-protection", Date(2026, 3, 9), e),
          "start is not the date of a conference of episode E1: a child protection plan starts on the date");
  refused(open_plan("child-in-need", Date(2026, 3, 1), e),
          "is before the referral of episode E1 (2026-03-02)");
  CHECK(conference(e, Date(2026, 3, 9), false).allowed);  // a transfer-in conference, no plan
  CHECK(open_plan("child-protection", Date(2026, 3, 9), e).allowed);
  CHECK(filing.episode_id == e);
  CHECK_FALSE(filing.episode_opened);
  CHECK_FALSE(filing.conference_made);
  CHECK(store::get_plan(*db, plan_id).conference_id == filing.conference_id);

  SUBCASE("a closed episode takes no plan") {
    CHECK(close_plan(plan_id, Date(2026, 4, 1)).allowed);
    CHECK(close(e, Date(2026, 4, 1)).allowed);
    refused(open_plan("child-in-need", Date(2026, 4, 1), e), "episode E1 was closed on 2026-04-01");
  }
  SUBCASE("an episode of another child") {
    model::Child c;
    c.given_names = "Ben";
    c.family_name = "Smith";
    store::WriteTransaction tx(*db, context("add-child"));
    auto other = record::add_child(tx, c, k_today);
    tx.commit();
    auto v = run([&](store::WriteTransaction& t) {
      record::OpenPlanRequest r;
      r.child_id = other;
      r.start = Date(2026, 3, 10);
      r.episode_id = e;
      record::open_plan(t, library.find("child-in-need"), calendar, r, k_today);
    });
    refused(v, "episode is an episode of child C1, not of C2");
  }
}

TEST_CASE_FIXTURE(
    Fixture, "plans in episodes: child protection plans never meet, and never overlap a child in need plan") {
  CHECK(open_plan("child-protection", Date(2026, 3, 2)).allowed);
  auto cp = plan_id;
  refused(open_plan("child-in-need", Date(2026, 3, 9)),
          "already has an open child-protection plan P1: a child protection plan and a child in need plan "
          "may not overlap");
  CHECK(close_plan(cp, Date(2026, 4, 1)).allowed);
  refused(open_plan("child-protection", Date(2026, 4, 1)),
          "meets child-protection plan P1 of child C1 (2026-03-02 to 2026-04-01): a child protection plan "
          "starts strictly after the previous one ended");
  refused(open_plan("child-in-need", Date(2026, 3, 31)),
          "overlaps child-protection plan P1 of child C1 (2026-03-02 to 2026-04-01): a child protection plan "
          "and a child in need plan may not overlap");
  CHECK(open_plan("child-in-need", Date(2026, 4, 1)).allowed);  // stepped down on the day the CPP ended
  auto cin = plan_id;
  refused(open_plan("child-protection", Date(2026, 4, 2)), "already has an open child-in-need plan");
  CHECK(close_plan(cin, Date(2026, 5, 4)).allowed);
  CHECK(open_plan("child-protection", Date(2026, 5, 4)).allowed);  // stepped up on the day the CIN plan ended
  // All in the one episode open-plan opened for the first plan, each CPP on its own transfer-in conference.
  CHECK(sql("SELECT count(*) FROM episode") == "1");
  CHECK(sql("SELECT count(DISTINCT episode_id) FROM plan") == "1");
  CHECK(sql("SELECT count(*) FROM conference") == "2");
  CHECK(store::latest_cp_plan_end(*db, child_id) == Date(2026, 4, 1));
}

TEST_CASE_FIXTURE(Fixture, "open-plan without an episode uses the child's open one, or opens one for it") {
  CHECK(open_plan("child-protection", Date(2026, 3, 2)).allowed);
  CHECK(filing.episode_opened);
  CHECK(filing.conference_made);
  auto e = store::get_episode(*db, filing.episode_id);
  CHECK(e.made_by == "open-plan");
  CHECK(e.referral_date == Date(2026, 3, 2));
  CHECK_FALSE(e.referral_source);
  CHECK_FALSE(e.primary_need);
  auto c = store::get_conference(*db, filing.conference_id);
  CHECK(c.enquiry_id == 0);
  CHECK(c.conference_date == Date(2026, 3, 2));
  CHECK(c.outcome == "plan");
  CHECK(store::get_plan(*db, plan_id).episode_id == e.id);
  // Closing the plan leaves the episode open; the next plan is filed there.
  CHECK(close_plan(plan_id, Date(2026, 4, 1)).allowed);
  CHECK_FALSE(store::get_episode(*db, e.id).closure_date);
  CHECK(open_plan("child-in-need", Date(2026, 4, 1)).allowed);
  CHECK(filing.episode_id == e.id);
  CHECK_FALSE(filing.episode_opened);
  CHECK_FALSE(filing.conference_made);
  CHECK(sql("SELECT count(*) FROM episode") == "1");
}

TEST_CASE_FIXTURE(Fixture,
                  "open-plan without an episode: a plan before the open episode's referral is refused") {
  auto e = episode(Date(2026, 3, 2));
  refused(open_plan("child-in-need", Date(2026, 2, 2)),
          "start is before the referral of episode E1 (2026-03-02)");
  CHECK(open_plan("child-in-need", Date(2026, 3, 2)).allowed);
  CHECK(filing.episode_id == e);
  CHECK(sql("SELECT count(*) FROM episode") == "1");
}

TEST_CASE_FIXTURE(Fixture,
                  "closing an episode: everything completed, ended and closed, and nothing after it") {
  auto e = episode(Date(2026, 3, 2));
  CHECK(start_assessment(e, Date(2026, 3, 2)).allowed);
  refused(close(e, Date(2026, 4, 1)), "episode 'E1' cannot close: assessment N1 is not completed");
  CHECK(complete_assessment(e, Date(2026, 3, 20), {"3B"}).allowed);
  CHECK(start_enquiry(e, Date(2026, 3, 23)).allowed);
  refused(close(e, Date(2026, 4, 1)), "enquiry S1 has not ended");
  CHECK(conference(e, Date(2026, 3, 30), true).allowed);
  refused(close(e, Date(2026, 4, 1)), "plan P1 is open");
  CHECK(close_plan(conference_result.plan_id, Date(2026, 6, 1)).allowed);
  refused(close(e, Date(2026, 5, 4)),
          "is before the last date in episode E1 (plan P1 ended on 2026-06-01): everything in an episode is "
          "dated within it");
  refused(close(e, Date(2026, 6, 1), "RC8"), "but episode E1 holds enquiry S1");
  refused(close(e, Date(2026, 6, 1), "RC10"), "reason is not in the closure-reason list");
  refused(close(e, Date(2026, 3, 1)), "is before the referral of episode E1 (2026-03-02)");
  refused(close(e, Date(2026, 11, 23)), "is after today");
  CHECK(sql("SELECT count(*) FROM episode WHERE closure_date IS NOT NULL") == "0");
  CHECK(close(e, Date(2026, 6, 1)).allowed);
  auto closed = store::get_episode(*db, e);
  CHECK(closed.closure_date == Date(2026, 6, 1));
  CHECK(closed.closure_reason == "RC7");
  CHECK(sql("SELECT closure_recorded_on FROM episode") == "2026-01-01");
  refused(close(e, Date(2026, 6, 2)), "episode 'E1' was closed on 2026-06-01");
  refused(start_assessment(e, Date(2026, 5, 1)), "episode 'E1' was closed on 2026-06-01");
}

TEST_CASE_FIXTURE(
    Fixture,
    "closing after assessment with no further action (RC8) needs an episode with no enquiry or plan") {
  auto e = episode(Date(2026, 3, 2));
  CHECK(start_assessment(e, Date(2026, 3, 2)).allowed);
  CHECK(complete_assessment(e, Date(2026, 3, 20), {"21"}).allowed);
  CHECK(close(e, Date(2026, 3, 20), "RC8").allowed);
  // A closed no-further-action episode whose closure would swallow a later referral.
  auto nfa = episode(Date(2026, 4, 1), true);
  CHECK(referral(Date(2026, 5, 4)).allowed);
  refused(close(nfa, Date(2026, 6, 1)), "overlaps episode E3");
}
