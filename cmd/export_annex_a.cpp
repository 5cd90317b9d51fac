// `export annex-a`: Ofsted's Annex A lists 3-7 for a window, as an Excel workbook (one sheet per
// list) or one list in an output format.
#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "private_file.hpp"
#include "session.hpp"

#include <ics/io/xlsx_writer.hpp>
#include <ics/returns/annex_a.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {

struct Options {
  std::string from, to, out;
  int list = 0;
};

constexpr const char* k_footer =
    R"(Lists (one sheet each, named "List N", headed as Ofsted's Annex A): 3 referrals received in the
window, 4 assessments open in it, 5 section 47 enquiries open in it with their initial conferences,
6 episodes of need open in it, 7 child protection plans open on --to or ended in the window. --to
is the extract date (ages, statuses, what had happened by then). Lists 1, 2 and 8-11 need contacts,
early help and looked-after records, which icsctl does not hold (README "Ofsted Annex A").
Without --list the workbook goes to --out, created owner-only and put in place only when complete.
With --list N one list goes to stdout in the -o format: csv, tsv, table and markdown headed as
Annex A (--fields names those headings), json and ndjson keyed by snake_case names.)";

}  // namespace

void register_export_annex_a(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("--from", o->from,
                 "the window's first day, YYYY-MM-DD or today, +7d, eom… (icsctl help dates)")
      ->required();
  app.add_option(
         "--to", o->to,
         "the window's last day and the extract date, YYYY-MM-DD or today, +7d, eom… (icsctl help dates)")
      ->required();
  auto* out = app.add_option("--out", o->out, "the workbook to write (FILE.xlsx)");
  app.add_option("--list", o->list, "write only this list (3-7) to stdout, in the -o format")->excludes(out);
  app.footer(k_footer);
  run = [o](Session& s, DatabaseAccess& access) {
    auto from = date_value(s, o->from, "from");
    auto to = date_value(s, o->to, "to");
    if (o->list != 0) {
      const auto& list = ics::returns::annex_a_list(o->list, "list");
      auto& db = access.read();
      bool for_people = !s.machine_output() || s.csv_like_output() || s.markdown_output();
      auto headings = for_people ? ics::returns::Headings::annex_a : ics::returns::Headings::snake_case;
      auto sink = s.output();
      ics::returns::write_annex_a_list(db, list, from, to, headings, *sink);
      return;
    }
    if (o->out.empty()) throw CLI::RequiredError("--out FILE.xlsx (or --list N)");
    if (to < from) throw ics::InvalidInput("to", o->to, "is before --from " + from.iso());
    auto& db = access.read();
    PrivateFile file(o->out);
    ics::io::XlsxWorkbook workbook(file.reopen_path());
    for (const auto& list : ics::returns::annex_a_lists())
      ics::returns::write_annex_a_list(db, list, from, to, ics::returns::Headings::annex_a,
                                       workbook.add_sheet(std::string(list.sheet)));
    workbook.close();
    file.commit();
  };
}

}  // namespace icsctl
