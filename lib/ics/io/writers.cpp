#include <ics/io/json_value.hpp>
#include <ics/io/writers.hpp>
#include <ics/util/error.hpp>

namespace ics::io {

namespace {

class DelimitedWriter : public util::RowSink {
 public:
  DelimitedWriter(std::ostream& out, char sep, bool neutralise)
      : m_out(out), m_sep(sep), m_neutralise(neutralise) {}
  void begin(const std::vector<util::Column>& columns) override {
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
  throw InvalidInput(std::string(field), std::string(name), "must be one of csv, tsv, json, ndjson");
}

std::unique_ptr<util::RowSink> make_writer(Format format, std::ostream& out, WriterOptions options) {
  switch (format) {
    case Format::csv: return std::make_unique<DelimitedWriter>(out, ',', options.neutralise_formulas);
    case Format::tsv: return std::make_unique<DelimitedWriter>(out, '\t', options.neutralise_formulas);
    case Format::json: return std::make_unique<JsonWriter>(out, false);
    case Format::ndjson: return std::make_unique<JsonWriter>(out, true);
  }
  return nullptr;
}

std::string neutralise_formula(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    return "'" + std::string(text);
  return std::string(text);
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
