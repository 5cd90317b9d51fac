// `icsctl check census`: the DfE's children in need census validation rules (returns-spec §1.12)
// applied to the records `export cin-census` would write for a year, one row per finding.
#include "command.hpp"
#include "database_access.hpp"
#include "return_settings.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/returns/census_check.hpp>
#include <ics/store/census.hpp>
#include <ics/store/settings.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {

struct Options {
  int year = 0;
  std::string la;
  bool rules = false;
};

std::string severity_name(ics::returns::Severity s) {
  return s == ics::returns::Severity::error ? "error" : "query";
}

ics::util::Value id_or_null(ics::model::EntityKind kind, std::int64_t id) {
  if (id == 0) return {};
  return ics::model::format_id(kind, id);
}

// `check census --rules`: one row per rule.
void list_rules(Session& s) {
  auto out = s.output();
  out->begin({{"rule"}, {"severity"}, {"summary"}});
  for (const auto& r : ics::returns::census_rules())
    out->row({std::string(r.number), severity_name(r.severity), std::string(r.summary)});
  out->end();
}

// The header the rules see. None of them reads it today (1530 checks a UPN against every LA number,
// not the return's own), so what is not set stays empty rather than stopping the check.
ics::returns::CensusHeader header(const Session& s, ics::store::Database& db, const std::string& la) {
  ics::returns::CensusHeader h;
  auto setting = [&](const char* key) {
    auto value = return_setting(s, db, key);
    return value ? value->value : "";
  };
  h.la_code = la.empty() ? setting("la_code") : ics::model::require_listed(la, "la-number", "--la");
  h.software_code = setting("software_code");
  h.release = setting("release");
  h.serial_no = setting("serial_no");
  return h;
}

void check(Session& s, DatabaseAccess& access, const Options& o) {
  auto period = ics::returns::census_period(o.year);
  auto& db = access.read();
  ics::store::ReadTransaction snapshot(db);
  ics::returns::CensusChecker checker(period, header(s, db, o.la));
  auto out = s.output();
  out->begin({{"rule"}, {"severity"}, {"child_id"}, {"episode_id"}, {"record_id"}, {"message"}});
  long children = 0, errors = 0, queries = 0;
  std::vector<ics::returns::Finding> findings;
  auto flush = [&] {
    for (const auto& f : findings) {
      (f.severity == ics::returns::Severity::error ? errors : queries)++;
      out->row({f.rule, severity_name(f.severity), id_or_null(ics::model::EntityKind::child, f.child_id),
                id_or_null(ics::model::EntityKind::episode, f.episode_id),
                f.record_id.empty() ? ics::util::Value{} : ics::util::Value{f.record_id}, f.message});
    }
    findings.clear();
  };
  ics::store::read_census(db, period, [&](const ics::returns::CensusChild& child) {
    ++children;
    checker.check(child, findings);
    flush();
  });
  checker.finish(findings);
  flush();
  out->end();
  auto summary = fmt::format("census {} ({} to {}): {} {} checked, {} errors, {} queries", period.year,
                             period.start.iso(), period.reference.iso(), children,
                             children == 1 ? "child" : "children", errors, queries);
  if (errors > 0) throw ics::InvalidInput(summary);
  s.info(summary);
}

}  // namespace

void register_check(CLI::App& app, Runner&) {
  app.require_subcommand(1);
}

void register_check_census(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  auto* year =
      app.add_option("--year", o->year, "the census year YYYY: the period 1 April YYYY-1 to 31 March YYYY");
  app.add_option("--la", o->la,
                 "the local authority's 3-digit number for the header (default: the la_code setting)");
  app.add_flag("--rules", o->rules, "list the rules applied: number, severity and what each checks");
  app.footer(R"(Findings: one row per fault, columns rule, severity (error|query), child_id, episode_id,
record_id, message; the rule numbers are the DfE's. Exit 3 when any error is found, 0 when none (queries
alone are not errors).)");
  run = [o, year](Session& s, DatabaseAccess& db) {
    if (o->rules) return list_rules(s);
    if (year->count() == 0)
      throw CLI::ValidationError("--year", "is required: the census year YYYY (or --rules)");
    check(s, db, *o);
  };
}

}  // namespace icsctl
