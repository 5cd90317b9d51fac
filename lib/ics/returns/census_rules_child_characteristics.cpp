// The census rules about the child's dates, sex, ethnicity and disabilities, and that a child has an
// episode (returns-spec §1.12, ChildIdentifiers and ChildCharacteristics).
#include <ics/model/code_lists.hpp>

#include "census_rule_set.hpp"
#include "census_rules_common.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace ics::returns::detail {

namespace {

void sex_valid(const ChildScope& s) {
  const auto& sex = s.child.sex;
  if (sex.empty()) return s.find(0, "", "Sex is missing (M, F or U)");
  if (sex != "M" && sex != "F" && sex != "U") s.find(0, "", fmt::format("Sex '{}' is not M, F or U", sex));
}

void unborn_sex_unknown(const ChildScope& s) {
  const auto& c = s.child;
  if (c.birth || !c.expected_birth || c.sex == "U") return;
  s.find(0, "",
         fmt::format("the child is unborn (expected {}) but Sex is '{}'; an unborn child's is U",
                     c.expected_birth->iso(), c.sex));
}

void birth_by_reference(const ChildScope& s) {
  if (s.child.birth && *s.child.birth > s.period.reference)
    s.find(0, "",
           fmt::format("birth date {} is after the reference date {}", s.child.birth->iso(),
                       s.period.reference.iso()));
}

void one_birth_date(const ChildScope& s) {
  const auto& c = s.child;
  if (c.birth && c.expected_birth)
    s.find(0, "",
           fmt::format("the child has both a birth date {} and an expected birth date {}", c.birth->iso(),
                       c.expected_birth->iso()));
  else if (!c.birth && !c.expected_birth)
    s.find(0, "", "the child has neither a birth date nor an expected birth date");
}

void expected_birth_in_range(const ChildScope& s) {
  if (!s.child.expected_birth) return;
  auto expected = *s.child.expected_birth;
  auto earliest = s.period.reference.plus_days(-30), latest = s.period.reference.plus_months(9);
  if (expected < earliest || expected > latest)
    s.find(0, "",
           fmt::format("expected birth date {} is outside {} to {} (the reference date less 30 days to "
                       "9 months after it)",
                       expected.iso(), earliest.iso(), latest.iso()));
}

void death_after_birth(const ChildScope& s) {
  const auto& c = s.child;
  if (c.death && c.birth && *c.death < *c.birth)
    s.find(0, "", fmt::format("death {} is before the birth {}", c.death->iso(), c.birth->iso()));
}

void death_in_period(const ChildScope& s) {
  if (s.child.death && !s.period.contains(*s.child.death))
    s.find(0, "",
           fmt::format("death {} is outside the census period {} to {}", s.child.death->iso(),
                       s.period.start.iso(), s.period.reference.iso()));
}

void over_25(const ChildScope& s) {
  const auto& c = s.child;
  if (!c.birth || *c.birth >= s.period.reference.plus_months(-25 * 12)) return;
  auto twenty_five = c.birth->plus_months(25 * 12);
  for (const auto& e : c.episodes) {
    if (e.closure && *e.closure <= twenty_five) continue;
    s.find(e.id, episode_ref(e.id),
           e.closure ? fmt::format("the child, born {}, turned 25 on {} but episode {} closed later, on {}",
                                   c.birth->iso(), twenty_five.iso(), episode_ref(e.id), e.closure->iso())
                     : fmt::format("the child, born {}, turned 25 on {} but episode {} is open",
                                   c.birth->iso(), twenty_five.iso(), episode_ref(e.id)));
  }
}

void has_episode(const ChildScope& s) {
  if (s.child.episodes.empty()) s.find(0, "", "the child has no episode (CINdetails)");
}

void ethnicity_valid(const ChildScope& s) {
  static const auto& k_codes = model::code_list("ethnicity");
  if (!s.child.ethnicity) return s.find(0, "", "Ethnicity is missing");
  if (!k_codes.contains(*s.child.ethnicity))
    s.find(0, "",
           fmt::format("Ethnicity '{}' is not a code of the ethnicity list ({})", *s.child.ethnicity,
                       fmt::join(k_codes.values(), ", ")));
}

void disabilities_recorded(const ChildScope& s) {
  const auto& c = s.child;
  if (!c.birth || !any_episode_not_nfa(c)) return;
  static const auto& k_codes = model::code_list("disability");
  if (c.disabilities.empty())
    return s.find(0, "",
                  "the child has an episode that is not a no further action referral but no Disability "
                  "(NONE when the child has none)");
  for (const auto& d : c.disabilities)
    if (!k_codes.contains(d))
      s.find(0, "",
             fmt::format("Disability '{}' is not a code of the disability list ({})", d,
                         fmt::join(k_codes.values(), ", ")));
}

void none_alone(const ChildScope& s) {
  const auto& d = s.child.disabilities;
  if (d.size() > 1 && std::find(d.begin(), d.end(), "NONE") != d.end())
    s.find(0, "", fmt::format("Disability NONE is recorded with other codes: {}", fmt::join(d, ", ")));
}

void no_disability_twice(const ChildScope& s) {
  std::set<std::string> seen, reported;
  for (const auto& d : s.child.disabilities)
    if (!seen.insert(d).second && reported.insert(d).second)
      s.find(0, "", fmt::format("Disability {} is recorded more than once", d));
}

const ChildRule k_rules[] = {
    {{"4180", Severity::error, "Sex is present and one of M, F, U"}, sex_valid},
    {{"8750", Severity::error, "a child with only an expected birth date has Sex U"}, unborn_sex_unknown},
    {{"8520", Severity::error, "birth date on or before the reference date"}, birth_by_reference},
    {{"8525Q", Severity::query, "exactly one of birth date and expected birth date"}, one_birth_date},
    {{"8530Q", Severity::query, "expected birth date from the reference date less 30 days to 9 months after"},
     expected_birth_in_range},
    {{"8535Q", Severity::query, "death not before birth"}, death_after_birth},
    {{"8545Q", Severity::query, "death inside the census period"}, death_in_period},
    {{"8775Q", Severity::query, "no episode open, or closed, after the child's 25th birthday"}, over_25},
    {{"8590", Severity::error, "the child has at least one episode (CINdetails)"}, has_episode},
    {{"4220", Severity::error, "Ethnicity is present and a valid code"}, ethnicity_valid},
    {{"8540", Severity::error, "a born child with an episode that is not NFA has valid Disability codes"},
     disabilities_recorded},
    {{"8790", Severity::error, "Disability NONE is not combined with other codes"}, none_alone},
    {{"8794", Severity::error, "no Disability code twice"}, no_disability_twice},
};

}  // namespace

std::span<const ChildRule> child_characteristics_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
