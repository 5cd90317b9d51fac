#include "dispatch.hpp"

#include "database_access.hpp"
#include "help_examples.hpp"
#include "help_tree.hpp"
#include "session.hpp"

#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>

namespace icsctl {

namespace {

// "import" for "import children".
std::string_view first_word(std::string_view name) {
  return name.substr(0, name.find(' '));
}

std::string_view parent_of(std::string_view name) {
  auto space = name.rfind(' ');
  return space == std::string_view::npos ? std::string_view() : name.substr(0, space);
}

std::string_view last_word(std::string_view name) {
  auto space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

const char* heading_of(Access access) {
  switch (access) {
    case Access::none: return "Administration";
    case Access::read: return "Commands that read the database";
    default: return "Commands that change the database";
  }
}

// The heading of a row in `icsctl --help`: its access's, or for a parent the one its nested commands
// share (Administration when they differ).
const char* help_group(const std::vector<CommandSpec>& table, const CommandSpec& row) {
  const char* heading = nullptr;
  for (const auto& other : table) {
    if (parent_of(other.name) != row.name) continue;
    const char* leaf = heading_of(other.access);
    heading = !heading || heading == std::string_view(leaf) ? leaf : heading_of(Access::none);
  }
  return heading ? heading : heading_of(row.access);
}

// "list children" for the row "list" whose nested command "children" was parsed.
std::string command_path(std::string_view name, CLI::App* sub) {
  std::string path(name);
  for (auto* nested : sub->get_subcommands()) path += " " + nested->get_name();
  return path;
}

bool writes(Access access) {
  return access == Access::write || access == Access::bulk_write || access == Access::bulk_load;
}

// The options of README "Dry runs and confirmation", given by the table: -n/--dry-run on a leaf that
// writes (init and db migrate, which make the schema, have none), --yes on a destructive one.
void add_safety_options(CLI::App& sub, const CommandSpec& row, bool& dry_run, bool& yes) {
  if (writes(row.access))
    sub.add_flag("-n,--dry-run", dry_run,
                 "do the work in its transaction, print what would change (the audit records, in the "
                 "-o format), then roll it back: nothing is written, the exit code is the real run's");
  if (row.destructive != Destructive::no)
    sub.add_flag("-y,--yes", yes, "go on without asking (needed without a terminal, or with --no-input)");
}

}  // namespace

Dispatcher::Dispatcher(CLI::App& app, std::string_view wanted) {
  const auto& table = command_table();
  bool known = knows(wanted);
  m_entries.resize(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& row = table[i];
    if (known && first_word(row.name) != wanted) continue;
    CLI::App* parent = &app;
    if (auto parent_name = parent_of(row.name); !parent_name.empty()) {
      auto at =
          std::find_if(table.begin(), table.end(), [&](const auto& r) { return r.name == parent_name; });
      parent = m_entries[static_cast<std::size_t>(at - table.begin())].app;
    }
    auto* sub = parent->add_subcommand(std::string(last_word(row.name)), std::string(row.help));
    if (is_hidden_command(row.name))
      sub->group("");  // left out of help, completion and the man page
    else if (parent == &app)
      sub->group(help_group(table, row));
    else
      sub->footer(app.get_footer());  // not its parent's text, unless it sets its own
    sub->fallthrough();
    row.setup(*sub, m_entries[i].run);
    if (!is_hidden_command(row.name)) attach_examples(*sub, std::string(row.name));
    add_safety_options(*sub, row, m_entries[i].dry_run, m_entries[i].yes);
    m_entries[i].app = sub;
  }
}

bool Dispatcher::knows(std::string_view name) const {
  const auto& table = command_table();
  return std::any_of(table.begin(), table.end(), [&](const auto& row) { return row.name == name; }) &&
         parent_of(name).empty();
}

void Dispatcher::run_parsed(const GlobalOptions& globals, const Config& config,
                            const Terminal& terminal) const {
  const auto& table = command_table();
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& entry = m_entries[i];
    if (!entry.app || !entry.app->parsed() || !entry.run) continue;
    GlobalOptions options = globals;
    options.dry_run = entry.dry_run;
    options.yes = entry.yes;
    Session session(options, terminal, command_path(table[i].name, entry.app),
                    table[i].access != Access::read, config);
    run_command(table[i], entry.run, session);
  }
}

void run_command(const CommandSpec& spec, const Runner& run, Session& session) try {
  DatabaseAccess db(spec.access, session);
  try {
    run(session, db);
  } catch (const ics::NotFound& e) {
    // A record named on the command line may be a restricted child's, left out of this read.
    if (!db.hid_restricted()) throw;
    throw ics::NotFound(
        fmt::format("{} (or it is a restricted child's: --include-restricted shows them, "
                    "and that read is audited)",
                    e.what()));
  }
  db.finish();
} catch (const ics::DatabaseBusy& e) {
  throw ics::DatabaseBusy(busy_message(session, e));
}

}  // namespace icsctl
