#include <ics/io/json_value.hpp>
#include <ics/io/writers.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <algorithm>

namespace ics::io {

namespace {

class DelimitedWriter : public util::RowSink {
 public:
  DelimitedWriter(std::ostream& out, char sep, WriterOptions options)
      : m_out(out), m_sep(sep), m_neutralise(options.neutralise_formulas), m_headers(options.headers) {}
  void begin(const std::vector<util::Column>& columns) override {
    if (!m_headers) return;
    for (size_t i = 0; i < columns.size(); ++i) field(i, columns[i].name);
    m_out << '\n';
  }
  void row(const std::vector<util::Value>& values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      const auto* text = std::get_if<std::string>(&values[i]);
      field(i, text && m_neutralise ? neutralise_formula(*text) : util::to_text(values[i]));
    }
    m_out << '\n';
  }
  void end() override { m_out.flush(); }

 private:
  void field(size_t i, const std::string& text) {
    if (i > 0) m_out << m_sep;
    if (m_sep == ',') {
      write_csv_field(m_out, text);
      return;
    }
    // TSV has no quoting: tabs and line breaks inside a value are written as escapes.
    for (char c : text) {
      if (c == '\t')
        m_out << "\\t";
      else if (c == '\n')
        m_out << "\\n";
      else if (c == '\r')
        m_out << "\\r";
      else if (c == '\\')
        m_out << "\\\\";
      else
        m_out << c;
    }
  }
  std::ostream& m_out;
  char m_sep;
  bool m_neutralise;
  bool m_headers;
};

// A GitHub-style pipe table: a header row, its separator, then a row a line. Cells are escaped
// (markdown_cell) and, like csv, neutralised when asked: a table copied from a rendered page into
// a spreadsheet runs a cell beginning with = as a formula too. Null is an empty cell.
class MarkdownWriter : public util::RowSink {
 public:
  MarkdownWriter(std::ostream& out, bool neutralise) : m_out(out), m_neutralise(neutralise) {}
  void begin(const std::vector<util::Column>& columns) override {
    m_out << '|';
    for (const auto& c : columns) m_out << ' ' << header(c.name) << " |";
    m_out << "\n|";
    for (const auto& c : columns) m_out << (c.type == "integer" ? " ---: |" : " --- |");
    m_out << '\n';
  }
  void row(const std::vector<util::Value>& values) override {
    m_out << '|';
    for (const auto& v : values) {
      const auto* text = std::get_if<std::string>(&v);
      auto cell = markdown_cell(text && m_neutralise ? neutralise_formula(*text) : util::to_text(v));
      m_out << (cell.empty() ? " |" : " " + cell + " |");
    }
    m_out << '\n';
  }
  void end() override { m_out.flush(); }

 private:
  // A snake_case name as it is (an `_` inside a word is never emphasis), anything else escaped.
  static std::string header(const std::string& name) {
    bool snake = std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    return snake ? name : markdown_cell(name);
  }
  std::ostream& m_out;
  bool m_neutralise;
};

class JsonWriter : public util::RowSink {
 public:
  JsonWriter(std::ostream& out, bool lines) : m_out(out), m_lines(lines) {}
  void begin(const std::vector<util::Column>& columns) override {
    m_columns = columns;
    if (!m_lines) m_out << '[';
  }
  void row(const std::vector<util::Value>& values) override {
    if (!m_lines && m_count > 0) m_out << ',';
    if (!m_lines) m_out << '\n';
    m_out << '{';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) m_out << ',';
      m_out << json_text(m_columns[i].name) << ':' << json_text(values[i]);
    }
    m_out << '}';
    if (m_lines) m_out << '\n';
    ++m_count;
  }
  void end() override {
    if (!m_lines) m_out << (m_count > 0 ? "\n]\n" : "]\n");
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  bool m_lines;
  std::vector<util::Column> m_columns;
  long m_count = 0;
};

}  // namespace

Format parse_format(std::string_view name, std::string_view field) {
  if (name == "csv") return Format::csv;
  if (name == "tsv") return Format::tsv;
  if (name == "json") return Format::json;
  if (name == "ndjson") return Format::ndjson;
  if (name == "markdown") return Format::markdown;
  throw InvalidInput(std::string(field), std::string(name),
                     "must be one of csv, tsv, json, ndjson, markdown");
}

std::unique_ptr<util::RowSink> make_writer(Format format, std::ostream& out, WriterOptions options) {
  switch (format) {
    case Format::csv: return std::make_unique<DelimitedWriter>(out, ',', options);
    case Format::tsv: return std::make_unique<DelimitedWriter>(out, '\t', options);
    case Format::json: return std::make_unique<JsonWriter>(out, false);
    case Format::ndjson: return std::make_unique<JsonWriter>(out, true);
    case Format::markdown: return std::make_unique<MarkdownWriter>(out, options.neutralise_formulas);
  }
  return nullptr;
}

std::string neutralise_formula(std::string_view text) {
  std::string out;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    // appended, not "'" + text: GCC 12's -O3 warns (-Wrestrict) falsely on that concatenation
    out.reserve(text.size() + 1);
    out += '\'';
  }
  out += text;
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
      case '|':
      case '`':
      case '[':
      case ']':
      case '*':
      case '_':
        out += '\\';
        out += c;
        break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CR LF: one break
        out += "<br>";
        break;
      case '\n': out += "<br>"; break;
      default: out += c;
    }
  }
  return util::escape_text(out);
}

void write_csv_field(std::ostream& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace ics::io
