// icsctl: wires the command table to CLI11 and maps every error to its exit code, once.
#include "command.hpp"
#include "exit_codes.hpp"
#include "render.hpp"
#include "session.hpp"

#include <ics/store/database.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>

namespace {

using namespace icsctl;

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, "database file (env ICSCTL_DB; default $XDG_DATA_HOME/icsctl/ics.db)");
  app.add_option("--as", g.actor, "who is acting, for the audit trail (env ICSCTL_USER; default login name)");
  app.add_option("-o,--output", g.output, "output format: table, csv, tsv, json, ndjson")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "ndjson"}));
  app.add_flag("-q,--quiet", g.quiet, "no summaries or progress on stderr");
  app.add_flag("-v,--verbose", g.verbose, "more detail on stderr");
  app.add_option("--color", g.color, "colour on the terminal: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--templates", g.templates,
                 "folder of plan templates and calendars searched first (env ICSCTL_TEMPLATES)");
}

// "templates check" for a nested command, "add-child" for a plain one.
std::string command_path(CLI::App* sub) {
  std::string path = sub->get_name();
  for (auto* nested : sub->get_subcommands()) path += " " + nested->get_name();
  return path;
}

int report(const std::exception& e, int code, const std::string& color) {
  std::cerr << styled_prefix("error", decide_color(color)) << e.what() << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
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
      "4 not found, 130 interrupted.\nRun 'icsctl COMMAND --help' for a command's options and examples.");
  GlobalOptions globals;
  add_global_options(app, globals);

  const auto& table = command_table();
  std::vector<Runner> runners(table.size());
  std::vector<CLI::App*> subs;
  for (size_t i = 0; i < table.size(); ++i) {
    auto* sub = app.add_subcommand(std::string(table[i].name), std::string(table[i].help));
    sub->group(help_group(table[i].access));
    sub->fallthrough();
    table[i].setup(*sub, runners[i]);
    subs.push_back(sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << styled_prefix("error", decide_color("auto")) << e.what() << '\n'
              << "Run 'icsctl --help' or 'icsctl COMMAND --help' for usage.\n";
    return k_exit_usage;
  }

  try {
    for (size_t i = 0; i < subs.size(); ++i) {
      if (!subs[i]->parsed()) continue;
      Session session(globals, command_path(subs[i]), table[i].access != Access::read);
      runners[i](session);
    }
    // Data that did not reach stdout (a full disk, a closed pipe) is a failure, not a success.
    std::cout.flush();
    if (!std::cout) throw ics::StorageError("cannot write to standard output");
    return k_exit_ok;
  } catch (const ics::InvalidInput& e) {
    return report(e, k_exit_invalid, globals.color);
  } catch (const ics::Conflict& e) {
    return report(e, k_exit_invalid, globals.color);
  } catch (const ics::NotFound& e) {
    return report(e, k_exit_not_found, globals.color);
  } catch (const ics::Interrupted& e) {
    return report(e, k_exit_interrupted, globals.color);
  } catch (const CLI::ParseError& e) {
    return report(e, k_exit_usage, globals.color);
  } catch (const std::exception& e) {
    return report(e, k_exit_runtime, globals.color);
  }
}
