// `export KIND|all`: every record of a kind (children, episodes, assessments, enquiries, conferences,
// plans, actions, reviews), ordered by id, streamed to stdout.
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/io/export.hpp>
#include <ics/io/writers.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

namespace icsctl {

namespace {

using ics::io::RecordKind;

constexpr const char* k_footer =
    R"(Output: -o csv (the default, also when -o is table), tsv, ndjson or json. The columns are the ones
'icsctl import KIND' reads back, so export, import into a new database (in this order: children,
episodes, assessments, enquiries, conferences, plans, actions, reviews) and export again gives the
same bytes:
  children     child_id given_names family_name date_of_birth expected_dob sex nhs_number upn ethnicity
               refs (legacy references, space-separated) disabilities (codes joined by ',')
               upn_unknown former_upn mother_nhs_number date_of_death
  episodes     episode_id child_id referral_date referral_source primary_need nfa (yes, no) closure_date
               closure_reason made_by
  assessments  assessment_id episode_id start_date completed_date factors (codes joined by ',')
  enquiries    enquiry_id episode_id start_date conference_target end_date
  conferences  conference_id episode_id enquiry_id conference_date outcome (plan, no-plan)
  plans        plan_id child_id template template_version kind initial_category latest_category
               start_date end_date end_reason lead_worker team contingency first_review_due
               previous_cp_plans legacy_ref episode_id conference_id
  actions      action_id plan_id section what owner agency due_date status completed_date cancel_reason
  reviews      review_id plan_id kind review_date outcome category next_review_due seen seen_alone
'all' writes every record of every kind, in that order, as ndjson (the default) or json: each
object's first key "record" says which (child, episode, assessment, enquiry, conference, plan,
action, review). Records stream from the database with constant memory, read in one transaction. To
import it, split it by kind, e.g.
  grep '^{"record":"child"' all.ndjson | icsctl import children - --format ndjson

Examples:
  icsctl export children > children.csv
  icsctl export episodes -o ndjson > episodes.ndjson
  icsctl export plans -o ndjson > plans.ndjson
  icsctl export actions -o tsv > actions.tsv
  icsctl export all -o ndjson | gzip > ics-backup.ndjson.gz)";

}  // namespace

void register_export(CLI::App& app, Runner& run) {
  app.require_subcommand(1);
  std::vector<std::pair<RecordKind, CLI::App*>> kinds;
  for (auto kind : ics::io::record_kinds()) {
    auto name = std::string(ics::io::record_plural(kind));
    auto* sub = app.add_subcommand(name, "every " + std::string(ics::io::record_name(kind)) + ", by id");
    sub->fallthrough();
    kinds.emplace_back(kind, sub);
  }
  auto* all = app.add_subcommand("all", "every record of every kind (ndjson or json)");
  all->fallthrough();
  app.footer(k_footer);
  run = [kinds, all](Session& s, DatabaseAccess& access) {
    // A return (export cin-census, …) is a row of the command table with a runner of its own.
    bool any_kind = std::any_of(kinds.begin(), kinds.end(), [](const auto& k) { return k.second->parsed(); });
    if (!all->parsed() && !any_kind) return;
    auto& db = access.read();
    if (all->parsed()) {
      if (s.csv_like_output())
        throw CLI::ValidationError("--output",
                                   "export all writes ndjson or json: its records have different columns");
      ics::io::export_all(db, s.json_array_output(), std::cout);
      return;
    }
    for (const auto& [kind, sub] : kinds) {
      if (!sub->parsed()) continue;
      auto out = s.machine_output() ? s.output() : ics::io::make_writer(ics::io::Format::csv, std::cout);
      ics::io::export_records(db, kind, *out);
    }
  };
}

}  // namespace icsctl
