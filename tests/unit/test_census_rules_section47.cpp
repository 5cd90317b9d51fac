// The census rules about Section47 enquiries and initial conferences
// (returns/census_rules_section47.cpp): each passes on a clean child and finds the one thing broken.
#include "census_items_fixture.hpp"

using namespace census_items_test;

namespace {

// An enquiry of the clean child's episode with no conference yet.
ics::returns::CensusSection47& add_enquiry(CensusChild& c, std::string_view start) {
  ics::returns::CensusSection47 q;
  q.id = 2;
  q.start = d(start);
  episode(c).section47s.push_back(q);
  return episode(c).section47s.back();
}

}  // namespace

TEST_CASE("census 2889: an enquiry starts on or after the episode's referral") {
  auto c = clean_child();
  enquiry(c).start = episode(c).referral;
  passes("2889", c);
  enquiry(c).start = d("2025-04-30");
  fails("2889", c, "S1", {"2025-04-30", "E1", "2025-05-01"});
}

TEST_CASE("census 8615: an enquiry starts on or before its initial conference") {
  auto c = clean_child();
  enquiry(c).start = *enquiry(c).icpc;
  passes("8615", c);
  enquiry(c).start = d("2025-05-28");
  fails("8615", c, "S1", {"2025-05-28", "I1", "2025-05-27"});
}

TEST_CASE("census 1104: an enquiry's conference is not before the episode's referral") {
  auto c = clean_child();
  passes("1104", c);
  episode(c).referral = d("2025-05-28");
  fails("1104", c, "I1", {"S1", "2025-05-27", "2025-05-28"});
}

TEST_CASE("census 8715: an enquiry's conference falls inside the census period") {
  auto c = clean_child();
  enquiry(c).icpc = k_period.start;
  passes("8715", c);
  enquiry(c).icpc = d("2025-03-31");
  fails("8715", c, "I1", {"2025-03-31"});
  enquiry(c).conference_id = 0;  // no conference record: the enquiry is named
  fails("8715", c, "S1");
}

TEST_CASE("census 8740: an enquiry awaiting its conference started inside the census period") {
  auto c = clean_child();
  enquiry(c).icpc.reset();
  enquiry(c).conference_id = 0;
  episode(c).referral = d("2025-03-01");
  enquiry(c).start = k_period.start;
  passes("8740", c);
  enquiry(c).start = d("2025-03-31");
  fails("8740", c, "S1", {"2025-03-31"});
  enquiry(c).icpc_not_required = true;
  passes("8740", c);
}

TEST_CASE(
    "census 8675Q: an enquiry awaiting its conference started at most 15 working days before the reference "
    "date") {
  auto c = clean_child();
  enquiry(c).icpc.reset();
  // Tuesday 2026-03-31: the 15th working day before it is 2026-03-10.
  enquiry(c).start = d("2026-03-10");
  passes("8675Q", c);
  enquiry(c).start = d("2026-03-09");
  fails("8675Q", c, "S1", {"2026-03-09", "15 working days", "2026-03-10"});
  enquiry(c).icpc_not_required = true;
  passes("8675Q", c);
}

TEST_CASE("census 8675Q skips the bank holidays of the project's calendar") {
  // Census year 2024: Good Friday 2024-03-29 is not a working day, so the 15th working day before
  // Sunday 2024-03-31 is 2024-03-08 (2024-03-11 when only weekends are skipped).
  auto period = ics::returns::census_period(2024);
  auto c = clean_child();
  episode(c).referral = d("2024-01-02");
  enquiry(c).icpc.reset();
  enquiry(c).start = d("2024-03-08");
  passes("8675Q", c, period);
  enquiry(c).start = d("2024-03-07");
  fails("8675Q", c, "S1", {"2024-03-08"}, period);
}

TEST_CASE("census 8839: at most one enquiry awaiting its conference per episode") {
  auto c = clean_child();
  add_enquiry(c, "2025-12-01");
  passes("8839", c);
  enquiry(c).icpc.reset();
  enquiry(c).conference_id = 0;
  fails("8839", c, "S2", {"S1", "E1"});
  enquiry(c).icpc_not_required = true;
  passes("8839", c);
}

TEST_CASE("census 8890: an enquiry does not start while another of the episode is ongoing") {
  auto c = clean_child();
  auto& second = add_enquiry(c, "2025-05-28");
  (void)second;
  passes("8890", c);
  SUBCASE("on the other's conference day") {
    episode(c).section47s[1].start = d("2025-05-27");
    fails("8890", c, "S2", {"S1", "2025-05-06 to its conference on 2025-05-27"});
  }
  SUBCASE("while the other awaits its conference") {
    enquiry(c).icpc.reset();
    fails("8890", c, "S2", {"awaiting its conference"});
  }
  SUBCASE("an enquiry ended as not requiring a conference has no span") {
    enquiry(c).icpc.reset();
    enquiry(c).icpc_not_required = true;
    passes("8890", c);
  }
}

TEST_CASE("census 8875: an initial conference is not on a Saturday or Sunday") {
  auto c = clean_child();
  passes("8875", c);
  SUBCASE("an enquiry's") {
    enquiry(c).icpc = d("2025-05-31");
    fails("8875", c, "I1", {"Saturday", "2025-05-31"});
  }
  SUBCASE("the episode's (a transfer-in)") {
    episode(c).icpc = d("2025-06-01");
    episode(c).icpc_conference_id = 7;
    fails("8875", c, "I7", {"Sunday", "2025-06-01", "E1"});
  }
}

TEST_CASE("census 8870Q: the conference target is not on a Saturday or Sunday") {
  auto c = clean_child();
  passes("8870Q", c);
  enquiry(c).icpc_target = d("2025-05-31");
  fails("8870Q", c, "S1", {"Saturday"});
}

TEST_CASE("census 2884: one conference date is not recorded at both enquiry and episode level") {
  auto c = clean_child();
  episode(c).icpc = d("2025-06-03");
  passes("2884", c);
  episode(c).icpc = enquiry(c).icpc;
  fails("2884", c, "I1", {"2025-05-27", "S1", "E1"});
  SUBCASE("other episodes are not compared (the DfE's meaning)") {
    auto other = episode(c);
    other.id = 2;
    other.section47s.clear();
    episode(c).icpc.reset();
    c.episodes.push_back(other);
    passes("2884", c);
  }
}
