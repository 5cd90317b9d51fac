#include <ics/util/csv.hpp>
#include <ics/util/error.hpp>
#include <ics/util/limits.hpp>

#include <fmt/format.h>

namespace ics::util {

namespace {
constexpr size_t k_buffer_size = 1 << 16;
}

CsvReader::CsvReader(std::istream& in, char separator)
    : m_in(in), m_separator(separator), m_buffer(k_buffer_size) {}

bool CsvReader::fill() {
  m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_end = static_cast<size_t>(m_in.gcount());
  m_pos = 0;
  return m_end > 0;
}

int CsvReader::peek() {
  if (m_pos == m_end && !fill()) return EOF;
  return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvReader::get() {
  int c = peek();
  if (c != EOF) {
    ++m_pos;
    ++m_consumed;
  }
  return c;
}

// Fields are filled from spans of the buffer: ordinary bytes are copied a run at a time, and only
// separators, quotes and line ends are looked at one by one. The strings of `fields` are reused,
// so a file of records of one shape allocates almost nothing after its first records.
bool CsvReader::next(std::vector<std::string>& fields) {
  if (!m_started) {
    m_started = true;
    if (peek() == 0xEF) {  // a UTF-8 byte order mark
      std::string bom;
      for (int i = 0; i < 3 && peek() != EOF; ++i) bom += static_cast<char>(get());
      if (bom != "\xEF\xBB\xBF") throw InvalidInput("file", bom, "starts with a broken byte order mark", 1);
    }
  }
  if (peek() == EOF) {
    fields.clear();
    return false;
  }
  m_record_line = m_line;
  const long long record_start = m_consumed;
  std::size_t count = 0;
  auto start_field = [&]() -> std::string* {
    if (count == fields.size()) fields.emplace_back();
    std::string* f = &fields[count++];
    f->clear();
    return f;
  };
  // /dev/zero, or a quote never closed in a big file, ends here rather than in all the memory there is.
  auto check_size = [&] {
    if (m_consumed - record_start > static_cast<long long>(k_max_record_bytes))
      throw InvalidInput(
          fmt::format("line {}: a record is longer than {} bytes: not a {} file, or a quoted "
                      "field never closed",
                      m_record_line, k_max_record_bytes, m_separator == ',' ? "csv" : "tsv"));
  };
  std::string* field = start_field();
  bool quoted = false;      // inside a quoted part
  bool was_quoted = false;  // the field began with a quote
  const bool quotes = m_separator == ',';
  while (true) {
    if (m_pos == m_end && !fill()) {  // the end of the input
      if (quoted)
        throw InvalidInput("record", *field, "has a quoted field that is never closed", m_record_line);
      fields.resize(count);
      return true;
    }
    // A run of bytes that are copied as they are.
    const char* begin = m_buffer.data() + m_pos;
    const char* end = m_buffer.data() + m_end;
    const char* p = begin;
    if (quoted) {
      while (p < end && *p != '"' && *p != '\n') ++p;
    } else {
      while (p < end && *p != m_separator && *p != '\n' && *p != '\r' && *p != '"') ++p;
    }
    if (p != begin) {
      field->append(begin, static_cast<std::size_t>(p - begin));
      m_pos += static_cast<std::size_t>(p - begin);
      m_consumed += p - begin;
    }
    check_size();  // once per run and per separator, quote or line end: a line of commas alone too
    if (p == end) continue;
    int c = get();
    if (quoted) {
      if (c == '"') {
        if (peek() == '"') {
          get();
          *field += '"';
        } else {
          quoted = false;
        }
      } else {  // a line break inside quotes
        ++m_line;
        *field += static_cast<char>(c);
      }
      continue;
    }
    if (c == '\n' || (c == '\r' && (peek() == '\n' || peek() == EOF))) {
      if (c == '\r') get();
      ++m_line;
      fields.resize(count);
      return true;
    }
    if (c == m_separator) {
      field = start_field();
      was_quoted = false;
    } else if (c == '"' && field->empty() && !was_quoted && quotes) {
      quoted = was_quoted = true;
    } else {
      *field += static_cast<char>(c);  // a stray quote inside an unquoted field is kept as written
    }
  }
}

}  // namespace ics::util
