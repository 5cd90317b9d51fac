// `icsctl reports show NAME`, `icsctl reports check FILE...`: your own report definitions
// (README "Writing your own report").
#include "command.hpp"
#include "render.hpp"
#include "session.hpp"

#include <ics/report/definition.hpp>
#include <ics/report/user_reports.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/resources.hpp>

#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

namespace {

// A shipped definition's text, else the user's (--reports).
std::string definition_text(const Session& s, const std::string& name) {
  if (ics::report::is_builtin(name))
    return std::string(*ics::util::resource(fmt::format("reports/{}.yaml", name)));
  if (s.reports_dir())
    if (auto path = ics::report::find_user_report(*s.reports_dir(), name)) return ics::util::read_file(*path);
  throw ics::NotFound(fmt::format("no report '{}'", name));
}

// Checks each file; says on stderr which are valid and which not (with file:line:column), and exits 3
// when any is not.
void check_files(const Session& s, const std::vector<std::string>& files) {
  if (files.size() == 1) {  // one file: its error is the command's
    auto def = ics::report::check_user_definition(files[0]);
    s.info(fmt::format("{}: report '{}' is valid", files[0], def.name));
    return;
  }
  std::size_t bad = 0;
  for (const auto& file : files) try {
      auto def = ics::report::check_user_definition(file);
      s.info(fmt::format("{}: report '{}' is valid", file, def.name));
    } catch (const ics::InvalidInput& e) {
      ++bad;
      std::cerr << styled_prefix("error", s.terminal().color(Stream::err)) << e.what() << '\n';
    } catch (const ics::NotFound& e) {
      ++bad;
      std::cerr << styled_prefix("error", s.terminal().color(Stream::err)) << e.what() << '\n';
    }
  if (bad > 0)
    throw ics::InvalidInput(fmt::format("{} of {} report definitions are not valid", bad, files.size()));
}

}  // namespace

void register_reports(CLI::App& app, Runner& run) {
  auto name = std::make_shared<std::string>();
  auto files = std::make_shared<std::vector<std::string>>();
  app.require_subcommand(1);
  auto* show = app.add_subcommand("show", "print a report's definition (to start your own from)");
  show->add_option("NAME", *name, "report name (see 'icsctl report --list')")->required();
  auto* check = app.add_subcommand(
      "check",
      "check report definition files: their keys, and a query that only reads and returns the "
      "declared columns");
  check->add_option("FILE", *files, "definition files (NAME.yaml)")->required();
  for (auto* sub : {show, check}) sub->fallthrough();
  app.footer(R"(Your own reports are NAME.yaml files in a folder given by --reports DIR (or ICSCTL_REPORTS),
written like the shipped ones; 'icsctl help reports' and the README ("Writing your own report")
explain them. A shipped report's name is reserved. Exit 3 when a file is not valid.)");
  run = [name, files, show](Session& s, DatabaseAccess&) {
    if (show->parsed())
      std::cout << definition_text(s, *name);
    else
      check_files(s, *files);
  };
}

}  // namespace icsctl
