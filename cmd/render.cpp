#include "render.hpp"

#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>

namespace icsctl {

namespace {

// A table shows null as "-" so that an empty cell is not mistaken for a missing column.
std::string cell_text(const ics::util::Value& v) {
  return ics::util::is_null(v) ? "-" : ics::util::to_text(v);
}

// Display width of UTF-8 text: one column per code point.
size_t width(const std::string& s) {
  return std::count_if(s.begin(), s.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

class TableWriter : public ics::util::RowSink {
 public:
  TableWriter(std::ostream& out, bool color) : m_out(out), m_color(color) {}
  void begin(const std::vector<ics::util::Column>& columns) override {
    m_header.clear();
    for (const auto& c : columns) m_header.push_back(c.name);
  }
  void row(const std::vector<ics::util::Value>& values) override {
    std::vector<std::string> cells;
    for (const auto& v : values) cells.push_back(cell_text(v));
    m_rows.push_back(std::move(cells));
  }
  void end() override {
    std::vector<size_t> widths(m_header.size());
    for (size_t i = 0; i < m_header.size(); ++i) widths[i] = width(m_header[i]);
    for (const auto& r : m_rows)
      for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], width(r[i]));
    print(m_header, widths, true);
    for (const auto& r : m_rows) print(r, widths, false);
    m_out.flush();
  }

 private:
  void print(const std::vector<std::string>& cells, const std::vector<size_t>& widths, bool header) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string cell = cells[i];
      // Keep one record on one line.
      std::replace(cell.begin(), cell.end(), '\n', ' ');
      if (i + 1 < cells.size()) cell += std::string(widths[i] - width(cells[i]) + 2, ' ');
      line += cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (header && m_color)
      m_out << "\033[1m" << line << "\033[0m\n";
    else
      m_out << line << '\n';
  }
  std::ostream& m_out;
  bool m_color;
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace

bool decide_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (choice != "auto") throw ics::InvalidInput("color", choice, "must be one of auto, always, never");
  const char* no_color = std::getenv("NO_COLOR");
  return (!no_color || !*no_color) && isatty(STDERR_FILENO);
}

std::string styled_prefix(const std::string& level, bool color) {
  if (!color) return fmt::format("icsctl: {}: ", level);
  const char* code = level == "error" ? "\033[1;31m" : "\033[1;33m";
  return fmt::format("icsctl: {}{}:\033[0m ", code, level);
}

std::unique_ptr<ics::util::RowSink> make_table_writer(std::ostream& out, bool color) {
  return std::make_unique<TableWriter>(out, color);
}

}  // namespace icsctl
