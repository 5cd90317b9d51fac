#include "render.hpp"

#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <algorithm>

namespace icsctl {

namespace {

// A table shows null as "-" so that an empty cell is not mistaken for a missing column, and text
// escaped (\x1b, \u202e, \n, \t): what is stored never reaches the terminal raw, and a record keeps
// to one line.
std::string cell_text(const ics::util::Value& v) {
  return ics::util::is_null(v) ? "-" : ics::util::escape_text(ics::util::to_text(v));
}

// Display width of UTF-8 text: one column per code point.
size_t width(const std::string& s) {
  return std::count_if(s.begin(), s.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// Text cut to `columns` code points, its last one an ellipsis when anything was cut.
std::string cut(const std::string& s, size_t columns) {
  if (width(s) <= columns) return s;
  size_t kept = 0, at = 0;
  for (; at < s.size(); ++at)
    if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80 && kept++ == columns - 1) break;
  return s.substr(0, at) + "\u2026";
}

// The widest column gives up one column at a time until a line fits in `max_width` or no column is
// wider than k_narrowest.
void fit(std::vector<size_t>& widths, size_t max_width) {
  constexpr size_t k_narrowest = 4;
  if (max_width == 0 || widths.empty()) return;
  size_t total = 2 * (widths.size() - 1);
  for (size_t w : widths) total += w;
  while (total > max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= k_narrowest) break;
    --*widest;
    --total;
  }
}

class TableWriter : public ics::util::RowSink {
 public:
  TableWriter(std::ostream& out, bool color, size_t max_width, bool header)
      : m_out(out), m_color(color), m_max_width(max_width), m_show_header(header) {}
  void begin(const std::vector<ics::util::Column>& columns) override {
    m_header.clear();
    for (const auto& c : columns) m_header.push_back(ics::util::escape_text(c.name));
  }
  void row(const std::vector<ics::util::Value>& values) override {
    std::vector<std::string> cells;
    for (const auto& v : values) cells.push_back(cell_text(v));
    m_rows.push_back(std::move(cells));
  }
  void end() override {
    std::vector<size_t> widths(m_header.size());
    for (size_t i = 0; i < m_header.size(); ++i) widths[i] = m_show_header ? width(m_header[i]) : 0;
    for (const auto& r : m_rows)
      for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], width(r[i]));
    fit(widths, m_max_width);
    if (m_show_header) print(m_header, widths, true);
    for (const auto& r : m_rows) print(r, widths, false);
    m_out.flush();
  }

 private:
  void print(const std::vector<std::string>& cells, const std::vector<size_t>& widths, bool header) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string cell = cut(cells[i], widths[i]);
      if (i + 1 < cells.size()) cell += std::string(widths[i] - width(cell) + 2, ' ');
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
  size_t m_max_width;
  bool m_show_header;
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace

std::string styled_prefix(const std::string& level, bool color) {
  if (!color) return fmt::format("icsctl: {}: ", level);
  const char* code = level == "error" ? "\033[1;31m" : "\033[1;33m";
  return fmt::format("icsctl: {}{}:\033[0m ", code, level);
}

std::unique_ptr<ics::util::RowSink> make_table_writer(std::ostream& out, bool color, size_t max_width,
                                                      bool header) {
  return std::make_unique<TableWriter>(out, color, max_width, header);
}

}  // namespace icsctl
