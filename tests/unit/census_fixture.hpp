#pragma once
// The census rules' unit tests share this: a child every rule passes on its own, for the census year
// 2026 (period 2025-04-01 to 2026-03-31), which each test changes in one respect, and the findings of
// one rule about it (returns::check_one_rule).
#include <ics/returns/census_check.hpp>
#include <ics/util/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace census_test {

using ics::returns::CensusAssessment;
using ics::returns::CensusChild;
using ics::returns::CensusCinPlan;
using ics::returns::CensusCpp;
using ics::returns::CensusEpisode;
using ics::returns::CensusSection47;
using ics::returns::Finding;
using ics::util::Date;

inline ics::returns::CensusPeriod period() {
  return ics::returns::census_period(2026);
}

inline ics::returns::CensusHeader header() {
  return {"201", "icsctl", "test", "001", "2026-05-01T09:00:00"};
}

// A born child with one open episode referred in the period: the referral (source 3A, need N1) and
// one authorised assessment with a factor. UPN M201123456780 is valid (LA 201, check letter M).
inline CensusChild clean_child() {
  CensusChild c;
  c.id = 1;
  c.upn = "M201123456780";
  c.birth = Date(2015, 6, 1);
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.disabilities = {"NONE"};
  CensusEpisode e;
  e.id = 1;
  e.referral = Date(2025, 5, 1);
  e.referral_source = "3A";
  e.primary_need = "N1";
  e.assessments.push_back({1, Date(2025, 5, 2), Date(2025, 5, 30), {"16A"}});
  c.episodes.push_back(e);
  return c;
}

// The findings of rule `number` about these children alone.
inline std::vector<Finding> findings(std::string_view number, const std::vector<CensusChild>& children) {
  return ics::returns::check_one_rule(number, period(), header(), children);
}
inline std::vector<Finding> findings(std::string_view number, const CensusChild& child) {
  return findings(number, std::vector<CensusChild>{child});
}

}  // namespace census_test
