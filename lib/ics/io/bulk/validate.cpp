#include <ics/io/bulk/validate.hpp>
#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/rules.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

namespace ics::io {

namespace {

using model::EntityKind;

std::optional<util::Date> optional_date(const BulkRow& row, std::string_view column) {
  if (row.blank(column)) return std::nullopt;
  return util::parse_iso_or_throw(row.text(column), column);
}

util::Date required_date(const BulkRow& row, std::string_view column) {
  if (row.blank(column)) throw InvalidInput(std::string(column), "", "must not be empty");
  return util::parse_iso_or_throw(row.text(column), column);
}

std::optional<std::string> optional_text(const BulkRow& row, std::string_view column) {
  return model::optional_text(row.text(column), column);
}

std::optional<std::string> optional_code(const BulkRow& row, std::string_view column,
                                         std::span<const std::string_view> codes) {
  if (row.blank(column)) return std::nullopt;
  return model::require_code(row.text(column), codes, column);
}

std::optional<int> optional_count(const BulkRow& row, std::string_view column, int least) {
  if (row.blank(column)) return std::nullopt;
  auto text = row.text(column);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < least)
    throw InvalidInput(std::string(column), std::string(text),
                       fmt::format("must be a whole number, at least {}", least));
  return value;
}

void require_not_after_today(const std::optional<util::Date>& date, util::Date today,
                             std::string_view column) {
  if (date) record::require_not_after_today(*date, today, column);
}

std::int64_t required_id(const BulkRow& row, EntityKind kind, std::string_view column) {
  if (row.blank(column)) throw InvalidInput(std::string(column), "", "must not be empty");
  return model::parse_id_of(kind, row.text(column), column);
}

std::int64_t optional_id(const BulkRow& row, EntityKind kind, std::string_view column) {
  if (row.blank(column)) return 0;
  return model::parse_id_of(kind, row.text(column), column);
}

constexpr std::array<std::string_view, 2> k_yes_no = {"yes", "no"};

std::optional<std::string> optional_yes_no(const BulkRow& row, std::string_view column) {
  return optional_code(row, column, k_yes_no);
}

}  // namespace

std::optional<std::int64_t> row_id(const BulkRow& row) {
  auto column = bulk_columns(row.kind)[0];
  if (row.blank(column)) return std::nullopt;
  return model::parse_id_of(entity_of(row.kind), row.text(column), column);
}

model::Child child_from_row(const BulkRow& row, util::Date today) {
  model::Child child;
  child.given_names = row.text("given_names");
  child.family_name = row.text("family_name");
  child.date_of_birth = optional_date(row, "date_of_birth");
  child.expected_dob = optional_date(row, "expected_dob");
  child.sex = row.blank("sex") ? "U" : std::string(row.text("sex"));
  if (!row.blank("nhs_number")) child.nhs_number = std::string(row.text("nhs_number"));
  if (!row.blank("upn")) child.upn = std::string(row.text("upn"));
  if (!row.blank("ethnicity")) child.ethnicity = std::string(row.text("ethnicity"));
  std::istringstream refs{std::string(row.text("refs"))};
  for (std::string ref; refs >> ref;) child.refs.push_back(ref);
  std::sort(child.refs.begin(), child.refs.end());
  child.refs.erase(std::unique(child.refs.begin(), child.refs.end()), child.refs.end());
  child.disabilities = model::split_codes(row.text("disabilities"));
  if (!row.blank("upn_unknown")) child.upn_unknown = std::string(row.text("upn_unknown"));
  if (!row.blank("former_upn")) child.former_upn = std::string(row.text("former_upn"));
  if (!row.blank("mother_nhs_number")) child.mother_nhs_number = std::string(row.text("mother_nhs_number"));
  child.date_of_death = optional_date(row, "date_of_death");
  try {
    // An expected date of birth already past is a record made before the birth (as a migrated register
    // holds): kept, where add-child would refuse it. Later than ten months from today is still refused.
    model::validate_child(child, today, {.past_expected_dob = true});
  } catch (const InvalidInput& e) {
    // validate_child names the add-child options; a file names its columns.
    std::string field = e.field() == "dob" ? "date_of_birth" : e.field() == "ref" ? "refs" : e.field();
    throw InvalidInput(field, e.value(), e.reason());
  }
  return child;
}

PlanFields plan_from_row(const BulkRow& row, util::Date today) {
  PlanFields f;
  auto& p = f.plan;
  f.child = model::require_text(row.text("child_id"), "child_id");
  p.template_name = model::require_text(row.text("template"), "template");
  f.template_version = optional_count(row, "template_version", 1);
  if (!row.blank("kind")) p.kind = model::require_text(row.text("kind"), "kind");
  p.initial_category = optional_text(row, "initial_category");  // checked against the template later
  p.latest_category = optional_text(row, "latest_category");
  if (!p.latest_category) p.latest_category = p.initial_category;
  if (p.latest_category && !p.initial_category)
    throw InvalidInput("initial_category", "", "must be given with latest_category");
  p.start_date = required_date(row, "start_date");
  require_not_after_today(p.start_date, today, "start_date");
  p.end_date = optional_date(row, "end_date");
  require_not_after_today(p.end_date, today, "end_date");
  if (p.end_date) record::require_not_before_start(*p.end_date, p.start_date, "end_date");
  p.end_reason = optional_code(row, "end_reason", model::end_reason_codes());
  if (p.end_date && !p.end_reason) throw InvalidInput("end_reason", "", "must be given with an end_date");
  if (p.end_reason && !p.end_date)
    throw InvalidInput("end_reason", *p.end_reason, "must be left blank when there is no end_date");
  p.lead_worker = optional_text(row, "lead_worker");
  p.team = optional_text(row, "team");
  p.contingency = optional_text(row, "contingency");
  p.first_review_due = optional_date(row, "first_review_due");
  p.next_review_due = p.first_review_due;
  f.previous_cp_plans = optional_count(row, "previous_cp_plans", 0);
  f.legacy_ref = optional_text(row, "legacy_ref");
  p.episode_id = optional_id(row, EntityKind::episode, "episode_id");
  p.conference_id = optional_id(row, EntityKind::conference, "conference_id");
  return f;
}

model::Action action_from_row(const BulkRow& row, util::Date today) {
  model::Action a;
  if (row.blank("plan_id")) throw InvalidInput("plan_id", "", "must not be empty");
  a.plan_id = model::parse_id_of(EntityKind::plan, row.text("plan_id"), "plan_id");
  a.section = optional_text(row, "section");
  a.what = model::require_text(row.text("what"), "what");
  a.owner = model::require_text(row.text("owner"), "owner");
  a.agency = model::require_text(row.text("agency"), "agency");
  a.due_date = required_date(row, "due_date");
  a.status = row.blank("status")
                 ? "open"
                 : model::require_code(row.text("status"), model::action_statuses(), "status");
  a.completed_date = optional_date(row, "completed_date");
  require_not_after_today(a.completed_date, today, "completed_date");
  a.cancel_reason = optional_text(row, "cancel_reason");
  if (a.status == "open" && a.completed_date)
    throw InvalidInput("completed_date", a.completed_date->iso(), "must be left blank for an open action");
  if (a.status != "open" && !a.completed_date)
    throw InvalidInput("completed_date", "", fmt::format("must be given for a {} action", a.status));
  if (a.status == "cancelled" && !a.cancel_reason)
    throw InvalidInput("cancel_reason", "", "must be given for a cancelled action");
  if (a.status != "cancelled" && a.cancel_reason)
    throw InvalidInput("cancel_reason", *a.cancel_reason,
                       fmt::format("must be left blank for a {} action", a.status));
  return a;
}

model::Review review_from_row(const BulkRow& row, util::Date today) {
  model::Review r;
  if (row.blank("plan_id")) throw InvalidInput("plan_id", "", "must not be empty");
  r.plan_id = model::parse_id_of(EntityKind::plan, row.text("plan_id"), "plan_id");
  if (row.blank("kind")) throw InvalidInput("kind", "", "must not be empty");
  r.kind = model::require_code(row.text("kind"), model::review_kinds(), "kind");
  r.review_date = required_date(row, "review_date");
  require_not_after_today(r.review_date, today, "review_date");
  r.outcome = optional_text(row, "outcome");
  r.category = optional_text(row, "category");  // checked against the plan's template later
  r.next_review_due = optional_date(row, "next_review_due");
  r.seen = optional_text(row, "seen");  // checked with the review's kind when the row is imported
  r.seen_alone = optional_text(row, "seen_alone");
  if (r.next_review_due && r.kind != "review-conference")
    throw InvalidInput("next_review_due", r.next_review_due->iso(),
                       fmt::format("must be left blank for a {} (only a review conference sets it)", r.kind));
  return r;
}

EpisodeFields episode_from_row(const BulkRow& row, util::Date today) {
  EpisodeFields f;
  auto& e = f.episode;
  f.child = model::require_text(row.text("child_id"), "child_id");
  e.referral_date = required_date(row, "referral_date");
  require_not_after_today(e.referral_date, today, "referral_date");
  e.referral_source = optional_text(row, "referral_source");
  e.primary_need = optional_text(row, "primary_need");
  e.nfa = optional_yes_no(row, "nfa") == "yes";
  e.closure_date = optional_date(row, "closure_date");
  require_not_after_today(e.closure_date, today, "closure_date");
  e.closure_reason = optional_text(row, "closure_reason");
  if (e.closure_date && !e.closure_reason)
    throw InvalidInput("closure_reason", "", "must be given with a closure_date");
  if (e.closure_reason && !e.closure_date)
    throw InvalidInput("closure_reason", *e.closure_reason,
                       "must be left blank when there is no closure_date");
  e.made_by = optional_text(row, "made_by");
  return f;
}

model::Assessment assessment_from_row(const BulkRow& row, util::Date today) {
  model::Assessment a;
  a.episode_id = required_id(row, EntityKind::episode, "episode_id");
  a.start_date = required_date(row, "start_date");
  require_not_after_today(a.start_date, today, "start_date");
  a.completed_date = optional_date(row, "completed_date");
  require_not_after_today(a.completed_date, today, "completed_date");
  std::string factors(row.text("factors"));
  // Every code between commas counts, so "3B," holds an empty one (refused).
  if (!factors.empty()) {
    for (size_t begin = 0;;) {
      auto end = std::min(factors.find(',', begin), factors.size());
      a.factors.push_back(
          model::require_text(std::string_view(factors).substr(begin, end - begin), "factors"));
      if (end == factors.size()) break;
      begin = end + 1;
    }
  }
  return a;
}

EnquiryFields enquiry_from_row(const BulkRow& row, util::Date today) {
  EnquiryFields f;
  auto& e = f.enquiry;
  e.episode_id = required_id(row, EntityKind::episode, "episode_id");
  e.start_date = required_date(row, "start_date");
  require_not_after_today(e.start_date, today, "start_date");
  f.conference_target = optional_date(row, "conference_target");
  e.end_date = optional_date(row, "end_date");
  require_not_after_today(e.end_date, today, "end_date");
  return f;
}

model::Conference conference_from_row(const BulkRow& row, util::Date today) {
  static constexpr std::array<std::string_view, 2> k_outcomes = {"plan", "no-plan"};
  model::Conference c;
  c.episode_id = required_id(row, EntityKind::episode, "episode_id");
  c.enquiry_id = optional_id(row, EntityKind::enquiry, "enquiry_id");
  c.conference_date = required_date(row, "conference_date");
  require_not_after_today(c.conference_date, today, "conference_date");
  if (row.blank("outcome")) throw InvalidInput("outcome", "", "must not be empty");
  c.outcome = model::require_code(row.text("outcome"), k_outcomes, "outcome");
  return c;
}

}  // namespace ics::io
