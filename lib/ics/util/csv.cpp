#include <ics/util/csv.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::util {

namespace {
constexpr size_t k_buffer_size = 1 << 16;
}

CsvReader::CsvReader(std::istream& in, char separator) : m_in(in), m_separator(separator), m_buffer(k_buffer_size) {}

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

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!m_started) {
    m_started = true;
    if (peek() == 0xEF) {  // a UTF-8 byte order mark
      std::string bom;
      for (int i = 0; i < 3 && peek() != EOF; ++i) bom += static_cast<char>(get());
      if (bom != "\xEF\xBB\xBF") throw InvalidInput("file", bom, "starts with a broken byte order mark", 1);
    }
  }
  fields.clear();
  if (peek() == EOF) return false;
  m_record_line = m_line;
  std::string field;
  bool quoted = false;      // inside a quoted part
  bool was_quoted = false;  // the field began with a quote
  while (true) {
    int c = get();
    if (quoted) {
      if (c == EOF)
        throw InvalidInput("record", field.substr(0, 40), "has a quoted field that is never closed", m_record_line);
      if (c == '"') {
        if (peek() == '"') {
          get();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++m_line;
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == EOF || c == '\n' || (c == '\r' && (peek() == '\n' || peek() == EOF))) {
      if (c == '\r') get();
      if (c != EOF) ++m_line;
      fields.push_back(std::move(field));
      return true;
    }
    if (c == m_separator) {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '"' && field.empty() && !was_quoted && m_separator == ',') {
      quoted = was_quoted = true;
    } else {
      field += static_cast<char>(c);  // a stray quote inside an unquoted field is kept as written
    }
  }
}

}  // namespace ics::util
