// The census rules about CINPlanDates (returns-spec §1.12), with those that weigh CIN plans against
// child protection plans (4001, 4016, 4017).
#include "census_rules_items.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

namespace ics::returns::detail {

namespace {

using namespace items;

template <typename F>
void each_cin_plan(const ChildScope& s, F f) {
  for (const auto& e : s.child.episodes)
    for (const auto& p : e.cin_plans) f(e, p);
}

std::string period_text(const CensusPeriod& period) {
  return fmt::format("the census period {} to {}", period.start.iso(), period.reference.iso());
}

void rule_4010(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.start > s.period.reference)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} starts {}, after the reference date {}", id_of(p), p.start.iso(),
                         s.period.reference.iso()));
  });
}

void rule_4011(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.end && *p.end < p.start)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} ends {}, before its start {}", id_of(p), p.end->iso(), p.start.iso()));
  });
}

void rule_4012q(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.end && *p.end == p.start)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} starts and ends on the same day, {}", id_of(p), p.start.iso()));
  });
}

void rule_4013(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.end && !s.period.contains(*p.end))
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} ends {}, outside {}", id_of(p), p.end->iso(), period_text(s.period)));
  });
}

void rule_4004(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    const CensusCinPlan* first_open = nullptr;
    for (const auto& p : e.cin_plans) {
      if (p.end) continue;
      if (first_open)
        s.find(
            e.id, id_of(p),
            fmt::format("CIN plan {} (from {}) is open, and so is CIN plan {} (from {}): episode {} may have "
                        "at most one open CIN plan",
                        id_of(p), p.start.iso(), id_of(*first_open), first_open->start.iso(), id_of(e)));
      else
        first_open = &p;
    }
  }
}

// 4014: a CIN plan's start on or between another CIN plan's start and end (the reference date while
// it is open), across all the child's episodes.
void rule_4014(const ChildScope& s) {
  for_each_overlap(
      s.child, &CensusEpisode::cin_plans, s.period,
      [&](const CensusEpisode& e, const CensusCinPlan& p, const CensusCinPlan& other) {
        s.find(e.id, id_of(p),
               fmt::format("CIN plan {} ({}) overlaps CIN plan {} ({})", id_of(p), span_text(p.start, p.end),
                           id_of(other), span_text(other.start, other.end)));
      });
}

void rule_4015(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.start < e.referral)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} starts {}, before the referral of episode {} ({})", id_of(p),
                         p.start.iso(), id_of(e), e.referral.iso()));
  });
}

void rule_4008(const ChildScope& s) {
  if (!s.child.death) return;
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.start > *s.child.death)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} starts {}, after the child's death on {}", id_of(p), p.start.iso(),
                         s.child.death->iso()));
  });
}

void rule_4009q(const ChildScope& s) {
  if (!s.child.death) return;
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    if (p.end && *p.end > *s.child.death)
      s.find(e.id, id_of(p),
             fmt::format("CIN plan {} ends {}, after the child's death on {}", id_of(p), p.end->iso(),
                         s.child.death->iso()));
  });
}

void rule_4001(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    for (const auto& p : e.cin_plans) {
      if (p.end) continue;
      for (const auto& cpp : e.cp_plans)
        if (!cpp.end) {
          s.find(e.id, id_of(p),
                 fmt::format("CIN plan {} (from {}) and child protection plan {} (from {}) are both open in "
                             "episode {}",
                             id_of(p), p.start.iso(), id_of(cpp), cpp.start.iso(), id_of(e)));
          break;
        }
    }
}

// 4016: a CIN plan may not start on or between a child protection plan's start and end (the reference
// date while it is open), unless it starts on that plan's end date: the child's plans, all episodes.
void rule_4016(const ChildScope& s) {
  each_cin_plan(s, [&](const CensusEpisode& e, const CensusCinPlan& p) {
    for (const auto& other : s.child.episodes)
      for (const auto& cpp : other.cp_plans) {
        if (cpp.end && p.start == *cpp.end) continue;
        if (cpp.start <= p.start && p.start <= end_or_reference(cpp.end, s.period)) {
          s.find(e.id, id_of(p),
                 fmt::format("CIN plan {} ({}) starts within child protection plan {} ({})", id_of(p),
                             span_text(p.start, p.end), id_of(cpp), span_text(cpp.start, cpp.end)));
          return;
        }
      }
  });
}

// 4017: a child protection plan may not start on or between a CIN plan's start and end (the reference
// date while it is open), unless it starts on that CIN plan's end date: the child's plans, all episodes.
void rule_4017(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    for (const auto& cpp : e.cp_plans) {
      bool found = false;
      for (const auto& other : s.child.episodes) {
        for (const auto& p : other.cin_plans) {
          if (p.end && cpp.start == *p.end) continue;
          if (p.start <= cpp.start && cpp.start <= end_or_reference(p.end, s.period)) {
            s.find(e.id, id_of(cpp),
                   fmt::format("child protection plan {} ({}) starts within CIN plan {} ({})", id_of(cpp),
                               span_text(cpp.start, cpp.end), id_of(p), span_text(p.start, p.end)));
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
}

constexpr auto E = Severity::error;
constexpr auto Q = Severity::query;

const ChildRule k_rules[] = {
    {{"4010", E, "CIN plan starts on or before the reference date"}, rule_4010},
    {{"4011", E, "CIN plan ends on or after its start"}, rule_4011},
    {{"4012Q", Q, "CIN plan does not start and end on the same day"}, rule_4012q},
    {{"4013", E, "CIN plan end inside the census period"}, rule_4013},
    {{"4004", E, "at most one open CIN plan per episode"}, rule_4004},
    {{"4014", E, "a child's CIN plans do not overlap"}, rule_4014},
    {{"4015", E, "CIN plan starts on or after the episode's referral date"}, rule_4015},
    {{"4008", E, "CIN plan does not start after the child's death"}, rule_4008},
    {{"4009Q", Q, "CIN plan does not end after the child's death"}, rule_4009q},
    {{"4001", E, "an episode has no open CIN plan and open child protection plan together"}, rule_4001},
    {{"4016", E, "CIN plan does not start within a child protection plan (its end date allowed)"}, rule_4016},
    {{"4017", E, "child protection plan does not start within a CIN plan (its end date allowed)"}, rule_4017},
};

}  // namespace

std::span<const ChildRule> cin_plan_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
