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

ics::util::Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return ics::util::Date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                         static_cast<unsigned>(local.tm_mday));
}

std::string login_name() {
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  if (auto user = env("USER"); !user.empty()) return user;
  return "unknown";
}

std::filesystem::path default_db_path() {
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

// Seconds, whole or not, 0 or more (a day at most: beyond that a typo is likelier than a wish).
std::chrono::milliseconds parse_wait(const std::string& text, const char* name) {
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(seconds >= 0 && seconds <= 86400))
    throw ics::InvalidInput(name, text, "is not a number of seconds from 0 to 86400");
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

Effective effective_color(const std::string& flag, const Config& config) {
  if (!flag.empty()) return {flag, "flag --color"};
  if (!env("NO_COLOR").empty()) return {"never", "env NO_COLOR"};
  for (const char* name : {"CLICOLOR_FORCE", "FORCE_COLOR"})
    if (auto value = env(name); !value.empty() && value != "0")
      return {"always", fmt::format("env {}", name)};
  return config.find("color").value_or(Effective{"auto", "default"});
}

// A command that only reads looks up neither the login name (an NSS lookup) nor the local time
// zone until it needs them: a short report is mostly process start-up.
Session::Session(GlobalOptions options, const Terminal& terminal, std::string command, bool may_write,
                 Config config)
    : m_options(std::move(options)),
      m_terminal(terminal),
      m_command(std::move(command)),
      m_config(std::move(config)),
      m_today(fixed_today()),  // a bad ICSCTL_TODAY fails every command
      m_today_fixed(m_today.has_value()) {
  if (!m_options.actor.empty()) m_options.actor = ics::model::require_text(m_options.actor, "as");
  m_actor = chosen("--as", m_options.actor, "ICSCTL_USER", m_config, "as");
  if (may_write)
    m_actor = Effective{ics::model::require_text(actor(), "as"), m_actor ? m_actor->origin : "default"};
  auto db = chosen("--db", m_options.db, "ICSCTL_DB", m_config, "db");
  m_db_path = db ? std::filesystem::path(db->value) : default_db_path();
  m_effective.emplace_back("db", db.value_or(Effective{m_db_path.string(), "default"}));
  m_effective.emplace_back(
      "as", Effective{});  // filled in by effective_options(): the login name is looked up late
  auto output = chosen("--output", m_options.output, nullptr, m_config, "output")
                    .value_or(Effective{"table", "default"});
  m_options.output = output.value;
  m_effective.emplace_back("output", output);
  m_effective.emplace_back("color", effective_color(m_options.color, m_config));
  auto wait = chosen("--wait", m_options.wait, "ICSCTL_WAIT", m_config, "wait");
  // (the configuration's value was checked when it was read)
  if (wait) m_wait = parse_wait(wait->value, wait->origin.starts_with("flag") ? "--wait" : "ICSCTL_WAIT");
  m_effective.emplace_back("wait",
                           wait.value_or(Effective{std::to_string(k_default_wait.count()), "default"}));
  auto templates = chosen("--templates", m_options.templates, "ICSCTL_TEMPLATES", m_config, "templates");
  m_options.templates = templates ? templates->value : "";
  m_effective.emplace_back("templates", templates.value_or(Effective{"", "default"}));
  auto reports = chosen("--reports", m_options.reports, "ICSCTL_REPORTS", m_config, "reports");
  if (reports) m_reports_dir = reports->value;
  m_effective.emplace_back("reports", reports.value_or(Effective{"", "default"}));
  if (auto no_input = env("ICSCTL_NO_INPUT"); !no_input.empty() && no_input != "0") m_options.no_input = true;
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
  return {actor(), m_command,
          fmt::format("{}T{:02d}:{:02d}:{:02d}Z", date, utc.tm_hour, utc.tm_min, utc.tm_sec), today().iso()};
}

std::string Session::actor() const {
  if (!m_actor) m_actor = Effective{login_name(), "default"};
  return m_actor->value;
}

std::vector<std::pair<std::string_view, Effective>> Session::effective_options() const {
  auto options = m_effective;
  actor();
  for (auto& [key, value] : options)
    if (key == "as") value = *m_actor;
  return options;
}

ics::plan::TemplateLibrary Session::templates() const {
  return ics::plan::TemplateLibrary(data_dirs(m_options.templates, "plans"));
}

ics::util::Calendar Session::calendar(const std::string& name) const {
  return ics::plan::load_calendar(name, data_dirs(m_options.templates, "calendars"));
}

ics::util::Calendar Session::working_day_calendar() const {
  return calendar(std::string(ics::plan::k_default_calendar));
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
