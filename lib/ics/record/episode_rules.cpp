#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::record {

using model::EntityKind;
using model::format_id;

namespace {

std::string id_of(const model::Episode& e) {
  return format_id(EntityKind::episode, e.id);
}

std::string span_of(const model::Episode& e) {
  if (e.closure_date) return fmt::format("{} to {}", e.referral_date.iso(), e.closure_date->iso());
  return fmt::format("from {}, {}", e.referral_date.iso(), e.nfa ? "no further action" : "open");
}

// The working days counted from an enquiry's start to its conference target.
constexpr int k_conference_working_days = 15;
// A referral may come at most this many days before the child's (expected) birth (census rule 8606).
constexpr long k_days_before_birth = 280;

}  // namespace

std::string require_referral_source(std::string_view source, std::string_view field) {
  return model::require_listed(source, "referral-source", field);
}

void require_primary_need(bool nfa, const std::optional<std::string>& need, std::string_view field) {
  if (nfa) {
    if (need)
      throw InvalidInput(
          std::string(field), *need,
          "does not apply to a referral with no further action: it holds nothing but the referral");
    return;
  }
  if (!need)
    throw InvalidInput(std::string(field), "",
                       fmt::format("is required for a referral that is not no further action (one of {})",
                                   fmt::join(model::code_list("primary-need").values(), ", ")));
  model::require_listed(*need, "primary-need", field);
}

void require_referral_after_conception(const model::Child& child, util::Date referral,
                                       std::string_view field) {
  auto birth = child.date_of_birth ? child.date_of_birth : child.expected_dob;
  if (birth && referral < birth->plus_days(-k_days_before_birth))
    throw InvalidInput(
        std::string(field), referral.iso(),
        fmt::format("is more than {} days before the child's {}birth ({})", k_days_before_birth,
                    child.date_of_birth ? "" : "expected ", birth->iso()));
}

void require_no_episode_overlap(store::Database& db, const EpisodeDays& days, std::string_view child_field,
                                std::string_view date_field) {
  model::Episode self;
  self.referral_date = days.referral;
  self.closure_date = days.closure;
  self.nfa = days.nfa;
  auto other_id = store::overlapping_episode(db, days.child_id, days.referral, store::episode_until(self),
                                             days.episode_id);
  if (!other_id) return;
  auto other = store::get_episode(db, *other_id);
  auto child = format_id(EntityKind::child, days.child_id);
  bool open = !days.closure && !days.nfa;
  if (open && !other.closure_date && !other.nfa)
    throw Conflict(std::string(child_field), child,
                   fmt::format("already has an open episode {} (referred {}): a child has at most one open "
                               "episode; close it first",
                               id_of(other), other.referral_date.iso()));
  throw InvalidInput(std::string(date_field),
                     (days.closure && days.episode_id ? *days.closure : days.referral).iso(),
                     fmt::format("overlaps episode {} of child {} ({}): episodes of a child may not overlap",
                                 id_of(other), child, span_of(other)));
}

void require_episode_open(const model::Episode& episode) {
  if (episode.closure_date)
    throw Conflict(fmt::format("episode '{}' was closed on {}", id_of(episode), episode.closure_date->iso()));
}

void require_not_nfa(const model::Episode& episode, std::string_view what) {
  if (episode.nfa)
    throw Conflict(
        fmt::format("episode '{}' is a referral with no further action: it holds nothing but its "
                    "referral, so not {}",
                    id_of(episode), what));
}

void require_within_episode(const model::Episode& episode, util::Date date, std::string_view field) {
  if (date < episode.referral_date)
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is before the referral of episode {} ({}): everything in an episode is "
                                   "dated within it",
                                   id_of(episode), episode.referral_date.iso()));
  if (episode.closure_date && date > *episode.closure_date)
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is after the closure of episode {} ({}): everything in an episode is "
                                   "dated within it",
                                   id_of(episode), episode.closure_date->iso()));
}

std::string require_closable(store::Database& db, const model::Episode& episode, util::Date date,
                             std::string_view reason, util::Date today, std::string_view date_field,
                             std::string_view reason_field) {
  auto code = model::require_listed(reason, "closure-reason", reason_field);
  if (date < episode.referral_date)
    throw InvalidInput(std::string(date_field), date.iso(),
                       fmt::format("is before the referral of episode {} ({})", id_of(episode),
                                   episode.referral_date.iso()));
  if (date > today) throw InvalidInput(std::string(date_field), date.iso(), "is after today");
  auto id = id_of(episode);
  auto refuse_open = [&](EntityKind kind, std::int64_t item, std::string_view state) {
    throw Conflict(
        fmt::format("episode '{}' cannot close: {} {} {} (closing an episode needs every "
                    "assessment completed, every enquiry ended and every plan closed)",
                    id, model::name_of(kind), format_id(kind, item), state));
  };
  // The latest date in the episode: the closure may not come before it.
  std::optional<util::Date> last;
  std::string last_what;
  auto note = [&](util::Date d, EntityKind kind, std::int64_t item, std::string_view what) {
    if (!last || d > *last) {
      last = d;
      last_what = fmt::format("{} {} {}", model::name_of(kind), format_id(kind, item), what);
    }
  };
  for (const auto& a : store::assessments_of_episode(db, episode.id)) {
    if (!a.completed_date) refuse_open(EntityKind::assessment, a.id, "is not completed");
    note(*a.completed_date, EntityKind::assessment, a.id, "completed");
  }
  bool rc8_or_9 = code == "RC8" || code == "RC9";
  auto refuse_after_assessment = [&](EntityKind kind, std::int64_t item) {
    throw InvalidInput(std::string(reason_field), code,
                       fmt::format("closes an episode after assessment with no further action or early help, "
                                   "but episode {} holds {} {}",
                                   id, model::name_of(kind), format_id(kind, item)));
  };
  for (const auto& e : store::enquiries_of_episode(db, episode.id)) {
    if (!e.ended()) refuse_open(EntityKind::enquiry, e.enquiry.id, "has not ended");
    if (rc8_or_9) refuse_after_assessment(EntityKind::enquiry, e.enquiry.id);
    note(*e.ended_on(), EntityKind::enquiry, e.enquiry.id, "ended");
  }
  for (const auto& c : store::conferences_of_episode(db, episode.id)) {
    if (rc8_or_9) refuse_after_assessment(EntityKind::conference, c.id);
    note(c.conference_date, EntityKind::conference, c.id, "was held");
  }
  for (auto plan_id : store::plans_of_episode(db, episode.id)) {
    auto plan = store::get_plan(db, plan_id);
    if (!plan.end_date) refuse_open(EntityKind::plan, plan_id, "is open");
    if (rc8_or_9) refuse_after_assessment(EntityKind::plan, plan_id);
    note(*plan.end_date, EntityKind::plan, plan_id, "ended");
  }
  if (last && date < *last)
    throw InvalidInput(
        std::string(date_field), date.iso(),
        fmt::format("is before the last date in episode {} ({} on {}): everything in an episode "
                    "is dated within it",
                    id, last_what, last->iso()));
  return code;
}

void require_no_open_assessment(store::Database& db, const model::Episode& episode, std::string_view field) {
  if (auto open = store::open_assessment_of_episode(db, episode.id))
    throw Conflict(
        std::string(field), id_of(episode),
        fmt::format("already has an open assessment {}: an episode has at most one open assessment",
                    format_id(EntityKind::assessment, *open)));
}

model::Assessment require_open_assessment(store::Database& db, const model::Episode& episode,
                                          std::string_view field) {
  auto open = store::open_assessment_of_episode(db, episode.id);
  if (!open) throw Conflict(std::string(field), id_of(episode), "has no open assessment");
  return store::get_assessment(db, *open);
}

void require_completed_after_start(const model::Assessment& assessment, util::Date date,
                                   std::string_view field) {
  if (date < assessment.start_date)
    throw InvalidInput(
        std::string(field), date.iso(),
        fmt::format("is before the start of assessment {} ({})",
                    format_id(EntityKind::assessment, assessment.id), assessment.start_date.iso()));
}

std::vector<std::string> require_factors(const std::vector<std::string>& factors, std::string_view field) {
  if (factors.empty())
    throw InvalidInput(std::string(field), "", "needs at least one factor ('21': no factors identified)");
  std::vector<std::string> out;
  for (const auto& f : factors) {
    auto code = model::require_listed(f, "assessment-factor", field);
    if (std::find(out.begin(), out.end(), code) != out.end())
      throw InvalidInput(std::string(field), code, "is listed twice");
    out.push_back(code);
  }
  if (out.size() > 1 && std::find(out.begin(), out.end(), "21") != out.end())
    throw InvalidInput(std::string(field), fmt::format("{}", fmt::join(out, ",")),
                       "lists '21' (no factors identified) with other factors: '21' stands alone");
  return out;
}

util::Date conference_target(util::Date start, const util::Calendar& calendar, std::string_view field) {
  if (!calendar.covers(start))
    throw InvalidInput(
        std::string(field), start.iso(),
        fmt::format("is outside the years of calendar '{}' ({}-{}), so working days cannot be counted",
                    calendar.name(), calendar.first_year(), calendar.last_year()));
  return calendar.add_working_days(start, k_conference_working_days);
}

void require_enquiry_may_start(store::Database& db, const model::Episode& episode, util::Date start,
                               std::string_view field) {
  for (const auto& e : store::enquiries_of_episode(db, episode.id)) {
    auto id = format_id(EntityKind::enquiry, e.enquiry.id);
    if (!e.ended())
      throw Conflict(
          std::string(field), id_of(episode),
          fmt::format("already has an open enquiry {} (started {}): an episode has at most one open "
                      "enquiry",
                      id, e.enquiry.start_date.iso()));
    if (start >= e.enquiry.start_date && start < *e.ended_on())
      throw InvalidInput(
          std::string(field), start.iso(),
          fmt::format("is within enquiry {} of episode {} ({} to {}): enquiries may not overlap", id,
                      id_of(episode), e.enquiry.start_date.iso(), e.ended_on()->iso()));
  }
}

store::EnquiryRow require_open_enquiry(store::Database& db, const model::Episode& episode,
                                       std::string_view field) {
  auto open = store::open_enquiry_of_episode(db, episode.id);
  if (!open) throw Conflict(std::string(field), id_of(episode), "has no open enquiry");
  return store::get_enquiry(db, *open);
}

void require_enquiry_end(const model::Enquiry& enquiry, util::Date end, std::string_view field) {
  if (end < enquiry.start_date)
    throw InvalidInput(std::string(field), end.iso(),
                       fmt::format("is before the start of enquiry {} ({})",
                                   format_id(EntityKind::enquiry, enquiry.id), enquiry.start_date.iso()));
}

void require_conference_date(util::Date date, const model::Enquiry* enquiry, std::string_view field) {
  if (date.is_weekend())
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is a {}: a conference is not held at a weekend",
                                   date.iso_weekday() == 6 ? "Saturday" : "Sunday"));
  if (enquiry && date < enquiry->start_date)
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is before the start of enquiry {} ({}): a conference is not before its "
                                   "enquiry",
                                   format_id(EntityKind::enquiry, enquiry->id), enquiry->start_date.iso()));
}

std::string require_conference_outcome(std::string_view outcome, std::string_view field) {
  if (outcome != "plan" && outcome != "no-plan")
    throw InvalidInput(std::string(field), std::string(outcome), "must be one of plan, no-plan");
  return std::string(outcome);
}

void require_plan_fits_episode(const model::Episode& episode, util::Date start,
                               std::string_view episode_field, std::string_view start_field) {
  if (episode.closure_date)
    throw Conflict(std::string(episode_field), id_of(episode),
                   fmt::format("was closed on {}", episode.closure_date->iso()));
  if (episode.nfa)
    throw Conflict(std::string(episode_field), id_of(episode),
                   "is a referral with no further action: it holds nothing but its referral, so not a plan");
  require_within_episode(episode, start, start_field);
}

std::optional<std::int64_t> conference_on(store::Database& db, std::int64_t episode_id, util::Date date) {
  std::optional<std::int64_t> found;
  for (const auto& c : store::conferences_of_episode(db, episode_id)) {
    if (c.conference_date != date) continue;
    if (c.outcome == "plan") return c.id;
    if (!found) found = c.id;
  }
  return found;
}

std::int64_t require_plan_conference(store::Database& db, const model::Episode& episode, util::Date start,
                                     std::string_view start_field) {
  if (auto id = conference_on(db, episode.id, start)) return *id;
  throw InvalidInput(
      std::string(start_field), start.iso(),
      fmt::format("is not the date of a conference of episode {}: a child protection plan starts "
                  "on the date of the initial conference that decided it (record-conference "
                  "opens it)",
                  id_of(episode)));
}

}  // namespace ics::record
