#pragma once
// The children in need census as icsctl reads it out of its records (returns-spec §1, §5.5): one
// CensusChild per child the census year includes, holding only what the export writes. The store
// reads them (store/census.hpp); the XML writer (census_xml.hpp) and the rules (census_check.hpp)
// both take them, so that `check census` checks exactly what `export cin-census` would write.
#include <ics/api.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::returns {

// Census year Y: the period P = [1 April Y-1, 31 March Y], both ends included (returns-spec §1.2).
struct CensusPeriod {
  int year = 0;
  util::Date start;      // 1 April of year - 1
  util::Date reference;  // 31 March of year: the header's ReferenceDate
  bool contains(util::Date d) const { return start <= d && d <= reference; }
};
// Throws InvalidInput naming "--year" unless 2000 <= year <= 2100.
CensusPeriod census_period(int year);

// Each record carries the number behind its public id (N, P, S, I, E, C), for the findings.
struct CensusAssessment {
  std::int64_t id = 0;                   // N…
  util::Date start;                      // AssessmentActualStartDate
  std::optional<util::Date> authorised;  // AssessmentAuthorisationDate: completed; none after P
  std::vector<std::string> factors;      // FactorsIdentifiedAtAssessment; none unless authorised
};

struct CensusCinPlan {
  std::int64_t id = 0;  // P…
  util::Date start;
  std::optional<util::Date> end;  // none while open at the reference date
};

struct CensusSection47 {
  std::int64_t id = 0;                    // S…
  util::Date start;                       // S47ActualStartDate
  std::optional<util::Date> icpc_target;  // InitialCPCtarget (start + 15 working days)
  std::optional<util::Date> icpc;         // DateOfInitialCPC: its conference, on or before the reference date
  std::int64_t conference_id = 0;         // I… of that conference; 0 none
  bool icpc_not_required =
      false;  // ICPCnotRequired: ended with no conference, on or before the reference date
};

struct CensusCpp {
  std::int64_t id = 0;  // P…
  util::Date start;
  std::optional<util::Date> end;  // none while open at the reference date
  std::optional<std::string> initial_category;
  std::optional<std::string> latest_category;
  int previous_plans = 0;           // NumberOfPreviousCPP
  std::vector<util::Date> reviews;  // review conference dates on or before the reference date, in order
};

struct CensusEpisode {
  std::int64_t id = 0;  // E…
  util::Date referral;
  std::optional<std::string> referral_source;  // a code; "10" (unknown) when not known
  std::optional<std::string> primary_need;     // a code; "N0" (not stated) when not known and not NFA
  bool nfa = false;                            // ReferralNFA
  std::optional<util::Date> closure;           // none when open at the reference date
  std::optional<std::string> closure_reason;
  std::optional<util::Date> icpc;             // the episode-level DateOfInitialCPC: a transfer-in conference
  std::int64_t icpc_conference_id = 0;        // I… of that conference; 0 none
  std::optional<std::string> made_by;         // none: a referral; else open-plan, migration or register
  std::vector<CensusAssessment> assessments;  // by start
  std::vector<CensusCinPlan> cin_plans;       // by start
  std::vector<CensusSection47> section47s;    // by start
  std::vector<CensusCpp> cp_plans;            // by start
};

struct CensusChild {
  std::int64_t id = 0;  // C…: LAchildID is the public id
  std::optional<std::string> upn;
  std::optional<std::string> former_upn;
  std::optional<std::string> upn_unknown;
  std::optional<util::Date> birth;           // PersonBirthDate
  std::optional<util::Date> expected_birth;  // ExpectedPersonBirthDate: only when no birth date
  std::string sex;                           // as held: M, F or U
  std::optional<util::Date> death;
  std::optional<std::string> ethnicity;
  std::vector<std::string> disabilities;  // as held; empty: not recorded
  std::vector<CensusEpisode> episodes;    // by referral date
};

// The header's values (returns-spec §1.4), from the settings (`icsctl settings`) and the command line.
struct CensusHeader {
  std::string la_code;        // LEA: 3 digits
  std::string software_code;  // SoftwareCode
  std::string release;        // Release
  std::string serial_no;      // SerialNo: 3 or more digits
  std::string date_time;      // DateTime: YYYY-MM-DDThh:mm:ss
};

}  // namespace ics::returns
ICS_API_END
