// The census rules about CINdetails: the referral, no further action, the closure, and how a child's
// episodes lie against each other (returns-spec §1.12). What an episode may hold (8565, 8867, 8868,
// 2990, 8825Q, 8873Q, 8831, 8832, 4000, 2991Q) is census_rules_episode_contents.cpp; episode_rules()
// serves both tables.
#include <ics/model/code_lists.hpp>

#include "census_rule_set.hpp"
#include "census_rules_common.hpp"
#include "census_rules_items.hpp"  // census_calendar()

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

namespace ics::returns::detail {

namespace {

void referral_by_reference(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.referral > s.period.reference)
      s.find(e.id, episode_ref(e.id),
             fmt::format("referral {} is after the reference date {}", e.referral.iso(),
                         s.period.reference.iso()));
}

void referral_not_long_before_birth(const ChildScope& s) {
  const auto& c = s.child;
  auto birth = c.birth ? c.birth : c.expected_birth;
  if (!birth) return;
  auto earliest = birth->plus_days(-280);
  for (const auto& e : c.episodes)
    if (e.referral < earliest)
      s.find(e.id, episode_ref(e.id),
             fmt::format("referral {} is more than 280 days before the {}birth date {}", e.referral.iso(),
                         c.birth ? "" : "expected ", birth->iso()));
}

void referral_source_valid(const ChildScope& s) {
  static const auto& k_codes = model::code_list("referral-source");
  static const util::Date k_required_from(2013, 4, 1);
  for (const auto& e : s.child.episodes) {
    if (!e.referral_source) {
      if (e.referral >= k_required_from)
        s.find(e.id, episode_ref(e.id),
               fmt::format("referral {} has no ReferralSource (required from 2013-04-01)", e.referral.iso()));
    } else if (!k_codes.contains(*e.referral_source)) {
      s.find(e.id, episode_ref(e.id),
             fmt::format("ReferralSource '{}' is not a code of the referral-source list ({})",
                         *e.referral_source, fmt::join(k_codes.values(), ", ")));
    }
  }
}

// icsctl holds ReferralNFA as a yes or no and always writes it (`1` or `0`): nothing can be missing.
void nfa_flag_present(const ChildScope&) {}

void old_referral_not_nfa(const ChildScope& s) {
  auto cutoff = items::census_calendar().add_working_days(s.period.start, -1);
  for (const auto& e : s.child.episodes)
    if (e.nfa && e.referral < cutoff)
      s.find(
          e.id, episode_ref(e.id),
          fmt::format("referral {} is flagged no further action but is before {}, the working day before the "
                      "census period",
                      e.referral.iso(), cutoff.iso()));
}

void primary_need_present(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (!e.nfa && !e.primary_need)
      s.find(
          e.id, episode_ref(e.id),
          fmt::format("referral {} is not no further action but has no PrimaryNeedCode", e.referral.iso()));
}

void primary_need_valid(const ChildScope& s) {
  static const auto& k_codes = model::code_list("primary-need");
  for (const auto& e : s.child.episodes)
    if (e.primary_need && !k_codes.contains(*e.primary_need))
      s.find(e.id, episode_ref(e.id),
             fmt::format("PrimaryNeedCode '{}' is not a code of the primary-need list ({})", *e.primary_need,
                         fmt::join(k_codes.values(), ", ")));
}

void referral_not_after_death(const ChildScope& s) {
  if (!s.child.death) return;
  for (const auto& e : s.child.episodes)
    if (e.referral > *s.child.death)
      s.find(
          e.id, episode_ref(e.id),
          fmt::format("referral {} is after the child's death {}", e.referral.iso(), s.child.death->iso()));
}

bool open_and_not_nfa(const CensusEpisode& e) {
  return is_open(e) && !e.nfa;
}

void one_open_episode(const ChildScope& s) {
  const CensusEpisode* first = nullptr;
  for (const auto& e : s.child.episodes) {
    if (!open_and_not_nfa(e)) continue;
    if (!first)
      first = &e;
    else
      s.find(
          e.id, episode_ref(e.id),
          fmt::format("episode {} (referral {}) is open, as is episode {} (referral {}); a child has at most "
                      "one open episode that is not no further action",
                      episode_ref(e.id), e.referral.iso(), episode_ref(first->id), first->referral.iso()));
  }
}

void open_episode_is_latest(const ChildScope& s) {
  for (const auto& open : s.child.episodes) {
    if (!open_and_not_nfa(open)) continue;
    for (const auto& later : s.child.episodes)
      if (later.referral > open.referral) {
        s.find(open.id, episode_ref(open.id),
               fmt::format("episode {} (referral {}) is open but episode {} was referred later, on {}",
                           episode_ref(open.id), open.referral.iso(), episode_ref(later.id),
                           later.referral.iso()));
        break;
      }
  }
}

// Whether `d` falls inside `e`: from its referral up to (not including) its closure, or, open and not
// no further action, up to the reference date.
bool inside(const CensusEpisode& e, util::Date d, const CensusPeriod& period) {
  if (d < e.referral) return false;
  if (e.closure) return d < *e.closure;
  return !e.nfa && d <= period.reference;
}

void episodes_do_not_overlap(const ChildScope& s) {
  const auto& episodes = s.child.episodes;
  for (const auto& e : episodes)
    for (const auto& other : episodes) {
      if (&e == &other || !inside(other, e.referral, s.period)) continue;
      s.find(e.id, episode_ref(e.id),
             fmt::format("referral {} falls inside episode {} ({} to {})", e.referral.iso(),
                         episode_ref(other.id), other.referral.iso(),
                         other.closure ? other.closure->iso() : "open"));
      break;
    }
}

void closure_in_period(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.closure && !s.period.contains(*e.closure))
      s.find(e.id, episode_ref(e.id),
             fmt::format("closure {} is outside the census period {} to {}", e.closure->iso(),
                         s.period.start.iso(), s.period.reference.iso()));
}

void closure_not_before_referral(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.closure && *e.closure < e.referral)
      s.find(e.id, episode_ref(e.id),
             fmt::format("closure {} is before the referral {}", e.closure->iso(), e.referral.iso()));
}

void closure_reason_valid(const ChildScope& s) {
  static const auto& k_codes = model::code_list("closure-reason");
  for (const auto& e : s.child.episodes)
    if (e.closure_reason && !k_codes.contains(*e.closure_reason))
      s.find(e.id, episode_ref(e.id),
             fmt::format("ReasonForClosure '{}' is not a code of the closure-reason list ({})",
                         *e.closure_reason, fmt::join(k_codes.values(), ", ")));
}

void closure_has_reason(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.closure && !e.closure_reason)
      s.find(e.id, episode_ref(e.id), fmt::format("closure {} has no ReasonForClosure", e.closure->iso()));
}

void reason_has_closure(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.closure_reason && !e.closure)
      s.find(
          e.id, episode_ref(e.id),
          fmt::format("ReasonForClosure {} is given but the episode has no closure date", *e.closure_reason));
}

void died_has_death_date(const ChildScope& s) {
  if (s.child.death) return;
  for (const auto& e : s.child.episodes)
    if (e.closure_reason == "RC2")
      s.find(e.id, episode_ref(e.id),
             "the episode closed with RC2 (died) but the child has no date of death");
}

const ChildRule k_rules[] = {
    {{"8600", Severity::error, "referral date on or before the reference date"}, referral_by_reference},
    {{"8606", Severity::error, "referral not more than 280 days before the (expected) birth"},
     referral_not_long_before_birth},
    {{"8866", Severity::error, "ReferralSource present (from 2013-04-01) and valid"}, referral_source_valid},
    {{"8568", Severity::error, "ReferralNFA present and 1, 0, true or false"}, nfa_flag_present},
    {{"8569Q", Severity::query, "a referral before the working day before the period is not NFA"},
     old_referral_not_nfa},
    {{"8610", Severity::error, "PrimaryNeedCode present unless NFA"}, primary_need_present},
    {{"8650", Severity::error, "PrimaryNeedCode valid when present"}, primary_need_valid},
    {{"8555Q", Severity::query, "referral not after the date of death"}, referral_not_after_death},
    {{"8815", Severity::error, "at most one open episode that is not NFA per child"}, one_open_episode},
    {{"8816", Severity::error, "the open episode that is not NFA is the child's latest referral"},
     open_episode_is_latest},
    {{"8820", Severity::error, "a referral does not fall inside another episode of the child"},
     episodes_do_not_overlap},
    {{"8620", Severity::error, "closure date inside the census period"}, closure_in_period},
    {{"8630", Severity::error, "closure date not before the referral date"}, closure_not_before_referral},
    {{"8640", Severity::error, "ReasonForClosure valid"}, closure_reason_valid},
    {{"8805", Severity::error, "a closure date has a ReasonForClosure"}, closure_has_reason},
    {{"8810", Severity::error, "a ReasonForClosure has a closure date"}, reason_has_closure},
    {{"8585Q", Severity::query, "closure reason RC2 (died) has a date of death"}, died_has_death_date},
};

}  // namespace

std::span<const ChildRule> episode_rules() {
  static const std::vector<ChildRule> k_all = [] {
    std::vector<ChildRule> all(std::begin(k_rules), std::end(k_rules));
    for (const auto& r : episode_contents_rules()) all.push_back(r);
    return all;
  }();
  return k_all;
}

}  // namespace ics::returns::detail
