// One row of a plans file: open-plan's rules (child, template, categories, no two plans of a kind at
// once, the first review's due date, the episode it is filed in) for a plan that may already be closed,
// and close-plan's (an end after the last review). Importing a plan creates no actions: they come in
// their own file.
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/record/episode_rules.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

namespace {

using model::EntityKind;
using model::format_id;

model::Conference conference_of(store::Database& db, std::int64_t conference_id) {
  try {
    return store::get_conference(db, conference_id);
  } catch (const NotFound&) {
    throw InvalidInput("conference_id", format_id(EntityKind::conference, conference_id),
                       "is not a conference in the database");
  }
}

// Files the plan in its episode_id (a closed plan may be in a closed episode, dated within it), else as
// open-plan files it: in the child's open episode, else in one opened for it; a closed plan without
// one gets a closed episode of its own (record::find_plan_episode). A child protection plan
// starts on the date of a conference of its episode: its conference_id, else the one held that day.
void file_plan(RowContext& ctx, model::Plan& plan, const model::Child& child) {
  auto& db = ctx.tx.db();
  bool cp = plan.kind == "child-protection";
  auto conference_name = format_id(EntityKind::conference, plan.conference_id);
  if (plan.conference_id && !cp)
    throw InvalidInput("conference_id", conference_name, "applies only to a child protection plan");
  if (!plan.episode_id) {
    if (plan.conference_id)
      throw InvalidInput("conference_id", conference_name, "must be given with its episode_id");
    auto filing = record::find_plan_episode(db, child, plan.kind, plan.start_date, std::nullopt,
                                            {"child_id", "episode_id", "start_date"}, plan.end_date);
    record::make_plan_episode(ctx.tx, filing, child.id, plan.start_date, plan.end_date);
    plan.episode_id = filing.result.episode_id;
    plan.conference_id = filing.result.conference_id;
    return;
  }
  auto episode = episode_of(db, plan.episode_id);
  if (episode.child_id != child.id)
    throw InvalidInput(
        "episode_id", format_id(EntityKind::episode, episode.id),
        fmt::format("is an episode of child {}, not of {}", format_id(EntityKind::child, episode.child_id),
                    format_id(EntityKind::child, child.id)));
  if (plan.end_date) {
    record::require_not_nfa(episode, "a plan");
    record::require_within_episode(episode, plan.start_date, "start_date");
    record::require_within_episode(episode, *plan.end_date, "end_date");
  } else {
    record::require_plan_fits_episode(episode, plan.start_date, "episode_id", "start_date");
  }
  if (!cp) return;
  if (!plan.conference_id) {
    plan.conference_id = record::require_plan_conference(db, episode, plan.start_date, "start_date");
    return;
  }
  auto conference = conference_of(db, plan.conference_id);
  if (conference.episode_id != episode.id || conference.conference_date != plan.start_date)
    throw InvalidInput(
        "conference_id", conference_name,
        fmt::format("is a conference of episode {} on {}: a child protection plan starts on the "
                    "date of the initial conference that decided it, in its episode",
                    format_id(EntityKind::episode, conference.episode_id), conference.conference_date.iso()));
}

}  // namespace

Outcome import_plan_row(RowContext& ctx, const BulkRow& row) {
  auto& db = ctx.tx.db();
  auto id = row_id(row);
  bool held = id && record_exists(ctx, *id);
  if (held && skip_existing(ctx, *id)) return Outcome::skipped;
  auto fields = plan_from_row(held ? with_record(ctx, row, *id) : row, ctx.options.today);

  store::PlanRow record;
  auto& plan = record.plan;
  plan = fields.plan;
  plan.id = id.value_or(0);
  plan.child_id = child_of(db, fields.child);
  auto child = store::get_child(db, plan.child_id);
  record::require_born_by(child, plan.start_date, "start_date");
  record::require_not_after_death(db, child.id, plan.start_date, "start_date");
  if (plan.end_date) record::require_not_after_death(db, child.id, *plan.end_date, "end_date");
  if (held && plan.end_date) record::require_end_after_last_review(db, plan.id, *plan.end_date, "end_date");

  // An update that keeps the plan's template version keeps its snapshot, even if the template file
  // has since changed under the same version.
  std::optional<model::Plan> stored;
  if (held) stored = store::get_plan(db, plan.id);
  const plan::Template* chosen = nullptr;
  if (stored && stored->template_name == plan.template_name &&
      fields.template_version.value_or(stored->template_version) == stored->template_version) {
    chosen = &ctx.templates.of_plan(db, *stored);
    record.template_id =
        store::template_snapshot(ctx.tx, chosen->name, chosen->version, chosen->hash, chosen->text);
  } else {
    auto resolved = ctx.templates.resolve(ctx.tx, plan.template_name, fields.template_version);
    chosen = resolved.tmpl;
    record.template_id = resolved.snapshot_id;
  }
  const auto& tmpl = *chosen;
  plan.template_version = tmpl.version;
  if (plan.kind.empty()) plan.kind = tmpl.kind;
  if (plan.kind != tmpl.kind)
    throw InvalidInput("kind", plan.kind,
                       fmt::format("is not the kind of template '{}' ({})", tmpl.name, tmpl.kind));
  record::require_plan_category(tmpl, plan.initial_category, "initial_category");
  record::require_plan_category(tmpl, plan.latest_category, "latest_category");
  // As open-plan sets it: without it the plan would never be due for review.
  if (!plan.first_review_due)
    plan.first_review_due = plan::first_review_due(tmpl, plan.start_date, calendar_of(ctx, tmpl));
  plan.next_review_due = plan.first_review_due;

  if (fields.legacy_ref) {
    auto holder = store::plan_by_legacy_ref(db, *fields.legacy_ref);
    if (holder && holder != id)
      throw InvalidInput("legacy_ref", *fields.legacy_ref,
                         fmt::format("is already held by plan {}", format_id(EntityKind::plan, *holder)));
    record.legacy_ref = fields.legacy_ref;
  }
  // Rows written earlier from the same file are in the database already, so they count too.
  record::require_no_overlap(db, {plan.child_id, plan.kind, plan.start_date, plan.end_date, plan.id},
                             "child_id", "start_date");
  if (fields.previous_cp_plans) {
    plan.previous_cp_plans = *fields.previous_cp_plans;
  } else if (plan.kind == "child-protection") {  // as open-plan counts them: the child's other ones
    plan.previous_cp_plans = store::count_plans_of_kind(db, plan.child_id, plan.kind);
    if (stored && stored->child_id == plan.child_id && stored->kind == plan.kind) --plan.previous_cp_plans;
  }

  file_plan(ctx, plan, child);

  if (held) return audited_update(ctx, plan.id, [&] { store::replace_plan(ctx.tx, record); });
  return audited_insert(ctx, [&] {
    return store::insert_plan_with_id(ctx.tx, record, {ctx.batch_id, row.line});
  });
}

}  // namespace ics::io
