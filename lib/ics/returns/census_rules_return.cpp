// The census rules about the whole return: the header, counts across every child, and identifiers
// unique in the file (returns-spec §1.12, "Return level", 8510, 1520).
#include "census_rule_set.hpp"
#include "census_rules_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ics::returns::detail {

namespace {

// A return rule whose info is a constant of its class.
template <const RuleInfo& k_info>
class Rule : public ReturnRule {
 public:
  const RuleInfo& info() const override { return k_info; }

 protected:
  static void find(std::vector<Finding>& out, std::int64_t child_id, std::string record_id,
                   std::string message) {
    out.push_back(
        {std::string(k_info.number), k_info.severity, child_id, 0, std::move(record_id), std::move(message)});
  }
};

constexpr RuleInfo k_100{"100", Severity::error, "ReferenceDate is 31 March of the header Year"};
class ReferenceDate : public Rule<k_100> {
 public:
  void see(const CensusChild&) override {}
  void finish(const CensusPeriod& period, const CensusHeader&, std::vector<Finding>& out) override {
    auto expected = util::Date::from_ymd(period.year, 3, 31);
    if (!expected || period.reference != *expected)
      find(out, 0, "",
           fmt::format("ReferenceDate {} is not 31 March of the census year {}", period.reference.iso(),
                       period.year));
  }
};

constexpr RuleInfo k_2883{"2883", Severity::error,
                          "plans starting in the period do not outnumber initial conferences in it"};
class PlansWithoutConferences : public Rule<k_2883> {
 public:
  // The dates alone are kept (the period is known at the end): 4 bytes a plan or conference.
  void see(const CensusChild& child) override {
    for (const auto& e : child.episodes) {
      if (e.icpc) m_conferences.push_back(*e.icpc);
      for (const auto& q : e.section47s)
        if (q.icpc) m_conferences.push_back(*q.icpc);
      for (const auto& p : e.cp_plans) m_plan_starts.push_back(p.start);
    }
  }
  void finish(const CensusPeriod& period, const CensusHeader&, std::vector<Finding>& out) override {
    auto in_period = [&](const std::vector<util::Date>& dates) {
      return std::count_if(dates.begin(), dates.end(), [&](util::Date d) { return period.contains(d); });
    };
    auto plans = in_period(m_plan_starts), conferences = in_period(m_conferences);
    if (plans > conferences)
      find(out, 0, "",
           fmt::format("{} child protection plans start in the census period but only {} initial conferences "
                       "are held in it",
                       plans, conferences));
  }

 private:
  std::vector<util::Date> m_plan_starts, m_conferences;
};

constexpr RuleInfo k_2886{"2886Q", Severity::query,
                          "at most 2% of the children (not unborn) have Sex missing or U"};
class SexNotRecorded : public Rule<k_2886> {
 public:
  void see(const CensusChild& child) override {
    ++m_children;
    if (!child.expected_birth && (child.sex.empty() || child.sex == "U")) ++m_unrecorded;
  }
  void finish(const CensusPeriod&, const CensusHeader&, std::vector<Finding>& out) override {
    if (m_unrecorded * 50 > m_children)  // more than 2%
      find(out, 0, "",
           fmt::format("{} of {} children ({:.1f}%) who are not unborn have Sex missing or U; more than 2%",
                       m_unrecorded, m_children, 100.0 * static_cast<double>(m_unrecorded) / m_children));
  }

 private:
  long m_children = 0, m_unrecorded = 0;
};

constexpr RuleInfo k_2887{"2887Q", Severity::query,
                          "at least 8 different disability codes (not NONE) are used"};
class FewDisabilityCodes : public Rule<k_2887> {
 public:
  void see(const CensusChild& child) override {
    for (const auto& d : child.disabilities)
      if (d != "NONE") m_codes.insert(d);
  }
  void finish(const CensusPeriod&, const CensusHeader&, std::vector<Finding>& out) override {
    if (m_codes.size() < 8)
      find(
          out, 0, "",
          fmt::format("the return uses {} different disability codes other than NONE; 8 or more are expected",
                      m_codes.size()));
  }

 private:
  std::set<std::string> m_codes;
};

constexpr RuleInfo k_2888{"2888Q", Severity::query, "some child with a disability has more than one code"};
class OneDisabilityEach : public Rule<k_2888> {
 public:
  void see(const CensusChild& child) override {
    std::set<std::string> codes;
    for (const auto& d : child.disabilities)
      if (d != "NONE") codes.insert(d);
    if (!codes.empty()) ++m_disabled;
    if (codes.size() > 1) ++m_several;
  }
  void finish(const CensusPeriod&, const CensusHeader&, std::vector<Finding>& out) override {
    if (m_disabled > 0 && m_several == 0)
      find(out, 0, "",
           fmt::format("each of the {} children with a disability has only one disability code recorded",
                       m_disabled));
  }

 private:
  long m_disabled = 0, m_several = 0;
};

constexpr RuleInfo k_8510{"8510", Severity::error, "LAchildID is unique in the return"};
class UniqueChildId : public Rule<k_8510> {
 public:
  void see(const CensusChild& child) override {
    auto id = la_child_id(child);
    if (!id.empty() && !m_seen.insert(child.id).second) m_repeated.push_back(child.id);
  }
  void finish(const CensusPeriod&, const CensusHeader&, std::vector<Finding>& out) override {
    for (auto id : m_repeated)
      find(out, id, "", fmt::format("LAchildID {} appears more than once in the return", child_ref(id)));
  }

 private:
  std::unordered_set<std::int64_t> m_seen;
  std::vector<std::int64_t> m_repeated;
};

constexpr RuleInfo k_1520{"1520", Severity::error, "UPN is unique in the return"};
class UniqueUpn : public Rule<k_1520> {
 public:
  void see(const CensusChild& child) override {
    if (!child.upn) return;
    auto [it, first] = m_first.emplace(*child.upn, child.id);
    if (!first) m_repeated.push_back({child.id, it->second, *child.upn});
  }
  void finish(const CensusPeriod&, const CensusHeader&, std::vector<Finding>& out) override {
    for (const auto& r : m_repeated)
      find(out, r.child, "", fmt::format("UPN {} is also the UPN of {}", r.upn, child_ref(r.first)));
  }

 private:
  struct Repeat {
    std::int64_t child, first;
    std::string upn;
  };
  std::unordered_map<std::string, std::int64_t> m_first;
  std::vector<Repeat> m_repeated;
};

}  // namespace

std::vector<std::unique_ptr<ReturnRule>> return_rules() {
  std::vector<std::unique_ptr<ReturnRule>> rules;
  rules.push_back(std::make_unique<ReferenceDate>());
  rules.push_back(std::make_unique<PlansWithoutConferences>());
  rules.push_back(std::make_unique<SexNotRecorded>());
  rules.push_back(std::make_unique<FewDisabilityCodes>());
  rules.push_back(std::make_unique<OneDisabilityEach>());
  rules.push_back(std::make_unique<UniqueChildId>());
  rules.push_back(std::make_unique<UniqueUpn>());
  return rules;
}

}  // namespace ics::returns::detail
