#pragma once
// The terminal, decided once at the edge (ninja's LinePrinter): whether stdout and stderr are
// terminals, their colour and width, and the one progress line every long command draws.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace icsctl {

// The environment variables the colour rule reads; an unset variable is empty.
struct ColorEnvironment {
  std::string no_color;
  std::string clicolor_force;
  std::string force_color;
  std::string term;
};

// The colour rule (README "Global options"): --color always|never wins; with auto, a non-empty
// NO_COLOR turns colour off, then a non-empty CLICOLOR_FORCE or FORCE_COLOR other than "0" turns it
// on, then TERM=dumb turns it off, else a stream is coloured when it is a terminal.
bool color_wanted(std::string_view choice, const ColorEnvironment& env, bool is_terminal);
// A terminal's width: its own (0 when unknown), else a positive COLUMNS, else 80.
std::size_t columns(unsigned terminal_columns, std::string_view columns_env);

enum class Stream { out, err };

// Whether standard input is a terminal (so that `-` as input would wait for typing).
bool standard_input_is_terminal();

class Terminal {
 public:
  // Asks once whether stdout and stderr are terminals and reads the environment; colour follows
  // `--color auto` until `configure` is called.
  Terminal();
  // The global options, once the command line is parsed.
  void configure(std::string_view color_choice, bool quiet);

  bool is_terminal(Stream s) const { return s == Stream::out ? m_out_terminal : m_err_terminal; }
  // Whether a question can be asked: stdin and stderr are both terminals.
  bool can_ask() const;
  bool color(Stream s) const;
  // Columns of the stream's terminal; 0 when the stream is not a terminal (its lines are not cut).
  std::size_t width(Stream s) const { return s == Stream::out ? m_out_width : m_err_width; }
  // Progress is drawn only on a terminal stderr that can erase a line (not TERM=dumb), not with --quiet.
  bool progress_shown() const { return m_err_terminal && m_env.term != "dumb" && !m_quiet; }

 private:
  ColorEnvironment m_env;
  std::string m_choice = "auto";
  bool m_out_terminal = false;
  bool m_err_terminal = false;
  std::size_t m_out_width = 0;
  std::size_t m_err_width = 0;
  bool m_quiet = false;
};

// The one progress line on stderr, "LABEL: 42% (12000 rows, 3.1 MiB)": drawn in place when the
// terminal shows progress, the first time at once and then at most ten times a second, cut to the
// terminal's width; cleared before other output and when it goes.
class ProgressLine {
 public:
  ProgressLine(const Terminal& terminal, std::ostream& err, std::string label);
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // `total_bytes` 0: the input's size is unknown (standard input), no percentage.
  void update(long rows, long long bytes, long long total_bytes);
  void clear();

 private:
  std::ostream& m_err;
  std::string m_label;
  std::size_t m_width;
  bool m_shown;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_last{};
};

// The progress line's text, cut to `width` columns (0: not cut).
std::string progress_text(std::string_view label, long rows, long long bytes, long long total_bytes,
                          std::size_t width);

}  // namespace icsctl
