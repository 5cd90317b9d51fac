// The census rules about what an episode (CINdetails) holds, given how it closed or that it was a
// no further action referral (returns-spec §1.12).
#include "census_rule_set.hpp"
#include "census_rules_common.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ics::returns::detail {

namespace {

bool closed_after_assessment(const CensusEpisode& e) {
  return e.closure_reason == "RC8" || e.closure_reason == "RC9";
}

// 8565 counts the DfE's list of dates: assessment start and authorisation, S47 start, every ICPC,
// CIN plan start and end, CPP end (not the CPP's start: 1105 and 2885 tie it to the referral and ICPC).
void nothing_after_closure(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.closure) continue;
    auto closure = *e.closure;
    auto after = [&](std::optional<util::Date> d, const std::string& record, std::string_view what) {
      if (d && *d > closure)
        s.find(e.id, record,
               fmt::format("{} {} of {} is after the closure {}", what, d->iso(), record, closure.iso()));
    };
    after(e.icpc, e.icpc_conference_id ? conference_ref(e.icpc_conference_id) : episode_ref(e.id),
          "the initial conference");
    for (const auto& a : e.assessments) {
      after(a.start, assessment_ref(a.id), "the start");
      after(a.authorised, assessment_ref(a.id), "the authorisation");
    }
    for (const auto& q : e.section47s) {
      after(q.start, enquiry_ref(q.id), "the start");
      after(q.icpc, enquiry_ref(q.id), "the initial conference");
    }
    for (const auto& p : e.cin_plans) {
      after(p.start, plan_ref(p.id), "the start");
      after(p.end, plan_ref(p.id), "the end");
    }
    for (const auto& p : e.cp_plans) after(p.end, plan_ref(p.id), "the end");
  }
}

void closed_assessments_authorised(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.closure) continue;
    for (const auto& a : e.assessments)
      if (!a.authorised)
        s.find(e.id, assessment_ref(a.id),
               fmt::format("episode closed {} but assessment {} (started {}) is not authorised",
                           e.closure->iso(), assessment_ref(a.id), a.start.iso()));
  }
}

void closed_enquiries_concluded(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.closure) continue;
    for (const auto& q : e.section47s)
      if (!q.icpc && !q.icpc_not_required)
        s.find(
            e.id, enquiry_ref(q.id),
            fmt::format("episode closed {} but enquiry {} (started {}) has neither an initial conference nor "
                        "ICPCnotRequired",
                        e.closure->iso(), enquiry_ref(q.id), q.start.iso()));
  }
}

void no_protection_after_assessment_closure(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!closed_after_assessment(e)) continue;
    auto held = [&](const std::string& record, std::string_view what) {
      s.find(e.id, record,
             fmt::format("episode closed with {} (after assessment) holds {} {}", *e.closure_reason, what,
                         record));
    };
    for (const auto& q : e.section47s) held(enquiry_ref(q.id), "section 47 enquiry");
    if (e.icpc)
      held(e.icpc_conference_id ? conference_ref(e.icpc_conference_id) : episode_ref(e.id),
           "the initial conference");
    for (const auto& p : e.cp_plans) held(plan_ref(p.id), "child protection plan");
    for (const auto& p : e.cin_plans) held(plan_ref(p.id), "child in need plan");
  }
}

void assessment_closure_has_assessment(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (closed_after_assessment(e) && e.assessments.empty())
      s.find(e.id, episode_ref(e.id),
             fmt::format("episode closed with {} (after assessment) holds no assessment", *e.closure_reason));
}

void no_factors_closes_after_assessment(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.closure_reason || closed_after_assessment(e) || e.assessments.size() != 1) continue;
    const auto& a = e.assessments.front();
    if (std::find(a.factors.begin(), a.factors.end(), "21") == a.factors.end()) continue;
    s.find(e.id, episode_ref(e.id),
           fmt::format(
               "the episode's one assessment {} found no factors (21) but it closed with {}, not RC8 or RC9",
               assessment_ref(a.id), *e.closure_reason));
  }
}

void nfa_holds_no_assessment_or_enquiry(const ChildScope& s) {
  for (const auto& e : s.child.episodes) {
    if (!e.nfa) continue;
    auto held = [&](const std::string& record, std::string_view what) {
      s.find(e.id, record, fmt::format("a no further action referral holds {} {}", what, record));
    };
    for (const auto& a : e.assessments) held(assessment_ref(a.id), "assessment");
    for (const auto& q : e.section47s) held(enquiry_ref(q.id), "section 47 enquiry");
    if (e.icpc)
      held(e.icpc_conference_id ? conference_ref(e.icpc_conference_id) : episode_ref(e.id),
           "the initial conference");
  }
}

void nfa_holds_no_cpp(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.nfa)
      for (const auto& p : e.cp_plans)
        s.find(e.id, plan_ref(p.id),
               fmt::format("a no further action referral holds child protection plan {}", plan_ref(p.id)));
}

void nfa_holds_no_cin_plan(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (e.nfa)
      for (const auto& p : e.cin_plans)
        s.find(e.id, plan_ref(p.id),
               fmt::format("a no further action referral holds child in need plan {}", plan_ref(p.id)));
}

void enquiry_has_assessment(const ChildScope& s) {
  for (const auto& e : s.child.episodes)
    if (!e.section47s.empty() && e.assessments.empty())
      s.find(e.id, episode_ref(e.id),
             fmt::format("the episode holds section 47 enquiry {} but no assessment",
                         enquiry_ref(e.section47s.front().id)));
}

const ChildRule k_rules[] = {
    {{"8565", Severity::error, "nothing in an episode is dated after its closure"}, nothing_after_closure},
    {{"8867", Severity::error, "a closed episode's assessments are all authorised"},
     closed_assessments_authorised},
    {{"8868", Severity::error, "a closed episode's enquiries all have an ICPC or ICPCnotRequired"},
     closed_enquiries_concluded},
    {{"2990", Severity::error, "an episode closed RC8 or RC9 holds no S47, ICPC, CPP or CIN plan"},
     no_protection_after_assessment_closure},
    {{"8825Q", Severity::query, "an episode closed RC8 or RC9 holds an assessment"},
     assessment_closure_has_assessment},
    {{"8873Q", Severity::query,
      "a closed episode whose one assessment found no factors (21) closed RC8 or RC9"},
     no_factors_closes_after_assessment},
    {{"8831", Severity::error, "an NFA referral holds no assessment, S47 or ICPC"},
     nfa_holds_no_assessment_or_enquiry},
    {{"8832", Severity::error, "an NFA referral holds no child protection plan"}, nfa_holds_no_cpp},
    {{"4000", Severity::error, "an NFA referral holds no child in need plan"}, nfa_holds_no_cin_plan},
    {{"2991Q", Severity::query, "an episode with a section 47 enquiry holds an assessment"},
     enquiry_has_assessment},
};

}  // namespace

std::span<const ChildRule> episode_contents_rules() {
  return k_rules;
}

}  // namespace ics::returns::detail
