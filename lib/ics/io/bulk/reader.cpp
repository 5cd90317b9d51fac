#include <ics/io/bulk/reader.hpp>
#include <ics/util/csv.hpp>
#include <ics/util/error.hpp>
#include <ics/util/limits.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace ics::io {

namespace {

std::optional<size_t> column_index(RecordKind kind, std::string_view name) {
  auto columns = bulk_columns(kind);
  auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) return std::nullopt;
  return static_cast<size_t>(it - columns.begin());
}

// TSV as the writers make it: \t \n \r \\ stand for tab, line feed, carriage return, backslash.
std::string unescape_tsv(const std::string& text) {
  if (text.find('\\') == std::string::npos) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char next = text[i + 1];
      char plain = next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next == '\\' ? '\\' : 0;
      if (plain) {
        out += plain;
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::optional<std::string> blank_to_null(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// "child, episode, ..., plan, action or review".
std::string record_names() {
  std::string names;
  auto kinds = record_kinds();
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) names += i + 1 == kinds.size() ? " or " : ", ";
    names += record_name(kinds[i]);
  }
  return names;
}

// Reads one line, without its line end, into `line`; false at the end of the input. A line longer
// than util::k_max_record_bytes ends the import (/dev/zero has no line end to stop at).
bool read_line(std::istream& in, std::string& line, long number) {
  line.clear();
  std::streambuf& bytes = *in.rdbuf();
  for (int c; (c = bytes.sbumpc()) != std::streambuf::traits_type::eof();) {
    if (c == '\n') return true;
    if (line.size() == util::k_max_record_bytes)
      throw InvalidInput(fmt::format("line {}: a line is longer than {} bytes: not an ndjson file", number,
                                     util::k_max_record_bytes));
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

// Whether arrays and objects nest deeper than `limit` on a JSON line (strings skipped). Checked before
// the line is parsed: 70,000 levels overflowed the stack where the value was written in a message.
bool nests_deeper(std::string_view line, int limit) {
  int depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i)
        if (line[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::string_view BulkRow::text(std::string_view column) const {
  auto index = column_index(kind, column);
  if (!index || *index >= values.size() || !values[*index]) return {};
  return *values[*index];
}

bool BulkRow::blank(std::string_view column) const {
  return text(column).empty();
}

class BulkReader::Impl {
 public:
  Impl(std::istream& in, BulkFormat format, RecordKind kind)
      : m_in(in), m_format(format), m_kind(kind), m_width(bulk_columns(kind).size()) {
    if (format != BulkFormat::ndjson) m_csv.emplace(in, format == BulkFormat::tsv ? '\t' : ',');
  }

  bool next(BulkRow& row) {
    row.kind = m_kind;
    row.error.reset();
    row.values.assign(m_width, std::nullopt);
    row.present.assign(m_width, false);
    return m_csv ? next_delimited(row) : next_json(row);
  }

 private:
  void read_header() {
    m_header_read = true;
    if (!m_csv->next(m_fields)) return;
    std::vector<bool> seen(m_width, false);
    for (auto& name : m_fields) {
      if (m_format == BulkFormat::tsv) name = unescape_tsv(name);
      auto index = column_index(m_kind, name);
      if (!index)
        throw InvalidInput("header", name,
                           fmt::format("is not a column of {} (the columns are {})", record_plural(m_kind),
                                       fmt::join(bulk_columns(m_kind), ", ")),
                           m_csv->line());
      if (seen[*index]) throw InvalidInput("header", name, "is named twice", m_csv->line());
      seen[*index] = true;
      m_map.push_back(*index);
    }
  }

  bool next_delimited(BulkRow& row) {
    if (!m_header_read) read_header();
    while (m_csv->next(m_fields)) {
      if (m_fields.size() == 1 && m_fields[0].empty()) continue;  // a blank line
      row.line = m_csv->line();
      if (m_fields.size() != m_map.size()) {
        row.error = RowError{row.line, "", std::to_string(m_fields.size()),
                             fmt::format("the row has {} fields but the header names {} columns",
                                         m_fields.size(), m_map.size())};
        return true;
      }
      for (size_t i = 0; i < m_fields.size(); ++i) {
        auto& field = m_fields[i];
        row.present[m_map[i]] = true;
        row.values[m_map[i]] =
            blank_to_null(m_format == BulkFormat::tsv ? unescape_tsv(field) : std::move(field));
      }
      return true;
    }
    return false;
  }

  bool next_json(BulkRow& row) {
    std::string line;
    while (read_line(m_in, line, m_line + 1)) {
      ++m_line;
      if (m_line == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      row.line = m_line;
      read_object(line, row);
      return true;
    }
    return false;
  }

  void read_object(const std::string& line, BulkRow& row) {
    auto fail = [&](std::string field, std::string value, std::string reason) {
      row.error = RowError{row.line, std::move(field), std::move(value), std::move(reason)};
    };
    if (nests_deeper(line, util::k_max_json_depth))
      return fail("", util::shown_text(line, 60),
                  fmt::format("nests arrays or objects deeper than {} levels", util::k_max_json_depth));
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {  // parse_error, or out_of_range for a number too big
      return fail("", util::shown_text(line, 60), "is not JSON");
    }
    if (!object.is_object()) return fail("", util::shown_text(line, 60), "is not a JSON object");
    // The "record" key (as `export all` writes it) is looked at first: a line of another kind is
    // reported as that, not as its first column this kind lacks.
    if (auto record = object.find("record"); record != object.end()) {
      auto kind = record->is_string() ? record_of_name(record->get<std::string>()) : std::nullopt;
      if (!kind)
        return fail("record",
                    util::shown_text(record->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                    fmt::format("is not a record kind ({})", record_names()));
      if (*kind != m_kind)
        return fail("", "",
                    fmt::format("is a {} record, not a {} (import {} reads it)", record_name(*kind),
                                record_name(m_kind), record_plural(*kind)));
    }
    for (const auto& [key, value] : object.items()) {
      if (key == "record") continue;
      auto index = column_index(m_kind, key);
      if (!index)
        return fail(util::shown_text(key), "", fmt::format("is not a column of {}", record_plural(m_kind)));
      row.present[*index] = true;
      if (value.is_null()) continue;
      if (value.is_string())
        row.values[*index] = blank_to_null(value.get<std::string>());
      else if (value.is_number_integer())
        row.values[*index] = value.dump();
      else
        return fail(key,
                    util::shown_text(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                    "must be a string, a whole number or null");
    }
  }

  std::istream& m_in;
  BulkFormat m_format;
  RecordKind m_kind;
  size_t m_width;
  std::optional<util::CsvReader> m_csv;
  std::vector<std::string> m_fields;
  std::vector<size_t> m_map;  // field position -> column index
  bool m_header_read = false;
  long m_line = 0;
};

BulkReader::BulkReader(std::istream& in, BulkFormat format, RecordKind kind)
    : m_impl(std::make_unique<Impl>(in, format, kind)) {}

BulkReader::~BulkReader() = default;

bool BulkReader::next(BulkRow& row) {
  return m_impl->next(row);
}

}  // namespace ics::io
