#pragma once
// A streaming reader of delimited text (RFC 4180 CSV, or TSV): quoted fields may hold separators,
// doubled quotes and line breaks; CRLF or LF line ends; a UTF-8 byte order mark is skipped.
#include <istream>
#include <string>
#include <vector>

namespace ics::util {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in, char separator = ',');

  // Reads the next record into `fields`; false at the end of input. Throws InvalidInput when a
  // quoted field is still open at the end of the input.
  bool next(std::vector<std::string>& fields);
  // The line on which the last record read starts (1-based, counting physical lines).
  long line() const { return m_record_line; }
  // Bytes consumed so far (for progress).
  long long offset() const { return m_consumed; }

 private:
  bool fill();
  int peek();
  int get();

  std::istream& m_in;
  char m_separator;
  std::vector<char> m_buffer;
  size_t m_pos = 0;
  size_t m_end = 0;
  long m_line = 1;
  long m_record_line = 0;
  long long m_consumed = 0;
  bool m_started = false;
};

}  // namespace ics::util
