// The census rules about Assessments (returns-spec §1.12).
#include "census_rules_items.hpp"

#include <ics/model/code_lists.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace ics::returns::detail {

namespace {

using util::Date;

// The 8670Q threshold: an unauthorised assessment should not have started more than this many
// working days before the reference date.
constexpr int k_assessment_working_days = 45;

template <typename F>
void each_assessment(const ChildScope& s, F f) {
  for (const auto& e : s.child.episodes)
    for (const auto& a : e.assessments) f(e, a);
}

bool has_factor(const CensusAssessment& a, std::string_view code) {
  return std::find(a.factors.begin(), a.factors.end(), code) != a.factors.end();
}

void rule_1103(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (a.start < e.referral)
      s.find(e.id, id_of(a),
             fmt::format("assessment {} starts {}, before the referral of episode {} ({})", id_of(a),
                         a.start.iso(), id_of(e), e.referral.iso()));
  });
}

void rule_8608(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (a.authorised && *a.authorised < a.start)
      s.find(e.id, id_of(a),
             fmt::format("assessment {} is authorised {}, before its start {}", id_of(a), a.authorised->iso(),
                         a.start.iso()));
  });
}

void rule_8696(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (a.authorised && !s.period.contains(*a.authorised))
      s.find(e.id, id_of(a),
             fmt::format("assessment {} is authorised {}, outside the census period {} to {}", id_of(a),
                         a.authorised->iso(), s.period.start.iso(), s.period.reference.iso()));
  });
}

void rule_8736(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (!a.authorised && !s.period.contains(a.start))
      s.find(e.id, id_of(a),
             fmt::format("assessment {} is not authorised and started {}, outside the census period {} to {}",
                         id_of(a), a.start.iso(), s.period.start.iso(), s.period.reference.iso()));
  });
}

void rule_8896(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    const CensusAssessment* first_open = nullptr;
    for (const auto& a : e.assessments) {
      if (a.authorised) continue;
      if (first_open)
        s.find(e.id, id_of(a),
               fmt::format(
                   "assessment {} (started {}) is not authorised, and nor is assessment {} (started {}): "
                   "episode {} may have at most one unauthorised assessment",
                   id_of(a), a.start.iso(), id_of(*first_open), first_open->start.iso(), id_of(e)));
      else
        first_open = &a;
    }
  }
}

// 8863Q: a start on or between another assessment's start and its authorisation (the reference date
// while it is not authorised).
void rule_8863q(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    for (const auto& a : e.assessments)
      for (const auto& other : e.assessments) {
        if (&other == &a || other.start > a.start) continue;
        if (other.start == a.start && &other > &a) continue;  // same start: report the later one only
        if (a.start <= end_or_reference(other.authorised, s.period)) {
          s.find(e.id, id_of(a),
                 fmt::format("assessment {} starts {}, while assessment {} ({}) is ongoing", id_of(a),
                             a.start.iso(), id_of(other), span_text(other.start, other.authorised)));
          break;
        }
      }
}

void rule_8670q(const ChildScope& s) {
  auto found = working_days_before_reference(s.period, k_assessment_working_days);
  if (!found) return;
  Date threshold = *found;
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (!a.authorised && a.start < threshold)
      s.find(
          e.id, id_of(a),
          fmt::format("assessment {} started {} and is not authorised: more than {} working days before the "
                      "reference date {} (the {}th working day before it is {})",
                      id_of(a), a.start.iso(), k_assessment_working_days, s.period.reference.iso(),
                      k_assessment_working_days, threshold.iso()));
  });
}

void rule_8614(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (!a.authorised && !a.factors.empty())
      s.find(e.id, id_of(a),
             fmt::format("assessment {} has factors ({}) but is not authorised", id_of(a),
                         fmt::join(a.factors, ",")));
  });
}

void rule_8897q(const ChildScope& s) {
  const auto& list = model::code_list("assessment-factor");
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (!a.authorised || !s.period.contains(*a.authorised)) return;
    if (std::none_of(a.factors.begin(), a.factors.end(), [&](const auto& f) { return list.contains(f); }))
      s.find(e.id, id_of(a),
             a.factors.empty()
                 ? fmt::format("assessment {} was authorised {} with no factors identified at assessment",
                               id_of(a), a.authorised->iso())
                 : fmt::format("assessment {} was authorised {} with no valid factor ({})", id_of(a),
                               a.authorised->iso(), fmt::join(a.factors, ",")));
  });
}

void rule_8869(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (a.factors.size() > 1 && has_factor(a, "21"))
      s.find(e.id, id_of(a),
             fmt::format("assessment {} lists factor 21 (no factors identified) with others ({}): 21 stands "
                         "alone",
                         id_of(a), fmt::join(a.factors, ",")));
  });
}

void rule_8898(const ChildScope& s) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    std::vector<std::string> seen;
    for (const auto& f : a.factors) {
      if (std::find(seen.begin(), seen.end(), f) != seen.end()) {
        s.find(e.id, id_of(a), fmt::format("assessment {} lists factor {} more than once", id_of(a), f));
        return;
      }
      seen.push_back(f);
    }
  });
}

void deprecated_factor(const ChildScope& s, std::string_view code, std::string_view instead) {
  each_assessment(s, [&](const CensusEpisode& e, const CensusAssessment& a) {
    if (has_factor(a, code))
      s.find(
          e.id, id_of(a),
          fmt::format("assessment {} uses factor {}, which is deprecated: use {}", id_of(a), code, instead));
  });
}

void rule_8945q(const ChildScope& s) {
  deprecated_factor(s, "18A", "18B (physical abuse by a child) or 18C (by an adult)");
}
void rule_8950q(const ChildScope& s) {
  deprecated_factor(s, "19A", "19B (sexual abuse by a child) or 19C (by an adult)");
}

constexpr auto E = Severity::error;
constexpr auto Q = Severity::query;

const ChildRule k_rules[] = {
    {{"1103", E, "assessment starts on or after the episode's referral date"}, rule_1103},
    {{"8608", E, "assessment authorised on or after its start"}, rule_8608},
    {{"8696", E, "assessment authorisation inside the census period"}, rule_8696},
    {{"8736", E, "unauthorised assessment started inside the census period"}, rule_8736},
    {{"8896", E, "at most one unauthorised assessment per episode"}, rule_8896},
    {{"8863Q", Q, "assessment starts while another of the episode is ongoing"}, rule_8863q},
    {{"8670Q", Q, "unauthorised assessment started more than 45 working days before the reference date"},
     rule_8670q},
    {{"8614", E, "factors only on an authorised assessment"}, rule_8614},
    {{"8897Q", Q, "assessment authorised in the census period has a valid factor"}, rule_8897q},
    {{"8869", E, "factor 21 (no factors identified) stands alone"}, rule_8869},
    {{"8898", E, "no factor twice on one assessment"}, rule_8898},
    {{"8945Q", Q, "factor 18A is deprecated (use 18B or 18C)"}, rule_8945q},
    {{"8950Q", Q, "factor 19A is deprecated (use 19B or 19C)"}, rule_8950q},
};

}  // namespace

std::span<const ChildRule> assessment_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
