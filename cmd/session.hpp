#pragma once
// Everything a subcommand needs from outside libics, decided once: the database path, the actor,
// today's date, the output format, template and calendar folders, and where messages go.
#include "config_file.hpp"
#include "terminal.hpp"

#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>
#include <ics/util/date.hpp>
#include <ics/util/rows.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icsctl {

// -o's formats (and the configuration's `output`).
inline constexpr std::string_view k_output_formats[] = {"table", "csv", "tsv", "json", "ndjson", "markdown"};

// The global options as given on the command line; "" when not given (the environment, the
// configuration file or the default then decides: Session).
struct GlobalOptions {
  std::string db;
  std::string actor;
  std::string output;
  std::string color;
  std::string templates;
  std::string reports;  // --reports DIR: folder of report definitions (else ICSCTL_REPORTS, config)
  std::string config;   // --config PATH (else ICSCTL_CONFIG, else $XDG_CONFIG_HOME/icsctl/config)
  bool quiet = false;
  bool verbose = false;
  bool raw_cells = false;     // csv/tsv: leave cells a spreadsheet would run as formulas as they are
  std::string wait;           // --wait SECONDS for another process's write lock (else ICSCTL_WAIT)
  bool allow_shared = false;  // open a database whose files others may read, change or replace
  // Reads show restricted children too, audited (restricted_reads.hpp).
  bool include_restricted = false;
  std::string fields;       // --fields a,b,c: only these columns, in this order (fields.hpp)
  bool no_headers = false;  // csv, tsv, table: rows without the header row
  // README "Dry runs and confirmation": --no-input (also ICSCTL_NO_INPUT) forbids every prompt; -n,
  // --dry-run and --yes are options of the write commands, which the dispatcher adds (dispatch.cpp).
  bool no_input = false;
  bool dry_run = false;
  bool yes = false;
};

// How long a command waits for another process's write lock when neither --wait nor ICSCTL_WAIT
// says: long enough for a 1M-row register import on this project's machine (about 10 s idle, a
// minute or two when it is loaded), with a wide margin.
inline constexpr std::chrono::seconds k_default_wait{600};

// Seconds, whole or not, from 0 to 86400; ics::InvalidInput naming `name` otherwise.
std::chrono::milliseconds parse_wait(const std::string& text, const char* name);

// The colour choice in effect (auto, always, never) and where it came from: --color; else NO_COLOR
// (never) or CLICOLOR_FORCE / FORCE_COLOR (always), the user's own wishes in the environment; else the
// configuration; else auto, under which TERM=dumb and whether a stream is a terminal decide.
Effective effective_color(const std::string& flag, const Config& config);

class Session {
 public:
  // `may_write`: false for the commands the table lists as reading only. Each global option is
  // taken from the command line, else its environment variable, else `config`, else its default.
  Session(GlobalOptions options, const Terminal& terminal, std::string command, bool may_write,
          Config config = {});

  const std::string& command() const { return m_command; }
  // Today (ICSCTL_TODAY, else the local date), worked out the first time it is asked for.
  ics::util::Date today() const;
  // Whether today is fixed by ICSCTL_TODAY (tests): timestamps then take that day, for the same bytes.
  bool today_is_fixed() const { return m_today_fixed; }
  std::filesystem::path db_path() const { return m_db_path; }
  // How long to wait for another process's lock on the database (--wait, ICSCTL_WAIT, k_default_wait).
  std::chrono::milliseconds wait() const { return m_wait; }
  // Whether --allow-shared lets the database's files be open to others (database_files.hpp).
  bool allow_shared() const { return m_options.allow_shared; }
  // Who is running which command now, for the audit trail.
  ics::store::AuditContext audit_context() const;
  // Who is acting: --as, ICSCTL_USER, the configuration's `as`, else the login name.
  std::string actor() const;
  // The folder of the user's report definitions (--reports, ICSCTL_REPORTS, the configuration's
  // `reports`), if any.
  std::optional<std::filesystem::path> reports_dir() const {
    if (m_reports_dir.empty()) return std::nullopt;
    return m_reports_dir;
  }
  // The configuration file read (empty when none) and its values.
  const Config& config() const { return m_config; }
  // Each global option the configuration may set (k_config_option_keys, in order) with its value in
  // effect and where it came from; an option with no value (no templates folder) has "".
  std::vector<std::pair<std::string_view, Effective>> effective_options() const;

  ics::plan::TemplateLibrary templates() const;
  ics::util::Calendar calendar(const std::string& name) const;
  // The calendar date options count working days by (+10wd): plan::k_default_calendar.
  ics::util::Calendar working_day_calendar() const;
  ics::plan::CalendarLoader calendar_loader() const;

  // A writer of rows in the chosen output format, to stdout, keeping only the --fields asked for.
  // csv, tsv and markdown are meant for people and spreadsheets: formula-like cells are neutralised
  // (io::neutralise_formula) unless --raw-cells.
  std::unique_ptr<ics::util::RowSink> output();
  // The same for output meant to be read back (`export`): every value exactly as stored.
  std::unique_ptr<ics::util::RowSink> round_trip_output();
  // output() with every column: for a command that applies --fields itself (show).
  std::unique_ptr<ics::util::RowSink> unprojected_output();
  // --fields, in order (empty: every column).
  const std::vector<std::string>& fields() const { return m_fields; }
  // Throws the usage error of --fields when it names something that is not one of `columns`.
  void check_fields(const std::vector<ics::util::Column>& columns) const;
  // Any format but table (markdown too: it is made a row at a time, like csv).
  bool machine_output() const { return m_options.output != "table"; }
  bool markdown_output() const { return m_options.output == "markdown"; }
  bool csv_like_output() const { return m_options.output == "csv" || m_options.output == "tsv"; }
  bool json_array_output() const { return m_options.output == "json"; }
  // --raw-cells: csv/tsv cells as stored, formula-like or not.
  bool raw_cells() const { return m_options.raw_cells; }
  // --include-restricted: reads show the restricted children too, and are audited.
  bool include_restricted() const { return m_options.include_restricted; }
  // A new record's id: the only thing a write command prints on stdout.
  void print_id(const std::string& id);
  // Messages on stderr: info is silenced by --quiet; detail shows only with --verbose.
  void info(const std::string& message) const;
  void detail(const std::string& message) const;
  void warn(const std::string& message) const;
  const Terminal& terminal() const { return m_terminal; }
  // -n, --dry-run: the work is done in its transaction, what would change is printed, and it is rolled back.
  bool dry_run() const { return m_options.dry_run; }
  // --yes: a destructive command goes on without asking.
  bool yes() const { return m_options.yes; }
  // --no-input, or ICSCTL_NO_INPUT set to anything but empty or 0: nothing is asked on the terminal.
  bool no_input() const { return m_options.no_input; }

 private:
  GlobalOptions m_options;
  const Terminal& m_terminal;
  std::string m_command;
  Config m_config;
  mutable std::optional<Effective> m_actor;  // nullopt: the login name, looked up when needed
  std::filesystem::path m_reports_dir;
  std::vector<std::pair<std::string_view, Effective>> m_effective;
  mutable std::optional<ics::util::Date> m_today;
  bool m_today_fixed = false;  // by ICSCTL_TODAY
  std::filesystem::path m_db_path;
  std::chrono::milliseconds m_wait{k_default_wait};
  std::vector<std::string> m_fields;
};

}  // namespace icsctl
