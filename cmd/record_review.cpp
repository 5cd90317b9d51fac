#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/reviews.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string plan, date, kind = "review-conference", category, outcome, seen, seen_alone;
};
}  // namespace

void register_record_review(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("PLAN", o->plan, "plan id, e.g. P12")->required();
  app.add_option("--date", o->date,
                 "the day it took place, YYYY-MM-DD or today, +7d, eom… (icsctl help dates)")
      ->required();
  app.add_option("--kind", o->kind, "review-conference (default), core-group, visit or initial-conference");
  app.add_option("--category", o->category, "a new category of abuse decided by the review");
  app.add_option("--outcome", o->outcome, "the outcome, in words");
  app.add_option("--seen", o->seen, "a visit: whether the child was seen, yes or no");
  app.add_option("--seen-alone", o->seen_alone, "a visit: whether the child was seen alone, yes or no");
  run = [o](Session& s, DatabaseAccess& db) {
    ics::record::NewReview review;
    review.plan_id = ics::model::parse_id_of(ics::model::EntityKind::plan, o->plan, "plan");
    review.date = date_value(s, o->date, "date");
    review.kind = o->kind;
    review.category = optional_value(o->category, "category");
    review.outcome = optional_value(o->outcome, "outcome");
    review.seen = optional_value(o->seen, "seen");
    review.seen_alone = optional_value(o->seen_alone, "seen-alone");
    auto id = ics::record::record_review(db.write(), review, s.calendar_loader(), s.today());
    db.after_commit([&s, id] { s.print_id(ics::model::format_id(ics::model::EntityKind::review, id)); });
  };
}

}  // namespace icsctl
