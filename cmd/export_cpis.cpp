// `export cp-is`: the child protection plans the NHS's CP-IS is told of, as CSV; each extract but a
// dry run is logged, so that the next one sends the plans ended since.
#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "private_file.hpp"
#include "return_settings.hpp"
#include "session.hpp"

#include <ics/io/writers.hpp>
#include <ics/model/code_lists.hpp>
#include <ics/returns/cpis.hpp>
#include <ics/returns/settings.hpp>
#include <ics/store/settings.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

namespace {

struct Options {
  std::string as_of, out, la;
};

constexpr const char* k_footer =
    R"(Columns: nhs_number, date_of_birth (the expected date for an unborn child), plan_type (CPP, or
UCPP for an unborn child: the mother's NHS number is sent), start_date, end_date (empty while open),
la_code, la_name (icsctl settings la_code and la_name; --la overrides the code).
Rows: every child protection plan open on the as-of date, and every one ended since the last extract
(after the latest extract's as-of date; with none made yet, in the 12 months before the as-of date).
A plan whose child has no valid NHS number (an unborn child: the mother's) is left out and named on
stderr. Each extract but --dry-run is logged and audited.)";

// The authority: --la, else the la_code setting (the database's, else the configuration's; an LA number of
// schemas/codes/la-number.yaml, checked as `settings set` and `export cin-census --la` check it), with the
// la_name setting.
ics::returns::CpisAuthority authority(const Session& s, ics::store::Database& db, const std::string& la) {
  auto setting = [&](const char* key) {
    auto value = return_setting(s, db, key);
    return value ? value->value : "";
  };
  ics::returns::CpisAuthority out{la, setting("la_name")};
  if (!la.empty()) {
    out.la_code = ics::model::require_listed(la, "la-number", "--la");
    return out;
  }
  out.la_code = setting("la_code");
  if (out.la_code.empty())
    throw ics::InvalidInput(
        "the LA code is not set: give --la CODE or run 'icsctl settings set la_code CODE'");
  out.la_code = ics::returns::check_setting("la_code", out.la_code);
  return out;
}

}  // namespace

void register_export_cpis(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option(
      "--as-of", o->as_of,
      "the date the extract is as of, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  app.add_option("--out", o->out, "write the CSV to FILE (owner-only) instead of stdout");
  app.add_option("--la", o->la,
                 "the DfE LA number (3 digits, from the la-number list), instead of the la_code setting");
  app.footer(k_footer);
  run = [o](Session& s, DatabaseAccess& access) {
    auto as_of = optional_date(s, o->as_of, "as_of").value_or(s.today());
    auto& tx = access.write();
    auto la = authority(s, tx.db(), o->la);
    auto since = ics::returns::cpis_since(tx.db(), as_of);
    std::shared_ptr<PrivateFile> file;
    std::unique_ptr<ics::util::RowSink> sink;
    if (!o->out.empty()) {
      file = std::make_shared<PrivateFile>(o->out);
      sink = ics::io::make_writer(ics::io::Format::csv, file->stream());
    } else {
      sink = s.machine_output() ? s.output() : ics::io::make_writer(ics::io::Format::csv, std::cout);
    }
    auto extract = ics::returns::write_cpis(tx.db(), as_of, since, la, *sink);
    for (const auto& left : extract.left_out)
      s.warn(fmt::format("left out {} (plan {}): {}", left.child_id, left.plan_id, left.reason));
    // A dry run writes the extract (its report of what it would send) but logs nothing: the
    // dispatcher rolls the log back, so the next extract sends the same.
    if (s.dry_run()) access.own_dry_run_report();
    ics::returns::record_cpis_extract(tx, as_of, since, extract.rows);
    access.after_commit([&s, file, extract, as_of, since, dry = s.dry_run()] {
      if (file) file->commit();
      s.info(fmt::format("cp-is: {} plan(s) open on {} or ended after {}; {} left out{}", extract.rows,
                         as_of.iso(), since.iso(), extract.left_out.size(),
                         dry ? " (dry run: not logged)" : ""));
    });
  };
}

}  // namespace icsctl
