// The CSV/TSV reader (util/csv). The first byte picks the separator (even: comma, odd: tab), the rest
// is the file. Properties: only ics::InvalidInput escapes; lines and offsets only grow and the offset
// never passes the input's end; a CSV file read, written back with the writers' quoting (after a
// byte order mark) and read again gives the same records.
#include "fuzz_support.hpp"

#include <ics/io/writers.hpp>
#include <ics/util/csv.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using Records = std::vector<std::vector<std::string>>;

// Reads every record until the end or the first error; true when the end was reached.
bool read_all(const std::string& text, char separator, Records& records) {
  std::istringstream in(text);
  ics::util::CsvReader reader(in, separator);
  std::vector<std::string> fields;
  long last_line = 0;
  long long last_offset = 0;
  bool complete = false;
  ics::fuzz::only_invalid_input([&] {
    while (reader.next(fields)) {
      FUZZ_EXPECT(!fields.empty());
      FUZZ_EXPECT(reader.line() > last_line);
      FUZZ_EXPECT(reader.offset() >= last_offset);
      FUZZ_EXPECT(reader.offset() <= static_cast<long long>(text.size()));
      last_line = reader.line();
      last_offset = reader.offset();
      records.push_back(fields);
    }
    FUZZ_EXPECT(fields.empty());
    complete = true;
  });
  return complete;
}

std::string write_all(const Records& records) {
  std::ostringstream out;
  out << "\xEF\xBB\xBF";
  for (const auto& record : records) {
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i > 0) out << ',';
      ics::io::write_csv_field(out, record[i]);
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char separator = (data[0] & 1) ? '\t' : ',';
  const std::string text(ics::fuzz::as_text(data + 1, size - 1));
  Records records;
  if (!read_all(text, separator, records) || separator != ',') return 0;
  Records again;
  FUZZ_EXPECT(read_all(write_all(records), ',', again));
  FUZZ_EXPECT(again == records);
  return 0;
}
