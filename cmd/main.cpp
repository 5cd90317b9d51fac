// icsctl: wires the command table to CLI11 and maps every error to its exit code, once.
#include "config_file.hpp"
#include "did_you_mean.hpp"
#include "dispatch.hpp"
#include "empty_values.hpp"
#include "exit_codes.hpp"
#include "help_tree.hpp"
#include "render.hpp"
#include "session.hpp"
#include "terminal.hpp"

#include <ics/store/database.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <sys/stat.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

namespace {

using namespace icsctl;

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, "database file (env ICSCTL_DB; default $XDG_DATA_HOME/icsctl/ics.db)");
  app.add_option("--as", g.actor, "who is acting, for the audit trail (env ICSCTL_USER; default login name)");
  app.add_option("-o,--output", g.output,
                 "output format: table, csv, tsv, json, ndjson, markdown (default table)")
      ->check(
          CLI::IsMember(std::vector<std::string>(std::begin(k_output_formats), std::end(k_output_formats))));
  app.add_option("--fields", g.fields,
                 "a,b,c: only these columns of the rows printed, in this order, in every format (an "
                 "unknown name is refused with the list)");
  app.add_flag("--no-headers", g.no_headers, "-o table, csv, tsv: print the rows without the header row");
  app.add_flag("-q,--quiet", g.quiet, "no summaries or progress on stderr");
  app.add_flag("-v,--verbose", g.verbose, "more detail on stderr");
  app.add_flag("--raw-cells", g.raw_cells,
               "csv/tsv: leave a cell beginning with = + - @ as it is (by default a ' goes in front, so "
               "that a spreadsheet does not run it as a formula)");
  app.add_flag("--include-restricted", g.include_restricted,
               "show restricted children too, in lists, reports, show, log and exports; every such read "
               "is audited (README \"Information sharing\")");
  app.add_option("--color", g.color, "colour on the terminal: auto, always, never (default auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--templates", g.templates,
                 "folder of plan templates and calendars searched first (env ICSCTL_TEMPLATES)");
  app.add_option("--reports", g.reports,
                 "folder of your own report definitions, NAME.yaml each (env ICSCTL_REPORTS; see "
                 "'icsctl reports check')");
  app.add_option("--wait", g.wait,
                 "seconds to wait while another process is writing to the database (env ICSCTL_WAIT; "
                 "default 600)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--allow-shared", g.allow_shared,
               "open a database whose files another user owns or may read or write, or read such a "
               "configuration file (with a warning)");
  app.add_option("--config", g.config,
                 "configuration file of defaults (env ICSCTL_CONFIG; default "
                 "$XDG_CONFIG_HOME/icsctl/config; README \"Configuration\")");
  app.add_flag("--no-input", g.no_input,
               "never ask on the terminal (env ICSCTL_NO_INPUT=1): a destructive command then needs --yes");
}

// The command named on the command line: the first word that is neither a global option nor the
// value of one. Empty when there is none (`icsctl --help`, `icsctl --version`, a usage error).
std::string_view requested_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return {};
    if (arg.size() < 2 || arg[0] != '-') return arg;
    if (arg.find('=') != std::string_view::npos) continue;  // --db=FILE
    if (arg[1] != '-' && arg.size() > 2) continue;          // -ocsv, -qv
    const CLI::Option* option = app.get_option_no_throw(std::string(arg));
    if (option && option->get_items_expected_min() > 0) ++i;  // --db FILE, -o csv
  }
  return {};
}

// A message as a terminal may show it, its lines kept: any raw text that reached it escaped.
std::string shown_message(std::string_view message) {
  std::string out;
  for (std::size_t at = 0;;) {
    auto end = message.find('\n', at);
    out += ics::util::escape_text(message.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return out;
    out += '\n';
    at = end + 1;
  }
}

int report(const std::exception& e, int code, const Terminal& terminal) {
  std::cerr << styled_prefix("error", terminal.color(Stream::err)) << shown_message(e.what()) << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  ::umask(077);  // every file made on our behalf (SQLite's, libxlsxwriter's temporaries) is owner-only
  // std::cout gets a buffer of its own instead of a call into C stdio per character: a report of
  // 40,000 rows spent a tenth of its time there. Nothing here writes to stdout through stdio, and
  // std::cerr, tied to std::cout, still flushes it first.
  std::ios::sync_with_stdio(false);
  CLI::App app{"icsctl: child protection and child in need plans, kept as plans, actions and reviews",
               "icsctl"};
  app.set_version_flag("--version", fmt::format("icsctl {} (schema version {})", ICS_VERSION,
                                                ics::store::latest_schema_version()));
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 runtime or storage error, 2 usage error, 3 invalid input, "
      "4 not found, 75 another process is writing (try again), 130 interrupted.\nRun 'icsctl COMMAND --help' "
      "for a command's options and examples.");
  GlobalOptions globals;
  add_global_options(app, globals);
  Terminal terminal;

  // Only the command asked for is set up, when there is one: setting up all of them took about a
  // millisecond, a tenth of a short report. Anything else (help, a misspelt command) gets them all.
  // `help`, `completion` and the man page describe every command.
  std::string_view wanted = requested_command(app, argc, argv);
  Dispatcher commands(app, describes_every_command(wanted) ? std::string_view() : wanted);
  bool known = commands.knows(wanted);

  try {
    if (!wanted.empty() && !known)
      throw CLI::ParseError(
          fmt::format("no command '{}'{}", wanted, ics::util::did_you_mean(wanted, command_names(app))), 2);
    refuse_empty_values(app, argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << styled_prefix("error", terminal.color(Stream::err)) << e.what()
              << option_suggestion(app, e.what(), argc, argv) << '\n'
              << "Run 'icsctl --help' or 'icsctl COMMAND --help' for usage.\n";
    return k_exit_usage;
  }
  terminal.configure(globals.color.empty() ? "auto" : globals.color, globals.quiet);

  try {
    auto config =
        load_config(config_location(globals.config), globals.allow_shared, [&](const std::string& m) {
          std::cerr << styled_prefix("warning", terminal.color(Stream::err)) << m << '\n';
        });
    terminal.configure(effective_color(globals.color, config).value, globals.quiet);
    commands.run_parsed(globals, config, terminal);
    // Data that did not reach stdout (a full disk, a closed pipe) is a failure, not a success.
    std::cout.flush();
    if (!std::cout) throw ics::StorageError("cannot write to standard output");
    return k_exit_ok;
  } catch (const ics::InvalidInput& e) {
    return report(e, k_exit_invalid, terminal);
  } catch (const ics::Conflict& e) {
    return report(e, k_exit_invalid, terminal);
  } catch (const ics::NotFound& e) {
    return report(e, k_exit_not_found, terminal);
  } catch (const ics::DatabaseBusy& e) {
    return report(e, k_exit_busy, terminal);
  } catch (const ics::Interrupted& e) {
    return report(e, k_exit_interrupted, terminal);
  } catch (const CLI::ParseError& e) {
    return report(e, k_exit_usage, terminal);
  } catch (const std::exception& e) {
    return report(e, k_exit_runtime, terminal);
  }
}
