#include "session.hpp"

#include "fields.hpp"
#include "render.hpp"

#include <ics/io/writers.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace icsctl {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::optional<ics::util::Date> fixed_today() {
  if (auto fixed = env("ICSCTL_TODAY"); !fixed.empty())
    return ics::util::parse_iso_or_throw(fixed, "ICSCTL_TODAY");
  return std::nullopt;
}

// Seconds, whole or not, 0 or more (a day at most: beyond that a typo is likelier than a wish).
std::chrono::milliseconds parse_wait(const std::string& text, const char* name) {
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(seconds >= 0 && seconds <= 86400))
    throw ics::InvalidInput(name, text, "is not a number of seconds from 0 to 86400");
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

ics::util::Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return ics::util::Date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                         static_cast<unsigned>(local.tm_mday));
}

std::string login_name() {
  if (auto user = env("ICSCTL_USER"); !user.empty()) return user;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  if (auto user = env("USER"); !user.empty()) return user;
  return "unknown";
}

std::filesystem::path default_db_path() {
  if (auto db = env("ICSCTL_DB"); !db.empty()) return db;
  std::filesystem::path data = env("XDG_DATA_HOME");
  if (data.empty() || data.is_relative()) {  // XDG: a relative value is ignored
    std::filesystem::path home = env("HOME");
    if (home.empty() || home.is_relative()) {
      const passwd* pw = getpwuid(getuid());
      if (!pw || !pw->pw_dir || !*pw->pw_dir)
        throw ics::StorageError("no home folder for the default database: use --db");
      home = pw->pw_dir;
    }
    data = home / ".local" / "share";
  }
  return data / "icsctl" / "ics.db";
}

// Folders searched before the built-in copies: the user's (--templates, ICSCTL_TEMPLATES), then
// the installed ones beside the running binary (PREFIX/bin/icsctl -> PREFIX/share/icsctl), then the
// configured install folder.
std::vector<std::filesystem::path> data_dirs(const std::string& user_dir, const char* sub) {
  std::vector<std::filesystem::path> dirs;
  if (!user_dir.empty()) dirs.emplace_back(user_dir);
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) dirs.push_back(self.parent_path().parent_path() / "share" / "icsctl" / sub);
  dirs.push_back(std::filesystem::path(ICS_DATADIR) / sub);
  return dirs;
}

}  // namespace

// A command that only reads looks up neither the login name (an NSS lookup) nor the local time
// zone until it needs them: a short report is mostly process start-up.
Session::Session(GlobalOptions options, const Terminal& terminal, std::string command, bool may_write)
    : m_options(std::move(options)),
      m_terminal(terminal),
      m_command(std::move(command)),
      m_today(fixed_today()),  // a bad ICSCTL_TODAY fails every command
      m_today_fixed(m_today.has_value()) {
  if (m_options.actor.empty() && may_write) m_options.actor = login_name();
  if (!m_options.actor.empty()) m_options.actor = ics::model::require_text(m_options.actor, "as");
  if (m_options.templates.empty()) m_options.templates = env("ICSCTL_TEMPLATES");
  if (m_options.reports.empty()) m_options.reports = env("ICSCTL_REPORTS");
  if (auto no_input = env("ICSCTL_NO_INPUT"); !no_input.empty() && no_input != "0") m_options.no_input = true;
  m_db_path = m_options.db.empty() ? default_db_path() : std::filesystem::path(m_options.db);
  if (!m_options.wait.empty())
    m_wait = parse_wait(m_options.wait, "--wait");
  else if (auto wait = env("ICSCTL_WAIT"); !wait.empty())
    m_wait = parse_wait(wait, "ICSCTL_WAIT");
  if (!m_options.fields.empty()) m_fields = parse_fields(m_options.fields);
  if (m_options.no_headers && m_options.output != "table" && !csv_like_output())
    throw CLI::ValidationError("--no-headers",
                               fmt::format("applies to -o table, csv and tsv, not {}: its header is part of "
                                           "the format",
                                           m_options.output));
}

ics::util::Date Session::today() const {
  if (!m_today) m_today = local_today();
  return *m_today;
}

ics::store::AuditContext Session::audit_context() const {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&t, &utc);
  // A fixed today (ICSCTL_TODAY) is also the date of the timestamp: a batch imported "today" is then
  // in a report as of today whatever the real clock says.
  std::string date =
      today_is_fixed() ? today().iso()
                       : fmt::format("{:04d}-{:02d}-{:02d}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
  return {m_options.actor.empty() ? login_name() : m_options.actor, m_command,
          fmt::format("{}T{:02d}:{:02d}:{:02d}Z", date, utc.tm_hour, utc.tm_min, utc.tm_sec), today().iso()};
}

ics::plan::TemplateLibrary Session::templates() const {
  return ics::plan::TemplateLibrary(data_dirs(m_options.templates, "plans"));
}

std::optional<std::filesystem::path> Session::reports_dir() const {
  if (m_options.reports.empty()) return std::nullopt;
  return std::filesystem::path(m_options.reports);
}

ics::util::Calendar Session::calendar(const std::string& name) const {
  return ics::plan::load_calendar(name, data_dirs(m_options.templates, "calendars"));
}

ics::plan::CalendarLoader Session::calendar_loader() const {
  return [this](const std::string& name) { return calendar(name); };
}

std::unique_ptr<ics::util::RowSink> Session::unprojected_output() {
  if (m_options.output == "table")
    return make_table_writer(std::cout, m_terminal.color(Stream::out), m_terminal.width(Stream::out),
                             !m_options.no_headers);
  return ics::io::make_writer(
      ics::io::parse_format(m_options.output), std::cout,
      {.neutralise_formulas = !m_options.raw_cells, .headers = !m_options.no_headers});
}

std::unique_ptr<ics::util::RowSink> Session::output() {
  auto out = unprojected_output();
  return m_fields.empty() ? std::move(out) : project_fields(std::move(out), m_fields);
}

std::unique_ptr<ics::util::RowSink> Session::round_trip_output() {
  if (m_options.output == "table") return output();
  auto out = ics::io::make_writer(ics::io::parse_format(m_options.output), std::cout,
                                  {.headers = !m_options.no_headers});
  return m_fields.empty() ? std::move(out) : project_fields(std::move(out), m_fields);
}

void Session::check_fields(const std::vector<ics::util::Column>& columns) const {
  field_positions(columns, m_fields);
}

void Session::print_id(const std::string& id) {
  std::cout << id << '\n';
}

void Session::info(const std::string& message) const {
  if (!m_options.quiet) std::cerr << message << '\n';
}

void Session::detail(const std::string& message) const {
  if (m_options.verbose) std::cerr << message << '\n';
}

void Session::warn(const std::string& message) const {
  std::cerr << styled_prefix("warning", m_terminal.color(Stream::err)) << message << '\n';
}

}  // namespace icsctl
