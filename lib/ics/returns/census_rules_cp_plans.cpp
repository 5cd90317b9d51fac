// The census rules about ChildProtectionPlans and their Reviews (returns-spec §1.12).
#include "census_rules_items.hpp"

#include <ics/model/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ics::returns::detail {

namespace {

using namespace items;

using util::Date;

template <typename F>
void each_plan(const ChildScope& s, F f) {
  for (const auto& e : s.child.episodes)
    for (const auto& p : e.cp_plans) f(e, p);
}

std::string plan_text(const CensusCpp& p) {
  return fmt::format("child protection plan {} ({})", id_of(p), span_text(p.start, p.end));
}

void rule_8720(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.start > s.period.reference)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts {}, after the reference date {}", id_of(p),
                         p.start.iso(), s.period.reference.iso()));
  });
}

void rule_1105(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.start < e.referral)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts {}, before the referral of episode {} ({})",
                         id_of(p), p.start.iso(), id_of(e), e.referral.iso()));
  });
}

// 2885: a plan starting in the period starts on an initial conference of its episode: a section 47
// enquiry's, or the episode's own (a transfer-in) when no enquiry of the episode could hold one
// (every enquiry ended as not requiring a conference, or there is none).
void rule_2885(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (!s.period.contains(p.start)) return;
    bool eligible_enquiry =
        std::any_of(e.section47s.begin(), e.section47s.end(),
                    [](const CensusSection47& q) { return !q.icpc_not_required || q.icpc; });
    std::vector<std::string> dates;
    for (const auto& q : e.section47s)
      if (q.icpc) {
        if (*q.icpc == p.start) return;
        dates.push_back(fmt::format("{} ({})", q.icpc->iso(), id_of(q)));
      }
    if (!eligible_enquiry && e.icpc) {
      if (*e.icpc == p.start) return;
      dates.push_back(fmt::format("{} (episode {})", e.icpc->iso(), id_of(e)));
    }
    if (eligible_enquiry && e.icpc && *e.icpc == p.start)
      s.find(e.id, id_of(p),
             fmt::format(
                 "child protection plan {} starts {} on episode {}'s own initial conference, which counts "
                 "only when no section 47 enquiry of the episode could hold the conference",
                 id_of(p), p.start.iso(), id_of(e)));
    else if (dates.empty())
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts {}, but episode {} has no initial conference date",
                         id_of(p), p.start.iso(), id_of(e)));
    else
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts {}, not on an initial conference of episode {}: {}",
                         id_of(p), p.start.iso(), id_of(e), fmt::join(dates, ", ")));
  });
}

void rule_8925(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.end && *p.end < p.start)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} ends {}, before its start {}", id_of(p), p.end->iso(),
                         p.start.iso()));
  });
}

void rule_8840(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.end && *p.end == p.start)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts and ends on the same day, {}", id_of(p),
                         p.start.iso()));
  });
}

void rule_8930(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.end && !s.period.contains(*p.end))
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} ends {}, outside the census period {} to {}", id_of(p),
                         p.end->iso(), s.period.start.iso(), s.period.reference.iso()));
  });
}

void category_rule(const ChildScope& s, std::optional<std::string> CensusCpp::*member,
                   std::string_view which) {
  auto codes = model::category_codes();
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    const auto& value = p.*member;
    if (!value)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} has no {} category of abuse", id_of(p), which));
    else if (std::find(codes.begin(), codes.end(), *value) == codes.end())
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} has {} category of abuse '{}', not one of {}", id_of(p),
                         which, *value, fmt::join(codes, " ")));
  });
}

void rule_8905(const ChildScope& s) {
  category_rule(s, &CensusCpp::initial_category, "initial");
}
void rule_8910(const ChildScope& s) {
  category_rule(s, &CensusCpp::latest_category, "latest");
}

void rule_8730(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.previous_plans < 0)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} has {} previous plans: the number must be 0 or more",
                         id_of(p), p.previous_plans));
  });
}

void rule_8915(const ChildScope& s) {
  if (!s.child.death) return;
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.start > *s.child.death)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} starts {}, after the child's death on {}", id_of(p),
                         p.start.iso(), s.child.death->iso()));
  });
}

void rule_8920(const ChildScope& s) {
  if (!s.child.death) return;
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.end && *p.end > *s.child.death)
      s.find(e.id, id_of(p),
             fmt::format("child protection plan {} ends {}, after the child's death on {}", id_of(p),
                         p.end->iso(), s.child.death->iso()));
  });
}

// 8935: one open plan per child, whatever the episodes.
void rule_8935(const ChildScope& s) {
  const CensusCpp* first_open = nullptr;
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    if (p.end) return;
    if (first_open)
      s.find(
          e.id, id_of(p),
          fmt::format("child protection plan {} (from {}) is open, and so is plan {} (from {}): a child may "
                      "have at most one open child protection plan",
                      id_of(p), p.start.iso(), id_of(*first_open), first_open->start.iso()));
    else
      first_open = &p;
  });
}

// 8940: a plan's start on or between another plan's start and end (the reference date while it is
// open), across the child's episodes: a plan starting on the day another ends overlaps it.
void rule_8940(const ChildScope& s) {
  for_each_overlap(s.child, &CensusEpisode::cp_plans, s.period,
                   [&](const CensusEpisode& e, const CensusCpp& p, const CensusCpp& other) {
                     s.find(e.id, id_of(p), fmt::format("{} overlaps {}", plan_text(p), plan_text(other)));
                   });
}

void rule_8841(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    for (auto d : p.reviews)
      if (d <= p.start)
        s.find(e.id, id_of(p),
               fmt::format("child protection plan {} has a review on {}, not after its start {}", id_of(p),
                           d.iso(), p.start.iso()));
  });
}

// 8842Q: a review date the census's Reviews group cannot hold: one after the reference date.
void rule_8842q(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    for (auto d : p.reviews)
      if (d > s.period.reference)
        s.find(e.id, id_of(p),
               fmt::format("child protection plan {} has a review dated {}, after the reference date {}",
                           id_of(p), d.iso(), s.period.reference.iso()));
  });
}

// 4003: a review may not fall on or between the start and end (the reference date while open) of a CIN
// plan of the plan's episode (the DfE's meaning; the validator compares all the child's CIN plans),
// unless it is on the child protection plan's end date.
void rule_4003(const ChildScope& s) {
  each_plan(s, [&](const CensusEpisode& e, const CensusCpp& p) {
    for (auto d : p.reviews) {
      if (p.end && d == *p.end) continue;
      for (const auto& cin : e.cin_plans)
        if (cin.start <= d && d <= end_or_reference(cin.end, s.period)) {
          s.find(e.id, id_of(p),
                 fmt::format("child protection plan {} has a review on {}, within CIN plan {} ({})", id_of(p),
                             d.iso(), id_of(cin), span_text(cin.start, cin.end)));
          break;
        }
    }
  });
}

constexpr auto E = Severity::error;
constexpr auto Q = Severity::query;

const ChildRule k_rules[] = {
    {{"8720", E, "child protection plan starts on or before the reference date"}, rule_8720},
    {{"1105", E, "child protection plan starts on or after the episode's referral date"}, rule_1105},
    {{"2885", E,
      "child protection plan starting in the period starts on an initial conference of its episode"},
     rule_2885},
    {{"8925", E, "child protection plan ends on or after its start"}, rule_8925},
    {{"8840", E, "child protection plan does not start and end on the same day"}, rule_8840},
    {{"8930", E, "child protection plan end inside the census period"}, rule_8930},
    {{"8905", E, "initial category of abuse present and valid"}, rule_8905},
    {{"8910", E, "latest category of abuse present and valid"}, rule_8910},
    {{"8730", E, "number of previous child protection plans 0 or more"}, rule_8730},
    {{"8915", E, "child protection plan does not start after the child's death"}, rule_8915},
    {{"8920", E, "child protection plan does not end after the child's death"}, rule_8920},
    {{"8935", E, "at most one open child protection plan per child"}, rule_8935},
    {{"8940", E, "a child's child protection plans do not overlap (a start on another's end day overlaps)"},
     rule_8940},
    {{"8841", E, "review after the child protection plan's start"}, rule_8841},
    {{"8842Q", Q, "review date valid for the census (not after the reference date)"}, rule_8842q},
    {{"4003", E, "review not within a CIN plan of the episode (the plan's end date allowed)"}, rule_4003},
};

}  // namespace

std::span<const ChildRule> cp_plan_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
