#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/episodes.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

namespace {

// The episode named by a step, open and able to hold more than its referral.
model::Episode episode_for_step(store::WriteTransaction& tx, std::int64_t episode_id, std::string_view what) {
  auto episode = store::get_episode(tx.db(), episode_id);
  require_episode_open(episode);
  require_not_nfa(episode, what);
  return episode;
}

// A date of a step: within its episode, not after today nor after the child's death.
void require_step_date(store::Database& db, const model::Episode& episode, util::Date date,
                       util::Date today) {
  require_not_after_today(date, today, "date");
  require_within_episode(episode, date, "date");
  require_not_after_death(db, episode.child_id, date, "date");
}

}  // namespace

std::int64_t open_referral(store::WriteTransaction& tx, const NewReferral& referral, util::Date today) {
  auto& db = tx.db();
  auto child = store::get_child(db, referral.child_id);
  model::Episode episode;
  episode.child_id = child.id;
  episode.referral_date = referral.date;
  require_not_after_today(referral.date, today, "date");
  require_not_after_death(db, child.id, referral.date, "date");
  require_referral_after_conception(child, referral.date, "date");
  episode.referral_source = require_referral_source(referral.source, "source");
  require_primary_need(referral.nfa, referral.need, "need");
  episode.primary_need = referral.need;
  episode.nfa = referral.nfa;
  require_no_episode_overlap(db, {child.id, referral.date, std::nullopt, referral.nfa}, "child", "date");
  episode.id = store::insert_episode(tx, episode);
  tx.audit(format_id(EntityKind::episode, episode.id), std::nullopt, store::to_json(episode));
  return episode.id;
}

std::int64_t start_assessment(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                              util::Date today) {
  auto episode = episode_for_step(tx, episode_id, "an assessment");
  require_step_date(tx.db(), episode, date, today);
  require_no_open_assessment(tx.db(), episode, "episode");
  model::Assessment assessment;
  assessment.episode_id = episode.id;
  assessment.start_date = date;
  assessment.id = store::insert_assessment(tx, assessment);
  tx.audit(format_id(EntityKind::assessment, assessment.id), std::nullopt, store::to_json(assessment));
  return assessment.id;
}

std::int64_t complete_assessment(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                                 const std::vector<std::string>& factors, util::Date today) {
  auto episode = episode_for_step(tx, episode_id, "an assessment");
  auto before = require_open_assessment(tx.db(), episode, "episode");
  require_step_date(tx.db(), episode, date, today);
  require_completed_after_start(before, date, "date");
  auto after = before;
  after.completed_date = date;
  after.factors = require_factors(factors, "factors");
  store::set_assessment_completed(tx, after.id, date, after.factors);
  tx.audit(format_id(EntityKind::assessment, after.id), store::to_json(before), store::to_json(after));
  return after.id;
}

std::int64_t start_enquiry(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                           const util::Calendar& calendar, util::Date today) {
  auto episode = episode_for_step(tx, episode_id, "a section 47 enquiry");
  require_step_date(tx.db(), episode, date, today);
  require_enquiry_may_start(tx.db(), episode, date, "episode");
  model::Enquiry enquiry;
  enquiry.episode_id = episode.id;
  enquiry.start_date = date;
  enquiry.conference_target = conference_target(date, calendar, "date");
  enquiry.id = store::insert_enquiry(tx, enquiry);
  tx.audit(format_id(EntityKind::enquiry, enquiry.id), std::nullopt, store::to_json(enquiry));
  return enquiry.id;
}

std::int64_t end_enquiry(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                         util::Date today) {
  auto episode = episode_for_step(tx, episode_id, "a section 47 enquiry");
  auto before = require_open_enquiry(tx.db(), episode, "episode").enquiry;
  require_step_date(tx.db(), episode, date, today);
  require_enquiry_end(before, date, "date");
  auto after = before;
  after.end_date = date;
  store::set_enquiry_end(tx, after.id, date);
  tx.audit(format_id(EntityKind::enquiry, after.id), store::to_json(before), store::to_json(after));
  return after.id;
}

ConferenceResult record_conference(store::WriteTransaction& tx, const NewConference& request,
                                   const plan::Template& tmpl, const util::Calendar& calendar,
                                   util::Date today) {
  auto& db = tx.db();
  auto episode = episode_for_step(tx, request.episode_id, "a conference");
  require_step_date(tx.db(), episode, request.date, today);
  std::optional<store::EnquiryRow> enquiry;
  if (auto open = store::open_enquiry_of_episode(db, episode.id)) enquiry = store::get_enquiry(db, *open);
  require_conference_date(request.date, enquiry ? &enquiry->enquiry : nullptr, "date");
  if (request.plan && tmpl.kind != "child-protection")
    throw InvalidInput(
        "template", tmpl.name,
        fmt::format("is a {} template: a conference opens a child protection plan", tmpl.kind));
  if (!request.plan && (request.category || request.worker || request.team))
    throw InvalidInput(request.category ? "category"
                       : request.worker ? "worker"
                                        : "team",
                       request.category ? *request.category
                       : request.worker ? *request.worker
                                        : *request.team,
                       "applies only to a conference whose outcome is a plan");

  model::Conference conference;
  conference.episode_id = episode.id;
  conference.enquiry_id = enquiry ? enquiry->enquiry.id : 0;
  conference.conference_date = request.date;
  conference.outcome = request.plan ? "plan" : "no-plan";
  conference.id = store::insert_conference(tx, conference);
  tx.audit(format_id(EntityKind::conference, conference.id), std::nullopt, store::to_json(conference));

  ConferenceResult result;
  result.conference_id = conference.id;
  if (request.plan) {
    OpenPlanRequest plan;
    plan.child_id = episode.child_id;
    plan.category = request.category;
    plan.start = request.date;
    plan.worker = request.worker;
    plan.team = request.team;
    plan.episode_id = episode.id;
    result.plan_id = open_plan(tx, tmpl, calendar, plan, today);
  }
  return result;
}

void close_episode(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                   const std::string& reason, util::Date today) {
  auto& db = tx.db();
  auto before = store::get_episode(db, episode_id);
  require_episode_open(before);
  auto code = require_closable(db, before, date, reason, today, "date", "reason");
  require_not_after_death(db, before.child_id, date, "date");
  require_no_episode_overlap(db, {before.child_id, before.referral_date, date, before.nfa, before.id},
                             "episode", "date");
  auto after = before;
  after.closure_date = date;
  after.closure_reason = code;
  store::set_episode_closure(tx, episode_id, date, code);
  tx.audit(format_id(EntityKind::episode, episode_id), store::to_json(before), store::to_json(after));
}

}  // namespace ics::record
