// `export KIND|all`: every record of a kind (children, episodes, assessments, enquiries, conferences,
// plans, actions, reviews), ordered by id, streamed to stdout.
#include "command.hpp"
#include "database_access.hpp"
#include "restricted_reads.hpp"
#include "session.hpp"

#include <ics/io/export.hpp>
#include <ics/io/writers.hpp>
#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/util/rows.hpp>

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <set>

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
'export actions --for-agency CODE' writes instead what one agency is given (README "Information
sharing"): its own actions only, with the least of the child's record it needs: action_id plan_id
child_id name date_of_birth nhs_number lead_worker team section what owner agency due_date status
completed_date cancel_reason. It is meant for people, so csv and tsv cells beginning with = + - @
get a ' as in reports, and it is audited as a disclosure (icsctl log disclosure:CODE).
  reviews      review_id plan_id kind review_date outcome category next_review_due seen seen_alone
'all' writes every record of every kind, in that order, as ndjson (the default) or json: each
object's first key "record" says which (child, episode, assessment, enquiry, conference, plan,
action, review). Records stream from the database with constant memory, read in one transaction. To
import it, split it by kind, e.g.
  grep '^{"record":"child"' all.ndjson | icsctl import children - --format ndjson
Values are written exactly as stored, so that import reads back the same: unlike reports and lists,
export does not put a ' before a cell beginning with = + - @ (README "Spreadsheets"). Open an export
in a spreadsheet only with its formulas off, or use a report or list instead. --fields a,b,c writes
only those columns (which import may not read back); -o markdown a table for a document.)";

// `export actions --for-agency CODE`: the agency's rows, gathered first (an agency's actions fit in
// memory) so that the disclosure is audited, with its count and children, before any row is written.
void export_for_agency(Session& s, DatabaseAccess& access, const std::string& agency) {
  auto code = ics::model::require_listed(agency, "agency", "for-agency");
  auto& db = access.read();
  ics::util::RowBuffer rows;
  ics::report::run_report(db, ics::report::find_definition("agency-actions"),
                          {{"as_of", s.today().iso()}, {"agency", code}}, rows);
  std::set<std::int64_t> numbers;  // the children, in id order
  const auto& columns = rows.columns();
  auto child_column = static_cast<std::size_t>(
      std::find_if(columns.begin(), columns.end(), [](const auto& c) { return c.name == "child_id"; }) -
      columns.begin());
  for (const auto& row : rows.rows())
    if (const auto* id = std::get_if<std::string>(&row[child_column]))
      if (auto parsed = ics::model::parse_id(*id)) numbers.insert(parsed->number);
  std::vector<std::string> children;
  for (auto n : numbers) children.push_back(ics::model::format_id(ics::model::EntityKind::child, n));
  s.check_fields(columns);  // a usage error before the disclosure is audited
  audit_read(s, s.command(), [&](auto& tx) {
    ics::record::audit_disclosure(tx, code, static_cast<std::int64_t>(rows.rows().size()), children);
  });
  // For people, not for import: formula-like cells neutralised as in reports (csv also for -o table).
  auto out = s.machine_output() ? s.output()
                                : ics::io::make_writer(ics::io::Format::csv, std::cout,
                                                       {.neutralise_formulas = !s.raw_cells()});
  out->begin(columns);
  for (const auto& row : rows.rows()) out->row(row);
  out->end();
  s.info(fmt::format("disclosed to {}: {} action{} of {} child{}", code, rows.rows().size(),
                     rows.rows().size() == 1 ? "" : "s", children.size(), children.size() == 1 ? "" : "ren"));
}

}  // namespace

void register_export(CLI::App& app, Runner& run) {
  app.require_subcommand(1);
  std::vector<std::pair<RecordKind, CLI::App*>> kinds;
  auto agency = std::make_shared<std::string>();
  for (auto kind : ics::io::record_kinds()) {
    auto name = std::string(ics::io::record_plural(kind));
    auto* sub = app.add_subcommand(name, "every " + std::string(ics::io::record_name(kind)) + ", by id");
    sub->fallthrough();
    if (kind == RecordKind::action)
      sub->add_option("--for-agency", *agency,
                      "only this agency's actions (a code of schemas/codes/agency.yaml), with the least "
                      "child data it needs; audited as a disclosure");
    kinds.emplace_back(kind, sub);
  }
  auto* all = app.add_subcommand("all", "every record of every kind (ndjson or json)");
  all->fallthrough();
  app.footer(k_footer);
  run = [kinds, all, agency](Session& s, DatabaseAccess& access) {
    if (!all->parsed() &&
        std::none_of(kinds.begin(), kinds.end(), [](const auto& k) { return k.second->parsed(); }))
      return;  // a nested row of its own (export annex-a, cp-is, cin-census) runs instead
    if (!agency->empty()) return export_for_agency(s, access, *agency);
    auto& db = access.read();
    if (all->parsed()) {
      if (s.csv_like_output() || s.markdown_output())
        throw CLI::ValidationError("--output",
                                   "export all writes ndjson or json: its records have different columns");
      if (!s.fields().empty())
        throw CLI::ValidationError("--fields",
                                   "export all writes every field of every kind: export one kind to choose "
                                   "its fields");
      ics::io::export_all(db, s.json_array_output(), std::cout);
      return;
    }
    for (const auto& [kind, sub] : kinds) {
      if (!sub->parsed()) continue;
      // Meant to be read back: values exactly as stored, formula-like ones too (README "Spreadsheets").
      auto out =
          s.machine_output() ? s.round_trip_output() : ics::io::make_writer(ics::io::Format::csv, std::cout);
      ics::io::export_records(db, kind, *out);
    }
  };
}

}  // namespace icsctl
