// The census rules about Section47 enquiries and their initial conferences (returns-spec §1.12).
#include "census_rules_items.hpp"

#include <fmt/format.h>

namespace ics::returns::detail {

namespace {

using namespace items;

using util::Date;

// The 8675Q threshold: an enquiry still awaiting its conference should not have started more than
// this many working days before the reference date.
constexpr int k_enquiry_working_days = 15;

template <typename F>
void each_enquiry(const ChildScope& s, F f) {
  for (const auto& e : s.child.episodes)
    for (const auto& q : e.section47s) f(e, q);
}

// Still awaiting its conference at the reference date: no ICPC, and not ended as not required.
bool awaiting_conference(const CensusSection47& q) {
  return !q.icpc && !q.icpc_not_required;
}

std::string weekday_name(Date d) {
  return d.iso_weekday() == 6 ? "Saturday" : "Sunday";
}

void rule_2889(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (q.start < e.referral)
      s.find(e.id, id_of(q),
             fmt::format("section 47 enquiry {} starts {}, before the referral of episode {} ({})", id_of(q),
                         q.start.iso(), id_of(e), e.referral.iso()));
  });
}

void rule_8615(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (q.icpc && q.start > *q.icpc)
      s.find(e.id, id_of(q),
             fmt::format("section 47 enquiry {} starts {}, after its initial conference {} on {}", id_of(q),
                         q.start.iso(), icpc_record_id(q), q.icpc->iso()));
  });
}

void rule_1104(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (q.icpc && *q.icpc < e.referral)
      s.find(e.id, icpc_record_id(q),
             fmt::format("initial conference {} of section 47 enquiry {} is on {}, before the referral of "
                         "episode {} ({})",
                         icpc_record_id(q), id_of(q), q.icpc->iso(), id_of(e), e.referral.iso()));
  });
}

void rule_8715(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (q.icpc && !s.period.contains(*q.icpc))
      s.find(e.id, icpc_record_id(q),
             fmt::format("initial conference {} of section 47 enquiry {} is on {}, outside the census period "
                         "{} to {}",
                         icpc_record_id(q), id_of(q), q.icpc->iso(), s.period.start.iso(),
                         s.period.reference.iso()));
  });
}

void rule_8740(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (awaiting_conference(q) && !s.period.contains(q.start))
      s.find(e.id, id_of(q),
             fmt::format("section 47 enquiry {} has no initial conference and is not marked as not requiring "
                         "one, and started {}, outside the census period {} to {}",
                         id_of(q), q.start.iso(), s.period.start.iso(), s.period.reference.iso()));
  });
}

void rule_8675q(const ChildScope& s) {
  auto found = working_days_before_reference(s.period, k_enquiry_working_days);
  if (!found) return;
  Date threshold = *found;
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (awaiting_conference(q) && q.start < threshold)
      s.find(
          e.id, id_of(q),
          fmt::format("section 47 enquiry {} started {} and has no initial conference: more than {} working "
                      "days before the reference date {} (the {}th working day before it is {})",
                      id_of(q), q.start.iso(), k_enquiry_working_days, s.period.reference.iso(),
                      k_enquiry_working_days, threshold.iso()));
  });
}

void rule_8839(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    const CensusSection47* first = nullptr;
    for (const auto& q : e.section47s) {
      if (!awaiting_conference(q)) continue;
      if (first)
        s.find(e.id, id_of(q),
               fmt::format("section 47 enquiry {} (started {}) awaits its initial conference, and so does "
                           "enquiry {} (started {}): episode {} may have at most one",
                           id_of(q), q.start.iso(), id_of(*first), first->start.iso(), id_of(e)));
      else
        first = &q;
    }
  }
}

// 8890: an enquiry's start on or between another enquiry's start and its ICPC (the reference date while
// it awaits one) in the same episode. An enquiry ended as not requiring a conference has no end date in
// the census, so nothing can start within it.
void rule_8890(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    for (std::size_t i = 0; i < e.section47s.size(); ++i)
      for (std::size_t j = 0; j < e.section47s.size(); ++j) {
        const auto& q = e.section47s[i];
        const auto& other = e.section47s[j];
        if (i == j || other.start > q.start || (other.start == q.start && j > i)) continue;
        if (!other.icpc && other.icpc_not_required) continue;
        if (q.start <= end_or_reference(other.icpc, s.period)) {
          s.find(
              e.id, id_of(q),
              fmt::format(
                  "section 47 enquiry {} starts {}, while enquiry {} ({}) is ongoing", id_of(q),
                  q.start.iso(), id_of(other),
                  other.icpc ? fmt::format("{} to its conference on {}", other.start.iso(), other.icpc->iso())
                             : fmt::format("from {}, awaiting its conference", other.start.iso())));
          break;
        }
      }
}

// 8875: both DateOfInitialCPC elements: the enquiry's and the episode's (a transfer-in conference).
void rule_8875(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    for (const auto& q : e.section47s)
      if (q.icpc && q.icpc->is_weekend())
        s.find(e.id, icpc_record_id(q),
               fmt::format("initial conference {} of section 47 enquiry {} is on a {} ({})",
                           icpc_record_id(q), id_of(q), weekday_name(*q.icpc), q.icpc->iso()));
    if (e.icpc && e.icpc->is_weekend()) {
      auto record = e.icpc_conference_id != 0 ? conference_ref(e.icpc_conference_id) : id_of(e);
      s.find(e.id, record,
             fmt::format("initial conference {} of episode {} is on a {} ({})", record, id_of(e),
                         weekday_name(*e.icpc), e.icpc->iso()));
    }
  }
}

void rule_8870q(const ChildScope& s) {
  each_enquiry(s, [&](const CensusEpisode& e, const CensusSection47& q) {
    if (q.icpc_target && q.icpc_target->is_weekend())
      s.find(e.id, id_of(q),
             fmt::format("section 47 enquiry {} has its initial conference target on a {} ({})", id_of(q),
                         weekday_name(*q.icpc_target), q.icpc_target->iso()));
  });
}

// 2884: within one episode (the DfE's meaning; the validator compares all the child's episodes).
void rule_2884(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.icpc) continue;
    for (const auto& q : e.section47s)
      if (q.icpc && *q.icpc == *e.icpc)
        s.find(e.id, icpc_record_id(q),
               fmt::format("initial conference date {} is recorded both for section 47 enquiry {} and for "
                           "episode {}",
                           e.icpc->iso(), id_of(q), id_of(e)));
  }
}

constexpr auto E = Severity::error;
constexpr auto Q = Severity::query;

const ChildRule k_rules[] = {
    {{"2889", E, "section 47 enquiry starts on or after the episode's referral date"}, rule_2889},
    {{"8615", E, "section 47 enquiry starts on or before its initial conference"}, rule_8615},
    {{"1104", E, "initial conference of a section 47 enquiry on or after the episode's referral date"},
     rule_1104},
    {{"8715", E, "initial conference of a section 47 enquiry inside the census period"}, rule_8715},
    {{"8740", E, "section 47 enquiry awaiting its conference started inside the census period"}, rule_8740},
    {{"8675Q", Q,
      "section 47 enquiry awaiting its conference started more than 15 working days before the "
      "reference date"},
     rule_8675q},
    {{"8839", E, "at most one section 47 enquiry awaiting its conference per episode"}, rule_8839},
    {{"8890", E, "section 47 enquiry does not start while another of the episode is ongoing"}, rule_8890},
    {{"8875", E, "initial conference not on a Saturday or Sunday"}, rule_8875},
    {{"8870Q", Q, "initial conference target not on a Saturday or Sunday"}, rule_8870q},
    {{"2884", E, "an initial conference date not recorded at both enquiry and episode level"}, rule_2884},
};

}  // namespace

std::span<const ChildRule> section47_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
