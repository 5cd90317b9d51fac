// The census rules about CINPlanDates (returns/census_rules_cin_plans.cpp): each passes on a clean
// child and finds the one thing broken.
#include "census_items_fixture.hpp"

using namespace census_items_test;

namespace {

// A second CIN plan P4 in the clean child's episode.
ics::returns::CensusCinPlan& add_cin_plan(CensusChild& c, std::string_view start,
                                          std::optional<std::string_view> end) {
  ics::returns::CensusCinPlan p;
  p.id = 4;
  p.start = d(start);
  if (end) p.end = d(*end);
  episode(c).cin_plans.push_back(p);
  return episode(c).cin_plans.back();
}

}  // namespace

TEST_CASE("census 4010: a CIN plan starts on or before the reference date") {
  auto c = clean_child();
  cin_plan(c).start = k_period.reference;
  cin_plan(c).end.reset();
  passes("4010", c);
  cin_plan(c).start = d("2026-04-01");
  fails("4010", c, "P3", {"2026-04-01", "2026-03-31"});
}

TEST_CASE("census 4011 and 4012Q: a CIN plan ends after its start") {
  auto c = clean_child();
  passes("4011", c);
  passes("4012Q", c);
  cin_plan(c).end = cin_plan(c).start;
  passes("4011", c);
  fails("4012Q", c, "P3", {"2025-11-27"});
  cin_plan(c).end = d("2025-11-26");
  fails("4011", c, "P3", {"2025-11-26", "2025-11-27"});
  passes("4012Q", c);
}

TEST_CASE("census 4013: a CIN plan's end falls inside the census period") {
  auto c = clean_child();
  cin_plan(c).end = k_period.reference;
  passes("4013", c);
  cin_plan(c).end = d("2026-04-01");
  fails("4013", c, "P3", {"2026-04-01"});
}

TEST_CASE("census 4004: at most one open CIN plan per episode") {
  auto c = clean_child();
  cin_plan(c).end.reset();
  passes("4004", c);
  add_cin_plan(c, "2026-03-01", std::nullopt);
  fails("4004", c, "P4", {"P3", "E1"});
}

TEST_CASE("census 4014: a child's CIN plans do not overlap") {
  auto c = clean_child();
  add_cin_plan(c, "2026-02-28", "2026-03-20");
  passes("4014", c);
  SUBCASE("starting on the other's end date overlaps") {
    episode(c).cin_plans[1].start = d("2026-02-27");
    fails("4014", c, "P4", {"P3", "2025-11-27 to 2026-02-27"});
  }
  SUBCASE("an open plan runs to the reference date") {
    cin_plan(c).end.reset();
    fails("4014", c, "P4", {"from 2025-11-27, open"});
  }
  SUBCASE("across episodes") {
    auto later = episode(c);
    later.id = 2;
    later.assessments.clear();
    later.section47s.clear();
    later.cp_plans.clear();
    later.cin_plans = {episode(c).cin_plans[1]};
    later.cin_plans[0].start = d("2026-01-05");
    episode(c).cin_plans.pop_back();
    c.episodes.push_back(later);
    auto f = fails("4014", c, "P4", {"P3"});
    CHECK(f.episode_id == 2);
  }
}

TEST_CASE("census 4015: a CIN plan starts on or after the episode's referral") {
  auto c = clean_child();
  cin_plan(c).start = episode(c).referral;
  passes("4015", c);
  cin_plan(c).start = d("2025-04-30");
  fails("4015", c, "P3", {"2025-04-30", "E1"});
}

TEST_CASE("census 4008 and 4009Q: a CIN plan does not start or end after the child's death") {
  auto c = clean_child();
  c.death = d("2026-02-27");
  passes("4008", c);
  passes("4009Q", c);
  c.death = d("2026-02-26");
  passes("4008", c);
  fails("4009Q", c, "P3", {"2026-02-27", "2026-02-26"});
  c.death = d("2025-11-26");
  fails("4008", c, "P3", {"2025-11-27", "2025-11-26"});
}

TEST_CASE("census 4001: an episode has no open CIN plan and open child protection plan together") {
  auto c = clean_child();
  cin_plan(c).end.reset();
  passes("4001", c);
  cp_plan(c).end.reset();
  fails("4001", c, "P3", {"P2", "E1"});
}

TEST_CASE("census 4016: a CIN plan does not start within a child protection plan, unless on its end date") {
  auto c = clean_child();
  passes("4016", c);  // P3 starts on P2's end date
  SUBCASE("a day earlier") {
    cin_plan(c).start = d("2025-11-26");
    fails("4016", c, "P3", {"P2", "2025-05-27 to 2025-11-27"});
  }
  SUBCASE("on the plan's start") {
    cin_plan(c).start = cp_plan(c).start;
    fails("4016", c, "P3", {"P2"});
  }
  SUBCASE("an open child protection plan runs to the reference date") {
    cp_plan(c).end.reset();
    fails("4016", c, "P3", {"from 2025-05-27, open"});
  }
}

TEST_CASE("census 4017: a child protection plan does not start within a CIN plan, unless on its end date") {
  auto c = clean_child();
  ics::returns::CensusCpp second = cp_plan(c);
  second.id = 5;
  second.start = d("2026-02-27");  // the CIN plan's end date: allowed
  second.end.reset();
  episode(c).cp_plans.push_back(second);
  passes("4017", c);
  episode(c).cp_plans[1].start = d("2026-02-26");
  fails("4017", c, "P5", {"P3", "2025-11-27 to 2026-02-27"});
  episode(c).cp_plans[1].start = d("2026-03-02");
  cin_plan(c).end.reset();
  fails("4017", c, "P5", {"P3", "from 2025-11-27, open"});
}
