#pragma once
// The DfE's children in need census validation rules (cin2025_26, returns-spec §1.12), applied to the
// records `export cin-census` would write. Rule numbers are the DfE's ("8500", "8770Q"), so that a
// data team can match a finding to the DfE's own report. Implement the DfE meaning, not the
// validator's quirks (§1.13).
#include <ics/api.hpp>
#include <ics/returns/census.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::returns {

enum class Severity { error, query };

struct Finding {
  std::string rule;  // the DfE's number, a query's with its Q: "8500", "8770Q"
  Severity severity = Severity::error;
  std::int64_t child_id = 0;    // 0: about the whole return
  std::int64_t episode_id = 0;  // 0: not about one episode
  std::string record_id;  // the public id of the record at fault (C…, E…, N…, S…, I…, P…), or ""
  std::string message;    // what is wrong, in words, with the values involved
};

// Checks one child at a time, as the store streams them, and the whole return at the end.
class CensusChecker {
 public:
  CensusChecker(const CensusPeriod& period, const CensusHeader& header);
  ~CensusChecker();
  CensusChecker(const CensusChecker&) = delete;
  CensusChecker& operator=(const CensusChecker&) = delete;

  // Appends the findings about `child` (and remembers what the return-level rules need).
  void check(const CensusChild& child, std::vector<Finding>& out);
  // Appends the return-level findings (100, 2883, 2886Q, 2887Q, 2888Q, 8510, 1520).
  void finish(std::vector<Finding>& out);

 private:
  struct State;
  State* m_state;
};

// One rule: its number, severity and what it checks, in words (`check census --rules`).
struct RuleInfo {
  std::string_view number;
  Severity severity;
  std::string_view summary;
};
// Every rule the checker applies, by number.
std::span<const RuleInfo> census_rules();

// For tests: the findings of the one rule `number` about `child` alone, on a return holding only it
// (return-level rules included); throws NotFound for a number not in census_rules().
std::vector<Finding> check_one_rule(std::string_view number, const CensusPeriod& period,
                                    const CensusHeader& header, const std::vector<CensusChild>& children);

}  // namespace ics::returns
ICS_API_END
