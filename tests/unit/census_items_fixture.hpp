#pragma once
// A clean census child for the tests of the rules about an episode's items (census_rules_items): one
// episode with an authorised assessment, a section 47 enquiry whose conference made a child protection
// plan, and a CIN plan starting on the day that plan ended. Every rule passes on it; a test breaks one
// thing and expects the rule to name it.
#include <doctest/doctest.h>
#include <ics/returns/census_check.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace census_items_test {

using ics::returns::CensusChild;
using ics::returns::Finding;
using ics::util::Date;

inline Date d(std::string_view iso) {
  return *Date::parse_iso(iso);
}

// Census year 2026: 2025-04-01 to 2026-03-31.
inline const ics::returns::CensusPeriod k_period = ics::returns::census_period(2026);
inline const ics::returns::CensusHeader k_header{"202", "icsctl", "1", "001", "2026-04-10T09:00:00"};

inline CensusChild clean_child() {
  CensusChild c;
  c.id = 1;
  c.upn_unknown = "UN2";
  c.birth = d("2015-06-01");
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.disabilities = {"NONE"};
  ics::returns::CensusEpisode e;
  e.id = 1;
  e.referral = d("2025-05-01");
  e.referral_source = "2A";
  e.primary_need = "N1";
  ics::returns::CensusAssessment a;
  a.id = 1;
  a.start = d("2025-05-02");
  a.authorised = d("2025-05-20");
  a.factors = {"3B"};
  e.assessments.push_back(a);
  ics::returns::CensusSection47 q;
  q.id = 1;
  q.start = d("2025-05-06");
  q.icpc_target = d("2025-05-28");
  q.icpc = d("2025-05-27");
  q.conference_id = 1;
  e.section47s.push_back(q);
  ics::returns::CensusCpp cpp;
  cpp.id = 2;
  cpp.start = d("2025-05-27");
  cpp.end = d("2025-11-27");
  cpp.initial_category = "NEG";
  cpp.latest_category = "NEG";
  cpp.reviews = {d("2025-08-20")};
  e.cp_plans.push_back(cpp);
  ics::returns::CensusCinPlan cin;
  cin.id = 3;
  cin.start = d("2025-11-27");
  cin.end = d("2026-02-27");
  e.cin_plans.push_back(cin);
  c.episodes.push_back(e);
  return c;
}

// The records of the clean child's one episode, to change.
inline ics::returns::CensusEpisode& episode(CensusChild& c) {
  return c.episodes.at(0);
}
inline ics::returns::CensusAssessment& assessment(CensusChild& c) {
  return episode(c).assessments.at(0);
}
inline ics::returns::CensusSection47& enquiry(CensusChild& c) {
  return episode(c).section47s.at(0);
}
inline ics::returns::CensusCpp& cp_plan(CensusChild& c) {
  return episode(c).cp_plans.at(0);
}
inline ics::returns::CensusCinPlan& cin_plan(CensusChild& c) {
  return episode(c).cin_plans.at(0);
}

inline std::vector<Finding> run(std::string_view rule, const CensusChild& c,
                                const ics::returns::CensusPeriod& period = k_period) {
  return ics::returns::check_one_rule(rule, period, k_header, {c});
}

// The rule finds nothing in `c`.
inline void passes(std::string_view rule, const CensusChild& c,
                   const ics::returns::CensusPeriod& period = k_period) {
  auto found = run(rule, c, period);
  INFO("rule ", rule, ": ", found.empty() ? std::string() : found.front().message);
  CHECK(found.empty());
}

// The rule finds exactly one fault in `c`, about `record_id`, whose message holds each of `words`.
inline Finding fails(std::string_view rule, const CensusChild& c, std::string_view record_id,
                     std::vector<std::string_view> words = {},
                     const ics::returns::CensusPeriod& period = k_period) {
  auto found = run(rule, c, period);
  INFO("rule ", rule);
  REQUIRE(found.size() == 1);
  const auto& f = found.front();
  INFO(f.message);
  CHECK(f.rule == rule);
  CHECK(f.severity == (rule.back() == 'Q' ? ics::returns::Severity::query : ics::returns::Severity::error));
  CHECK(f.child_id == c.id);
  CHECK(f.record_id == record_id);
  for (auto w : words) CHECK(f.message.find(w) != std::string::npos);
  return f;
}

}  // namespace census_items_test
