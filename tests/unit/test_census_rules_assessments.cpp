// The census rules about Assessments (returns/census_rules_assessments.cpp): each passes on a clean
// child and finds the one thing broken.
#include "census_items_fixture.hpp"

using namespace census_items_test;

TEST_CASE("census 1103: an assessment starts on or after the episode's referral") {
  auto c = clean_child();
  assessment(c).start = episode(c).referral;
  passes("1103", c);
  assessment(c).start = d("2025-04-30");
  fails("1103", c, "N1", {"2025-04-30", "E1", "2025-05-01"});
}

TEST_CASE("census 8608: an assessment is authorised on or after its start") {
  auto c = clean_child();
  assessment(c).authorised = assessment(c).start;
  passes("8608", c);
  assessment(c).authorised = d("2025-05-01");
  fails("8608", c, "N1", {"2025-05-01", "2025-05-02"});
}

TEST_CASE("census 8696: an authorisation falls inside the census period") {
  auto c = clean_child();
  assessment(c).authorised = k_period.reference;
  passes("8696", c);
  assessment(c).authorised = d("2026-04-01");
  fails("8696", c, "N1", {"2026-04-01"});
}

TEST_CASE("census 8736: an unauthorised assessment started inside the census period") {
  auto c = clean_child();
  assessment(c).authorised.reset();
  assessment(c).factors.clear();
  assessment(c).start = k_period.start;
  episode(c).referral = d("2025-03-01");
  passes("8736", c);
  assessment(c).start = d("2025-03-31");
  fails("8736", c, "N1", {"2025-03-31", "not authorised"});
  assessment(c).authorised = d("2025-04-10");  // authorised in the period: no longer this rule's
  passes("8736", c);
}

TEST_CASE("census 8896: at most one unauthorised assessment per episode") {
  auto c = clean_child();
  auto second = assessment(c);
  second.id = 2;
  second.start = d("2025-06-02");
  second.authorised.reset();
  second.factors.clear();
  episode(c).assessments.push_back(second);
  passes("8896", c);
  assessment(c).authorised.reset();
  fails("8896", c, "N2", {"N1", "E1"});
}

TEST_CASE("census 8863Q: an assessment does not start while another is ongoing") {
  auto c = clean_child();
  auto second = assessment(c);
  second.id = 2;
  second.start = d("2025-05-21");
  second.authorised = d("2025-06-10");
  episode(c).assessments.push_back(second);
  passes("8863Q", c);
  SUBCASE("starting on the day the other is authorised counts as ongoing") {
    episode(c).assessments[1].start = d("2025-05-20");
    fails("8863Q", c, "N2", {"N1", "2025-05-02 to 2025-05-20"});
  }
  SUBCASE("an unauthorised one is ongoing up to the reference date") {
    assessment(c).authorised.reset();
    fails("8863Q", c, "N2", {"from 2025-05-02, open"});
  }
  SUBCASE("two starting the same day: the later listed is reported") {
    episode(c).assessments[1].start = assessment(c).start;
    fails("8863Q", c, "N2");
  }
}

TEST_CASE(
    "census 8670Q: an unauthorised assessment started at most 45 working days before the reference date") {
  auto c = clean_child();
  assessment(c).authorised.reset();
  assessment(c).factors.clear();
  // 2026-03-31 is a Tuesday; no bank holiday from February to March 2026: the 45th working day before
  // it is 2026-01-27 (the reference date itself not counted).
  assessment(c).start = d("2026-01-27");
  passes("8670Q", c);
  assessment(c).start = d("2026-01-26");
  fails("8670Q", c, "N1", {"2026-01-26", "45 working days", "2026-01-27"});
  assessment(c).authorised = d("2026-03-01");
  assessment(c).factors = {"21"};
  passes("8670Q", c);
}

TEST_CASE("census 8670Q counts working days with the bank holidays of the project's calendar") {
  // Census year 2024: reference date Sunday 2024-03-31; Good Friday 2024-03-29 is not a working day,
  // so the 45th working day before the reference date is Friday 2024-01-26, not Monday 2024-01-29.
  auto period = ics::returns::census_period(2024);
  auto c = clean_child();
  episode(c).referral = d("2024-01-02");
  assessment(c).authorised.reset();
  assessment(c).factors.clear();
  assessment(c).start = d("2024-01-26");
  passes("8670Q", c, period);
  assessment(c).start = d("2024-01-25");
  fails("8670Q", c, "N1", {"2024-01-26"}, period);
}

TEST_CASE("census 8614: factors only on an authorised assessment") {
  auto c = clean_child();
  passes("8614", c);
  assessment(c).authorised.reset();
  fails("8614", c, "N1", {"3B", "not authorised"});
  assessment(c).factors.clear();
  passes("8614", c);
}

TEST_CASE("census 8897Q: an assessment authorised in the period has a valid factor") {
  auto c = clean_child();
  passes("8897Q", c);
  SUBCASE("none") {
    assessment(c).factors.clear();
    fails("8897Q", c, "N1", {"no factors"});
  }
  SUBCASE("none valid") {
    assessment(c).factors = {"99Z"};
    fails("8897Q", c, "N1", {"99Z"});
  }
  SUBCASE("authorised outside the period: not this rule's") {
    assessment(c).factors.clear();
    assessment(c).authorised = d("2026-04-02");
    passes("8897Q", c);
  }
}

TEST_CASE("census 8869: factor 21 stands alone") {
  auto c = clean_child();
  assessment(c).factors = {"21"};
  passes("8869", c);
  assessment(c).factors = {"3B", "21"};
  fails("8869", c, "N1", {"3B,21"});
}

TEST_CASE("census 8898: no factor twice on one assessment") {
  auto c = clean_child();
  assessment(c).factors = {"3B", "4B"};
  passes("8898", c);
  assessment(c).factors = {"3B", "4B", "3B"};
  fails("8898", c, "N1", {"3B"});
}

TEST_CASE("census 8945Q and 8950Q: the deprecated factors 18A and 19A are queried") {
  auto c = clean_child();
  assessment(c).factors = {"18B", "19C"};
  passes("8945Q", c);
  passes("8950Q", c);
  assessment(c).factors = {"18A", "19C"};
  fails("8945Q", c, "N1", {"18A", "18B"});
  passes("8950Q", c);
  assessment(c).factors = {"19A"};
  fails("8950Q", c, "N1", {"19A", "19C"});
}
