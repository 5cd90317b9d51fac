#include "terminal.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <charconv>
#include <cstdlib>

namespace icsctl {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool forced(const std::string& value) {
  return !value.empty() && value != "0";
}

unsigned terminal_columns(int fd) {
  winsize size{};
  return ::ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

}  // namespace

bool color_wanted(std::string_view choice, const ColorEnvironment& env, bool is_terminal) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (!env.no_color.empty()) return false;
  if (forced(env.clicolor_force) || forced(env.force_color)) return true;
  if (env.term == "dumb") return false;
  return is_terminal;
}

std::size_t columns(unsigned terminal_columns, std::string_view columns_env) {
  if (terminal_columns > 0) return terminal_columns;
  std::size_t parsed = 0;
  auto [end, error] = std::from_chars(columns_env.data(), columns_env.data() + columns_env.size(), parsed);
  if (error == std::errc() && end == columns_env.data() + columns_env.size() && parsed > 0) return parsed;
  return 80;
}

bool standard_input_is_terminal() {
  return ::isatty(STDIN_FILENO) == 1;
}

Terminal::Terminal()
    : m_env{env("NO_COLOR"), env("CLICOLOR_FORCE"), env("FORCE_COLOR"), env("TERM")},
      m_out_terminal(::isatty(STDOUT_FILENO) == 1),
      m_err_terminal(::isatty(STDERR_FILENO) == 1) {
  if (m_out_terminal) m_out_width = columns(terminal_columns(STDOUT_FILENO), env("COLUMNS"));
  if (m_err_terminal) m_err_width = columns(terminal_columns(STDERR_FILENO), env("COLUMNS"));
}

bool Terminal::can_ask() const {
  return m_err_terminal && ::isatty(STDIN_FILENO) == 1;
}

void Terminal::configure(std::string_view color_choice, bool quiet) {
  m_choice = color_choice;
  m_quiet = quiet;
}

bool Terminal::color(Stream s) const {
  return color_wanted(m_choice, m_env, is_terminal(s));
}

std::string progress_text(std::string_view label, long rows, long long bytes, long long total_bytes,
                          std::size_t width) {
  double mib = static_cast<double>(bytes) / (1 << 20);
  std::string text = total_bytes > 0 ? fmt::format("{}: {:3d}% ({} rows, {:.1f} MiB)", label,
                                                   static_cast<int>(100 * bytes / total_bytes), rows, mib)
                                     : fmt::format("{}: {} rows, {:.1f} MiB read", label, rows, mib);
  // One column short of the width: a full line would leave some terminals waiting to wrap.
  if (width > 0 && text.size() >= width) text.resize(width - 1);
  return text;
}

ProgressLine::ProgressLine(const Terminal& terminal, std::ostream& err, std::string label)
    : m_err(err),
      m_label(std::move(label)),
      m_width(terminal.width(Stream::err)),
      m_shown(terminal.progress_shown()) {}

void ProgressLine::update(long rows, long long bytes, long long total_bytes) {
  if (!m_shown) return;
  auto now = std::chrono::steady_clock::now();
  if (m_last != decltype(m_last){} && now - m_last < std::chrono::milliseconds(100)) return;
  m_last = now;
  m_err << '\r' << progress_text(m_label, rows, bytes, total_bytes, m_width) << "\033[K" << std::flush;
  m_drawn = true;
}

void ProgressLine::clear() {
  if (m_drawn) m_err << "\r\033[K" << std::flush;
  m_drawn = false;
}

}  // namespace icsctl
