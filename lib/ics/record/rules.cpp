#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::record {

using model::EntityKind;
using model::format_id;

void require_open(const model::Plan& plan) {
  if (plan.end_date)
    throw Conflict(fmt::format("plan '{}' was closed on {}", format_id(EntityKind::plan, plan.id),
                               plan.end_date->iso()));
}

void require_not_after_today(util::Date date, util::Date today, std::string_view field) {
  if (date > today) throw InvalidInput(std::string(field), date.iso(), "is after today");
}

void require_not_before_start(util::Date date, util::Date plan_start, std::string_view field) {
  if (date < plan_start)
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is before the plan's start ({})", plan_start.iso()));
}

void require_end_after_last_review(store::Database& db, std::int64_t plan_id, util::Date end,
                                   std::string_view field) {
  if (auto last = store::last_review_of_plan(db, plan_id); last && end <= *last)
    throw InvalidInput(std::string(field), end.iso(),
                       fmt::format("must be after the plan's last review ({})", last->iso()));
}

void require_born_by(const model::Child& child, util::Date start, std::string_view field) {
  if (child.date_of_birth && start < *child.date_of_birth)
    throw InvalidInput(std::string(field), start.iso(),
                       fmt::format("is before the child's date of birth ({})", child.date_of_birth->iso()));
}

void require_identifiers_unheld(store::Database& db, const model::Child& child, std::int64_t self,
                                const ChildIdentifierNames& names) {
  auto refuse_held = [&](std::optional<std::int64_t> holder, std::string_view field,
                         const std::string& value) {
    if (holder && *holder != self)
      throw Conflict(std::string(field), value,
                     fmt::format("is already held by child {}", format_id(EntityKind::child, *holder)));
  };
  if (child.nhs_number)
    refuse_held(store::child_id_by_nhs(db, *child.nhs_number), names.nhs_number, *child.nhs_number);
  if (child.upn) refuse_held(store::child_id_by_upn(db, *child.upn), names.upn, *child.upn);
  for (const auto& ref : child.refs) refuse_held(store::child_id_by_ref(db, ref), names.ref, ref);
}

std::optional<std::string> require_ethnicity(const std::optional<std::string>& ethnicity,
                                             const std::optional<std::string>& stored,
                                             std::string_view field) {
  if (!ethnicity || ethnicity == stored) return ethnicity;
  return model::require_listed(*ethnicity, "ethnicity", field);
}

void require_not_after_death(store::Database& db, std::int64_t child_id, util::Date date,
                             std::string_view field) {
  auto death = store::child_death(db, child_id);
  if (death && date > *death)
    throw InvalidInput(std::string(field), date.iso(),
                       fmt::format("is after the death of child {} ({}): nothing of a child is dated after "
                                   "its death",
                                   format_id(EntityKind::child, child_id), death->iso()));
}

void require_nothing_after(store::Database& db, std::int64_t child_id, util::Date death,
                           std::string_view field) {
  if (auto later = store::child_record_after(db, child_id, death))
    throw InvalidInput(std::string(field), death.iso(),
                       fmt::format("is before the child's {} {} on {}: nothing of a child is dated after its "
                                   "death",
                                   later->record, later->what, later->date.iso()));
}

namespace {
void require_category_of(const plan::Template& tmpl, const std::string& category, std::string_view field) {
  model::require_code(category, model::category_codes(), field);
  if (std::find(tmpl.categories.begin(), tmpl.categories.end(), category) == tmpl.categories.end())
    throw InvalidInput(std::string(field), category,
                       fmt::format("is not a category of template '{}'", tmpl.name));
}
}  // namespace

void require_plan_category(const plan::Template& tmpl, const std::optional<std::string>& category,
                           std::string_view field) {
  if (tmpl.categories.empty()) {
    if (category)
      throw InvalidInput(std::string(field), *category,
                         fmt::format("does not apply to template '{}'", tmpl.name));
    return;
  }
  if (!category)
    throw InvalidInput(
        std::string(field), "",
        fmt::format("is required by template '{}' (one of {})", tmpl.name, fmt::join(tmpl.categories, ", ")));
  require_category_of(tmpl, *category, field);
}

void require_review_category(const plan::Template& tmpl, std::string_view plan_kind,
                             std::string_view review_kind, const std::optional<std::string>& category,
                             std::string_view field) {
  if (!category) return;
  if (tmpl.categories.empty())
    throw InvalidInput(std::string(field), *category, fmt::format("does not apply to a {} plan", plan_kind));
  if (review_kind != "initial-conference" && review_kind != "review-conference")
    throw InvalidInput(std::string(field), *category,
                       fmt::format("is decided at a conference, not a {}", review_kind));
  require_category_of(tmpl, *category, field);
}

void follow_latest_category(store::WriteTransaction& tx, const model::Plan& plan) {
  auto latest = store::latest_review_category(tx.db(), plan.id);
  if (!latest) latest = plan.initial_category;
  if (latest == plan.latest_category) return;
  auto after = plan;
  after.latest_category = latest;
  store::set_plan_category(tx, plan.id, latest);
  tx.audit(format_id(EntityKind::plan, plan.id), store::to_json(plan), store::to_json(after));
}

std::string require_agency(std::string_view agency, std::string_view field) {
  return model::require_listed(agency, "agency", field);
}

std::optional<std::string> require_seen(std::string_view review_kind, const std::optional<std::string>& value,
                                        std::string_view field) {
  if (!value) return std::nullopt;
  if (review_kind != "visit")
    throw InvalidInput(std::string(field), *value,
                       fmt::format("is recorded for a visit, not a {}", review_kind));
  if (*value != "yes" && *value != "no")
    throw InvalidInput(std::string(field), *value, "must be one of yes, no");
  return value;
}

void require_section(const plan::Template& tmpl, const std::optional<std::string>& section,
                     std::string_view field) {
  if (!section) return;
  bool known = std::any_of(tmpl.sections.begin(), tmpl.sections.end(),
                           [&](const plan::Section& s) { return s.key == *section; });
  if (!known)
    throw InvalidInput(std::string(field), *section,
                       fmt::format("is not a section of template '{}'", tmpl.name));
}

namespace {
std::string span_of(const model::Plan& plan) {
  return fmt::format("{} to {}", plan.start_date.iso(), plan.end_date ? plan.end_date->iso() : "no end");
}
}  // namespace

void require_no_overlap(store::Database& db, const PlanDays& days, std::string_view child_field,
                        std::string_view start_field) {
  auto child = format_id(EntityKind::child, days.child_id);
  if (auto other_id =
          store::overlapping_plan(db, days.child_id, days.kind, days.start, days.end, days.plan_id)) {
    auto other = store::get_plan(db, *other_id);
    if (!other.end_date && !days.end)
      throw Conflict(
          std::string(child_field), child,
          fmt::format("already has an open {} plan {}", days.kind, format_id(EntityKind::plan, *other_id)));
    throw InvalidInput(std::string(start_field), days.start.iso(),
                       fmt::format("overlaps {} plan {} of child {} ({}): plans of a kind may not overlap",
                                   days.kind, format_id(EntityKind::plan, *other_id), child, span_of(other)));
  }
  // A child protection plan's days count with both ends (census rule 8940): a new one starts strictly
  // after the previous one ended.
  if (days.kind == "child-protection") {
    auto end = days.end ? std::optional(days.end->plus_days(1)) : std::nullopt;
    if (auto other_id = store::overlapping_plan(db, days.child_id, days.kind, days.start.plus_days(-1), end,
                                                days.plan_id)) {
      auto other = store::get_plan(db, *other_id);
      throw InvalidInput(
          std::string(start_field), days.start.iso(),
          fmt::format("meets {} plan {} of child {} ({}): a child protection plan starts strictly after the "
                      "previous one ended",
                      days.kind, format_id(EntityKind::plan, *other_id), child, span_of(other)));
    }
  }
  // A child protection plan and a child in need plan of a child never share a day (census rules 4001,
  // 4016, 4017); one may start on the day the other ended.
  auto other_kind = days.kind == "child-protection" ? "child-in-need"
                    : days.kind == "child-in-need"  ? "child-protection"
                                                    : "";
  if (!*other_kind) return;
  auto other_id = store::overlapping_plan(db, days.child_id, other_kind, days.start, days.end, days.plan_id);
  if (!other_id) return;
  auto other = store::get_plan(db, *other_id);
  if (!other.end_date && !days.end)
    throw Conflict(std::string(child_field), child,
                   fmt::format("already has an open {} plan {}: a child protection plan and a child in need "
                               "plan may not overlap",
                               other_kind, format_id(EntityKind::plan, *other_id)));
  throw InvalidInput(
      std::string(start_field), days.start.iso(),
      fmt::format("overlaps {} plan {} of child {} ({}): a child protection plan and a child in "
                  "need plan may not overlap",
                  other_kind, format_id(EntityKind::plan, *other_id), child, span_of(other)));
}

}  // namespace ics::record
