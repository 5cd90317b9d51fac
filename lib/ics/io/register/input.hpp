#pragma once
// Reading the records of a register export: the file's bytes are hashed (SHA-256 of the file as
// it is) and counted, a UTF-8 byte order mark is dropped, windows-1252 is converted to UTF-8
// before CSV parsing, and blank records are skipped.
#include <ics/util/csv.hpp>
#include <ics/util/encoding.hpp>
#include <ics/util/sha256.hpp>

#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace ics::io {

// The export's bytes as UTF-8. Throws InvalidInput when a windows-1252 file starts with a UTF-8
// byte order mark (the file is UTF-8 and the mapping says otherwise).
class ExportBytes : public std::streambuf {
 public:
  ExportBytes(std::istream& raw, util::Encoding encoding, util::Sha256* hash);
  long long bytes_read() const { return m_bytes; }
  // The underlying stream failed (not at its end): what was read is incomplete.
  bool failed() const { return m_failed; }

 protected:
  int_type underflow() override;

 private:
  bool fill();

  std::istream& m_raw;
  util::Encoding m_encoding;
  util::Sha256* m_hash;
  std::vector<char> m_in;
  std::string m_out;
  long long m_bytes = 0;
  bool m_failed = false;
};

class ExportReader {
 public:
  // `hash`, when given, receives every byte of the file.
  ExportReader(std::istream& raw, util::Encoding encoding, util::Sha256* hash = nullptr);

  // The next record that is not blank (every field empty or spaces); false at the end.
  // Throws InvalidInput for a quoted field never closed, StorageError when reading fails.
  bool next(std::vector<std::string>& fields);
  // The physical line the last record starts on (1-based).
  long line() const { return m_csv.line(); }
  long long bytes_read() const { return m_bytes.bytes_read(); }

 private:
  ExportBytes m_bytes;
  std::istream m_stream;
  util::CsvReader m_csv;
};

}  // namespace ics::io
