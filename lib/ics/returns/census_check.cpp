#include <ics/returns/census_check.hpp>
#include <ics/util/error.hpp>

#include "census_rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ics::returns {

namespace {

std::vector<std::span<const detail::ChildRule>> child_tables() {
  return {detail::child_rules(), detail::episode_rules(), detail::item_rules()};
}

std::vector<RuleInfo> all_rules() {
  std::vector<RuleInfo> out;
  for (auto table : child_tables())
    for (const auto& r : table) out.push_back(r.info);
  for (const auto& r : detail::return_rules()) out.push_back(r->info());
  std::sort(out.begin(), out.end(), [](const RuleInfo& a, const RuleInfo& b) {
    auto number = [](std::string_view n) { return std::stoi(std::string(n)); };
    return number(a.number) != number(b.number) ? number(a.number) < number(b.number) : a.number < b.number;
  });
  return out;
}

}  // namespace

struct CensusChecker::State {
  CensusPeriod period;
  CensusHeader header;
  std::vector<std::unique_ptr<detail::ReturnRule>> return_rules = detail::return_rules();
};

CensusChecker::CensusChecker(const CensusPeriod& period, const CensusHeader& header)
    : m_state(new State{period, header}) {}

CensusChecker::~CensusChecker() {
  delete m_state;
}

void CensusChecker::check(const CensusChild& child, std::vector<Finding>& out) {
  for (auto table : child_tables())
    for (const auto& r : table)
      r.check(detail::ChildScope{m_state->period, m_state->header, child, r.info, out});
  for (auto& r : m_state->return_rules) r->see(child);
}

void CensusChecker::finish(std::vector<Finding>& out) {
  for (auto& r : m_state->return_rules) r->finish(m_state->period, m_state->header, out);
}

std::span<const RuleInfo> census_rules() {
  static const std::vector<RuleInfo> k_rules = all_rules();
  return k_rules;
}

std::vector<Finding> check_one_rule(std::string_view number, const CensusPeriod& period,
                                    const CensusHeader& header, const std::vector<CensusChild>& children) {
  std::vector<Finding> out;
  for (auto table : child_tables())
    for (const auto& r : table)
      if (r.info.number == number) {
        for (const auto& child : children) r.check(detail::ChildScope{period, header, child, r.info, out});
        return out;
      }
  for (auto& r : detail::return_rules())
    if (r->info().number == number) {
      for (const auto& child : children) r->see(child);
      r->finish(period, header, out);
      return out;
    }
  throw NotFound(fmt::format("no census rule '{}'", number));
}

}  // namespace ics::returns
