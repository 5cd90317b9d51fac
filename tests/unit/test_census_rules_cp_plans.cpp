// The census rules about ChildProtectionPlans and Reviews (returns/census_rules_cp_plans.cpp): each
// passes on a clean child and finds the one thing broken.
#include "census_items_fixture.hpp"

#include <ics/returns/census_check.hpp>

#include <algorithm>

using namespace census_items_test;

namespace {

// A second child protection plan P5 in the clean child's episode.
ics::returns::CensusCpp& add_cp_plan(CensusChild& c, std::string_view start,
                                     std::optional<std::string_view> end) {
  ics::returns::CensusCpp p = cp_plan(c);
  p.id = 5;
  p.start = d(start);
  p.end.reset();
  if (end) p.end = d(*end);
  p.reviews.clear();
  p.previous_plans = 1;
  episode(c).cp_plans.push_back(p);
  return episode(c).cp_plans.back();
}

}  // namespace

TEST_CASE("census 8720: a child protection plan starts on or before the reference date") {
  auto c = clean_child();
  passes("8720", c);
  cp_plan(c).start = d("2026-04-01");
  cp_plan(c).end.reset();
  fails("8720", c, "P2", {"2026-04-01"});
}

TEST_CASE("census 1105: a child protection plan starts on or after the episode's referral") {
  auto c = clean_child();
  cp_plan(c).start = episode(c).referral;
  passes("1105", c);
  cp_plan(c).start = d("2025-04-30");
  fails("1105", c, "P2", {"2025-04-30", "E1"});
}

TEST_CASE("census 2885: a plan starting in the period starts on an initial conference of its episode") {
  auto c = clean_child();
  passes("2885", c);
  SUBCASE("not on the enquiry's conference") {
    cp_plan(c).start = d("2025-05-28");
    fails("2885", c, "P2", {"2025-05-28", "2025-05-27 (S1)"});
  }
  SUBCASE("a plan that started before the period is not checked") {
    cp_plan(c).start = d("2025-03-03");
    passes("2885", c);
  }
  SUBCASE("transfer-in: the episode's own conference when it has no enquiry") {
    episode(c).section47s.clear();
    episode(c).icpc = cp_plan(c).start;
    passes("2885", c);
    episode(c).icpc = d("2025-05-26");
    fails("2885", c, "P2", {"2025-05-26 (episode E1)"});
  }
  SUBCASE("transfer-in: the episode's own conference when its only enquiry needed none") {
    enquiry(c).icpc.reset();
    enquiry(c).conference_id = 0;
    enquiry(c).icpc_not_required = true;
    episode(c).icpc = cp_plan(c).start;
    passes("2885", c);
  }
  SUBCASE("not the episode's conference while an enquiry could hold one") {
    enquiry(c).icpc.reset();
    enquiry(c).conference_id = 0;
    episode(c).icpc = cp_plan(c).start;
    fails("2885", c, "P2", {"own initial conference"});
    episode(c).icpc.reset();
    fails("2885", c, "P2", {"no initial conference date"});
  }
}

TEST_CASE("census 8925 and 8840: a child protection plan ends after its start") {
  auto c = clean_child();
  passes("8925", c);
  passes("8840", c);
  cp_plan(c).end = cp_plan(c).start;
  passes("8925", c);
  fails("8840", c, "P2", {"2025-05-27"});
  cp_plan(c).end = d("2025-05-26");
  fails("8925", c, "P2", {"2025-05-26", "2025-05-27"});
}

TEST_CASE("census 8930: a child protection plan's end falls inside the census period") {
  auto c = clean_child();
  passes("8930", c);
  cp_plan(c).end = d("2026-04-01");
  fails("8930", c, "P2", {"2026-04-01"});
}

TEST_CASE("census 8905 and 8910: the categories of abuse are present and valid") {
  auto c = clean_child();
  for (auto code : {"NEG", "PHY", "SAB", "EMO", "MUL"}) {
    cp_plan(c).initial_category = code;
    cp_plan(c).latest_category = code;
    passes("8905", c);
    passes("8910", c);
  }
  cp_plan(c).initial_category.reset();
  fails("8905", c, "P2", {"no initial category"});
  cp_plan(c).latest_category = "XYZ";
  fails("8910", c, "P2", {"'XYZ'", "NEG PHY SAB EMO MUL"});
}

TEST_CASE("census 8730: the number of previous plans is 0 or more") {
  auto c = clean_child();
  passes("8730", c);
  cp_plan(c).previous_plans = -1;
  fails("8730", c, "P2", {"-1"});
}

TEST_CASE("census 8915 and 8920: a child protection plan does not start or end after the child's death") {
  auto c = clean_child();
  c.death = d("2025-11-27");
  passes("8915", c);
  passes("8920", c);
  c.death = d("2025-11-26");
  fails("8920", c, "P2", {"2025-11-27", "2025-11-26"});
  passes("8915", c);
  c.death = d("2025-05-26");
  fails("8915", c, "P2", {"2025-05-27", "2025-05-26"});
}

TEST_CASE("census 8935: at most one open child protection plan per child") {
  auto c = clean_child();
  cp_plan(c).end.reset();
  passes("8935", c);
  SUBCASE("in one episode") {
    add_cp_plan(c, "2026-01-05", std::nullopt);
    fails("8935", c, "P5", {"P2"});
  }
  SUBCASE("in two episodes") {
    auto other = episode(c);
    other.id = 2;
    other.cp_plans[0].id = 6;
    c.episodes.push_back(other);
    auto f = fails("8935", c, "P6", {"P2"});
    CHECK(f.episode_id == 2);
  }
}

TEST_CASE("census 8940: a child's child protection plans do not overlap") {
  auto c = clean_child();
  add_cp_plan(c, "2025-11-28", "2026-01-30");
  passes("8940", c);
  SUBCASE("a start on the other's end date overlaps") {
    episode(c).cp_plans[1].start = d("2025-11-27");
    fails("8940", c, "P5", {"P2 (2025-05-27 to 2025-11-27)"});
  }
  SUBCASE("an open plan runs to the reference date") {
    cp_plan(c).end.reset();
    fails("8940", c, "P5", {"from 2025-05-27, open"});
  }
  SUBCASE("across episodes") {
    auto other = episode(c);
    other.id = 2;
    other.cp_plans = {episode(c).cp_plans[1]};
    other.cp_plans[0].start = d("2025-09-01");
    episode(c).cp_plans.pop_back();
    c.episodes.push_back(other);
    auto f = fails("8940", c, "P5", {"P2"});
    CHECK(f.episode_id == 2);
  }
}

TEST_CASE("census 8841: each review is after the plan's start") {
  auto c = clean_child();
  passes("8841", c);
  cp_plan(c).reviews = {d("2025-05-27"), d("2025-08-20")};
  fails("8841", c, "P2", {"2025-05-27"});
}

TEST_CASE("census 8842Q: each review date is one the census can hold") {
  auto c = clean_child();
  cp_plan(c).end.reset();
  cin_plan(c).start = d("2026-01-05");
  cp_plan(c).reviews = {d("2025-08-20"), k_period.reference};
  passes("8842Q", c);
  cp_plan(c).reviews.push_back(d("2026-04-01"));
  fails("8842Q", c, "P2", {"2026-04-01"});
}

TEST_CASE(
    "census 4003: a review does not fall within a CIN plan of the episode, unless on the plan's end date") {
  auto c = clean_child();
  passes("4003", c);
  SUBCASE("a review on the child protection plan's end date, the CIN plan's start: allowed") {
    cp_plan(c).reviews.push_back(*cp_plan(c).end);
    passes("4003", c);
  }
  SUBCASE("within the CIN plan") {
    cp_plan(c).reviews.push_back(d("2025-12-01"));
    fails("4003", c, "P2", {"2025-12-01", "P3", "2025-11-27 to 2026-02-27"});
  }
  SUBCASE("a CIN plan of another episode is not compared (the DfE's meaning)") {
    auto other = episode(c);
    other.id = 2;
    other.cp_plans.clear();
    other.cin_plans[0].start = d("2025-08-01");
    c.episodes.push_back(other);
    passes("4003", c);
  }
}

TEST_CASE(
    "census rules about items: each named in the rule list, and none finds anything in the clean child") {
  const char* numbers[] = {"1103", "8608", "8696",  "8736",  "8896", "8863Q", "8670Q", "8614",  "8897Q",
                           "8869", "8898", "8945Q", "8950Q", "4010", "4011",  "4012Q", "4013",  "4004",
                           "4014", "4015", "4008",  "4009Q", "4001", "4016",  "4017",  "2889",  "8615",
                           "1104", "8715", "8740",  "8675Q", "8839", "8890",  "8875",  "8870Q", "2884",
                           "8720", "1105", "2885",  "8925",  "8840", "8930",  "8905",  "8910",  "8730",
                           "8915", "8920", "8935",  "8940",  "8841", "8842Q", "4003"};
  auto rules = ics::returns::census_rules();
  auto c = clean_child();
  c.death = d("2026-03-01");
  for (std::string_view n : numbers) {
    auto it = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.number == n; });
    INFO(n);
    REQUIRE(it != rules.end());
    CHECK(it->severity == (n.back() == 'Q' ? ics::returns::Severity::query : ics::returns::Severity::error));
    CHECK(!it->summary.empty());
    passes(n, c);
  }
}
