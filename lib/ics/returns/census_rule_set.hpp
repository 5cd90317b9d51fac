#pragma once
// Internal to returns/: how the census rules are written. Each rule is a row of one of four tables,
// by the element it is about (returns-spec §1.12); census_check.cpp runs them all.
#include <ics/returns/census_check.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ics::returns::detail {

// What a rule about one child sees, and how it reports a finding.
struct ChildScope {
  const CensusPeriod& period;
  const CensusHeader& header;
  const CensusChild& child;
  const RuleInfo& rule;  // the rule running
  std::vector<Finding>& out;

  // A finding of this rule about this child: `episode_id` 0 when not about one episode; `record_id`
  // the public id of the record at fault ("" for the child itself).
  void find(std::int64_t episode_id, std::string record_id, std::string message) const {
    out.push_back({std::string(rule.number), rule.severity, child.id, episode_id, std::move(record_id),
                   std::move(message)});
  }
};

struct ChildRule {
  RuleInfo info;
  void (*check)(const ChildScope&);
};

std::span<const ChildRule> child_rules();    // census_rules_child.cpp: ChildIdentifiers, ChildCharacteristics
std::span<const ChildRule> episode_rules();  // census_rules_episode.cpp: CINdetails (referral, NFA, closure)
std::span<const ChildRule> item_rules();     // census_rules_items.cpp: Assessments, CINPlanDates, Section47,
                                             // ChildProtectionPlans, Reviews

// Tables that child_rules() and episode_rules() join to their own: the child's dates, sex, ethnicity
// and disabilities (census_rules_child_characteristics.cpp); what an episode holds, given how it closed
// or that it is no further action (census_rules_episode_contents.cpp).
std::span<const ChildRule> child_characteristics_rules();
std::span<const ChildRule> episode_contents_rules();

// A rule about the whole return: sees every child once, then reports.
class ReturnRule {
 public:
  virtual ~ReturnRule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void see(const CensusChild& child) = 0;
  virtual void finish(const CensusPeriod& period, const CensusHeader& header, std::vector<Finding>& out) = 0;
};
// census_rules_return.cpp: 100, 2883, 2886Q, 2887Q, 2888Q, 8510, 1520; fresh ones for each return.
std::vector<std::unique_ptr<ReturnRule>> return_rules();

}  // namespace ics::returns::detail
