#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/record/reviews.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/records.hpp>

namespace ics::record {

using model::EntityKind;
using model::format_id;

std::int64_t record_review(store::WriteTransaction& tx, const NewReview& request,
                           const plan::CalendarLoader& calendars, util::Date today) {
  auto plan = store::get_plan(tx.db(), request.plan_id);
  require_open(plan);
  require_not_after_today(request.date, today, "date");
  require_not_before_start(request.date, plan.start_date, "date");
  require_not_after_death(tx.db(), plan.child_id, request.date, "date");
  auto tmpl = plan::parse_template(store::template_body_of_plan(tx.db(), plan.id), plan.template_name);
  model::Review review;
  review.plan_id = plan.id;
  review.kind = model::require_code(request.kind, model::review_kinds(), "kind");
  review.review_date = request.date;
  if (request.outcome) review.outcome = model::require_text(*request.outcome, "outcome");
  require_review_category(tmpl, plan.kind, review.kind, request.category, "category");
  review.category = request.category;
  review.seen = require_seen(review.kind, request.seen, "seen");
  review.seen_alone = require_seen(review.kind, request.seen_alone, "seen-alone");
  if (review.kind == "review-conference")
    review.next_review_due = plan::next_review_due_after(tmpl, review.review_date, calendars(tmpl.calendar));
  review.id = store::insert_review(tx, review);
  tx.audit(format_id(EntityKind::review, review.id), std::nullopt, store::to_json(review));
  if (review.category) follow_latest_category(tx, plan);
  return review.id;
}

}  // namespace ics::record
