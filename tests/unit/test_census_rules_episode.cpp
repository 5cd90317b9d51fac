// The census rules about the episode (CINdetails): each passes the clean child and finds the fault
// planted in it, naming the values.
#include "census_fixture.hpp"

#include <doctest/doctest.h>

using namespace census_test;
using ics::returns::Severity;

namespace {

void finds(std::string_view rule, const CensusChild& child, const std::string& message,
           std::int64_t episode_id = 1, const std::string& record_id = "E1") {
  std::string name(rule);
  CAPTURE(name);
  auto f = findings(rule, child);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == name);
  CHECK(f[0].severity == (rule.back() == 'Q' ? Severity::query : Severity::error));
  CHECK(f[0].child_id == child.id);
  CHECK(f[0].episode_id == episode_id);
  CHECK(f[0].record_id == record_id);
  CHECK(f[0].message == message);
}

void passes(std::string_view rule, const CensusChild& child) {
  std::string name(rule);
  CAPTURE(name);
  CHECK(findings(rule, child).empty());
}

// The clean child with its episode closed on `date` for `reason`.
CensusChild closed(Date date, const std::string& reason) {
  auto c = clean_child();
  c.episodes[0].closure = date;
  c.episodes[0].closure_reason = reason;
  return c;
}

CensusEpisode episode(std::int64_t id, Date referral) {
  CensusEpisode e;
  e.id = id;
  e.referral = referral;
  e.referral_source = "1A";
  e.primary_need = "N4";
  return e;
}

// The clean child with its episode a no further action referral (nothing in it).
CensusChild nfa_child() {
  auto c = clean_child();
  c.episodes[0].nfa = true;
  c.episodes[0].assessments.clear();
  return c;
}

}  // namespace

TEST_CASE("census 8600: referral on or before the reference date") {
  passes("8600", clean_child());
  auto c = clean_child();
  c.episodes[0].referral = Date(2026, 4, 1);
  finds("8600", c, "referral 2026-04-01 is after the reference date 2026-03-31");
}

TEST_CASE("census 8606: referral not more than 280 days before the (expected) birth") {
  auto c = clean_child();
  c.episodes[0].referral = Date(2014, 8, 25);
  passes("8606", c);
  c.episodes[0].referral = Date(2014, 8, 24);
  finds("8606", c, "referral 2014-08-24 is more than 280 days before the birth date 2015-06-01");
  c.birth = std::nullopt;
  c.expected_birth = Date(2015, 6, 1);
  finds("8606", c, "referral 2014-08-24 is more than 280 days before the expected birth date 2015-06-01");
}

TEST_CASE("census 8866: ReferralSource present and valid") {
  passes("8866", clean_child());
  auto c = clean_child();
  c.episodes[0].referral_source = std::nullopt;
  finds("8866", c, "referral 2025-05-01 has no ReferralSource (required from 2013-04-01)");
  c.episodes[0].referral = Date(2013, 3, 31);  // before sources were collected
  passes("8866", c);
  c.episodes[0].referral_source = "3Z";
  auto f = findings("8866", c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("ReferralSource '3Z' is not a code of the referral-source list (1A, 1B, "));
}

TEST_CASE("census 8568: ReferralNFA is always present") {
  // icsctl holds it as a yes or no and writes `1` or `0`: there is no failing case to plant.
  passes("8568", clean_child());
  passes("8568", nfa_child());
}

TEST_CASE("census 8569Q: an NFA referral is not older than the working day before the period") {
  auto c = nfa_child();
  c.episodes[0].referral = Date(2025, 3, 31);  // Monday, the working day before Tuesday 1 April
  passes("8569Q", c);
  c.episodes[0].referral = Date(2025, 3, 28);
  finds(
      "8569Q", c,
      "referral 2025-03-28 is flagged no further action but is before 2025-03-31, the working day before the "
      "census period");
  c.episodes[0].nfa = false;
  passes("8569Q", c);
}

TEST_CASE("census 8569Q counts working days with the bank holidays") {
  // Census year 2024: 1 April 2023 is a Saturday; the working day before it is Friday 31 March.
  auto c = nfa_child();
  c.episodes[0].referral = Date(2023, 3, 31);
  CHECK(ics::returns::check_one_rule("8569Q", ics::returns::census_period(2024), header(), {c}).empty());
  c.episodes[0].referral = Date(2023, 3, 30);
  CHECK(ics::returns::check_one_rule("8569Q", ics::returns::census_period(2024), header(), {c}).size() == 1);
  // Census year 2019: 1 April 2018 is Easter Sunday, Monday 2 April a bank holiday; the working day before
  // Sunday 1 April is Thursday 29 March (Good Friday 30 March is a holiday).
  c.episodes[0].referral = Date(2018, 3, 29);
  CHECK(ics::returns::check_one_rule("8569Q", ics::returns::census_period(2019), header(), {c}).empty());
  c.episodes[0].referral = Date(2018, 3, 28);
  CHECK(ics::returns::check_one_rule("8569Q", ics::returns::census_period(2019), header(), {c}).size() == 1);
}

TEST_CASE("census 8610, 8650: PrimaryNeedCode present unless NFA, valid") {
  passes("8610", clean_child());
  passes("8650", clean_child());
  auto c = clean_child();
  c.episodes[0].primary_need = std::nullopt;
  finds("8610", c, "referral 2025-05-01 is not no further action but has no PrimaryNeedCode");
  passes("8650", c);
  auto nfa = nfa_child();
  nfa.episodes[0].primary_need = std::nullopt;
  passes("8610", nfa);
  c.episodes[0].primary_need = "N10";
  auto f = findings("8650", c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("PrimaryNeedCode 'N10' is not a code of the primary-need list ("));
}

TEST_CASE("census 8555Q: referral not after death") {
  auto c = clean_child();
  c.death = Date(2025, 5, 1);
  passes("8555Q", c);
  c.death = Date(2025, 4, 30);
  finds("8555Q", c, "referral 2025-05-01 is after the child's death 2025-04-30");
}

TEST_CASE("census 8815, 8816: one open episode, the latest") {
  passes("8815", clean_child());
  passes("8816", clean_child());
  auto c = clean_child();
  c.episodes.push_back(episode(2, Date(2025, 9, 1)));
  finds(
      "8815", c,
      "episode E2 (referral 2025-09-01) is open, as is episode E1 (referral 2025-05-01); a child has at most "
      "one open episode that is not no further action",
      2, "E2");
  finds("8816", c,
        "episode E1 (referral 2025-05-01) is open but episode E2 was referred later, on 2025-09-01");
  c.episodes[1].nfa = true;  // a later no further action referral, open: not counted by 8815
  passes("8815", c);
  c = clean_child();  // a closed earlier episode, then the open one: fine
  c.episodes.insert(c.episodes.begin(), episode(2, Date(2025, 4, 1)));
  c.episodes[0].closure = Date(2025, 4, 20);
  c.episodes[0].closure_reason = "RC7";
  passes("8815", c);
  passes("8816", c);
}

TEST_CASE("census 8820: a referral does not fall inside another episode") {
  auto c = clean_child();
  c.episodes[0].closure = Date(2025, 8, 1);
  c.episodes[0].closure_reason = "RC7";
  c.episodes.push_back(episode(2, Date(2025, 8, 1)));  // on the closure day: allowed
  passes("8820", c);
  c.episodes[1].referral = Date(2025, 7, 31);
  finds("8820", c, "referral 2025-07-31 falls inside episode E1 (2025-05-01 to 2025-08-01)", 2, "E2");
  c.episodes[0].closure = std::nullopt;  // open: to the reference date
  c.episodes[0].closure_reason = std::nullopt;
  c.episodes[1].referral = Date(2026, 3, 1);
  finds("8820", c, "referral 2026-03-01 falls inside episode E1 (2025-05-01 to open)", 2, "E2");
  c.episodes[0].nfa = true;  // an open no further action referral spans nothing
  c.episodes[0].assessments.clear();
  passes("8820", c);
}

TEST_CASE("census 8620, 8630: closure inside the period, not before the referral") {
  auto c = closed(Date(2026, 3, 31), "RC7");
  passes("8620", c);
  passes("8630", c);
  c = closed(Date(2026, 4, 2), "RC7");
  finds("8620", c, "closure 2026-04-02 is outside the census period 2025-04-01 to 2026-03-31");
  c = closed(Date(2025, 4, 30), "RC7");
  finds("8630", c, "closure 2025-04-30 is before the referral 2025-05-01");
}

TEST_CASE("census 8640, 8805, 8810: closure reason valid, with its date") {
  auto c = closed(Date(2025, 6, 1), "RC7");
  for (auto rule : {"8640", "8805", "8810"}) passes(rule, c);
  passes("8805", clean_child());
  c.episodes[0].closure_reason = "RC10";
  auto f = findings("8640", c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("ReasonForClosure 'RC10' is not a code of the closure-reason list (RC1, "));
  c.episodes[0].closure_reason = std::nullopt;
  finds("8805", c, "closure 2025-06-01 has no ReasonForClosure");
  c = clean_child();
  c.episodes[0].closure_reason = "RC7";
  finds("8810", c, "ReasonForClosure RC7 is given but the episode has no closure date");
}

TEST_CASE("census 8585Q: RC2 (died) with a date of death") {
  auto c = closed(Date(2025, 6, 1), "RC2");
  finds("8585Q", c, "the episode closed with RC2 (died) but the child has no date of death");
  c.death = Date(2025, 6, 1);
  passes("8585Q", c);
}

TEST_CASE("census 8565: nothing in an episode after its closure") {
  passes("8565", closed(Date(2025, 5, 30), "RC7"));
  auto c = closed(Date(2025, 5, 20), "RC7");
  finds("8565", c, "the authorisation 2025-05-30 of N1 is after the closure 2025-05-20", 1, "N1");
  c = closed(Date(2025, 6, 30), "RC7");
  c.episodes[0].cp_plans.push_back({7, Date(2025, 6, 2), Date(2025, 7, 1), "NEG", "NEG", 0, {}});
  finds("8565", c, "the end 2025-07-01 of P7 is after the closure 2025-06-30", 1, "P7");
  c.episodes[0].cp_plans[0].end = Date(2025, 6, 30);
  c.episodes[0].cin_plans.push_back({8, Date(2025, 7, 2), std::nullopt});
  finds("8565", c, "the start 2025-07-02 of P8 is after the closure 2025-06-30", 1, "P8");
}

TEST_CASE("census 8867, 8868: a closed episode's assessments authorised, enquiries concluded") {
  auto c = closed(Date(2025, 6, 1), "RC7");
  passes("8867", c);
  c.episodes[0].section47s.push_back({3, Date(2025, 5, 5), std::nullopt, std::nullopt, 0, true});
  passes("8868", c);
  c.episodes[0].assessments[0].authorised = std::nullopt;
  c.episodes[0].assessments[0].factors.clear();
  finds("8867", c, "episode closed 2025-06-01 but assessment N1 (started 2025-05-02) is not authorised", 1,
        "N1");
  c.episodes[0].section47s[0].icpc_not_required = false;
  finds("8868", c,
        "episode closed 2025-06-01 but enquiry S3 (started 2025-05-05) has neither an initial conference nor "
        "ICPCnotRequired",
        1, "S3");
  passes("8868", clean_child());  // open: nothing to conclude yet
}

TEST_CASE("census 2990, 8825Q: an episode closed RC8 or RC9 holds an assessment and no protection") {
  auto c = closed(Date(2025, 6, 1), "RC8");
  passes("2990", c);
  passes("8825Q", c);
  c.episodes[0].section47s.push_back({3, Date(2025, 5, 5), std::nullopt, std::nullopt, 0, true});
  finds("2990", c, "episode closed with RC8 (after assessment) holds section 47 enquiry S3", 1, "S3");
  c = closed(Date(2025, 6, 1), "RC9");
  c.episodes[0].assessments.clear();
  finds("8825Q", c, "episode closed with RC9 (after assessment) holds no assessment");
  c.episodes[0].closure_reason = "RC7";
  passes("8825Q", c);
}

TEST_CASE("census 8873Q: a closed episode whose one assessment found no factors closed RC8 or RC9") {
  auto c = closed(Date(2025, 6, 1), "RC7");
  passes("8873Q", c);
  c.episodes[0].assessments[0].factors = {"21"};
  finds("8873Q", c,
        "the episode's one assessment N1 found no factors (21) but it closed with RC7, not RC8 or RC9");
  c.episodes[0].closure_reason = "RC8";
  passes("8873Q", c);
  c.episodes[0].closure_reason = "RC7";
  c.episodes[0].assessments.push_back({2, Date(2025, 5, 10), Date(2025, 5, 20), {"3A"}});
  passes("8873Q", c);  // two assessments
}

TEST_CASE("census 8831, 8832, 4000: a no further action referral holds nothing") {
  auto c = nfa_child();
  for (auto rule : {"8831", "8832", "4000"}) passes(rule, c);
  c.episodes[0].assessments.push_back({4, Date(2025, 5, 2), std::nullopt, {}});
  finds("8831", c, "a no further action referral holds assessment N4", 1, "N4");
  c = nfa_child();
  c.episodes[0].icpc = Date(2025, 5, 20);
  c.episodes[0].icpc_conference_id = 5;
  finds("8831", c, "a no further action referral holds the initial conference I5", 1, "I5");
  c = nfa_child();
  c.episodes[0].cp_plans.push_back({7, Date(2025, 6, 2), std::nullopt, "NEG", "NEG", 0, {}});
  finds("8832", c, "a no further action referral holds child protection plan P7", 1, "P7");
  c = nfa_child();
  c.episodes[0].cin_plans.push_back({8, Date(2025, 6, 2), std::nullopt});
  finds("4000", c, "a no further action referral holds child in need plan P8", 1, "P8");
}

TEST_CASE("census 2991Q: an episode with a section 47 enquiry holds an assessment") {
  auto c = clean_child();
  c.episodes[0].section47s.push_back({3, Date(2025, 5, 5), std::nullopt, std::nullopt, 0, false});
  passes("2991Q", c);
  c.episodes[0].assessments.clear();
  finds("2991Q", c, "the episode holds section 47 enquiry S3 but no assessment");
}
