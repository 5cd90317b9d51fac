// The rows of an NDJSON bulk file (io/bulk/reader). The first byte picks the record kind, the rest is
// the file. Properties: only ics::InvalidInput escapes; every row has a value and a presence flag per
// column of its kind, a value only where the column is present, and no blank value (blank is null);
// rows come in line order; a row's error names its line and shows its value escaped (no control
// character reaches a terminal) and cut.
#include "fuzz_support.hpp"

#include <ics/io/bulk/reader.hpp>

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto kinds = ics::io::record_kinds();
  const auto kind = kinds[data[0] % kinds.size()];
  const std::size_t width = ics::io::bulk_columns(kind).size();
  std::istringstream in(std::string(ics::fuzz::as_text(data + 1, size - 1)));
  ics::fuzz::only_invalid_input([&] {
    ics::io::BulkReader reader(in, ics::io::BulkFormat::ndjson, kind);
    ics::io::BulkRow row;
    long last_line = 0;
    while (reader.next(row)) {
      FUZZ_EXPECT(row.kind == kind);
      FUZZ_EXPECT(row.line > last_line);
      last_line = row.line;
      FUZZ_EXPECT(row.values.size() == width);
      FUZZ_EXPECT(row.present.size() == width);
      if (row.error) {
        FUZZ_EXPECT(row.error->line == row.line);
        FUZZ_EXPECT(!row.error->reason.empty());
        for (char c : row.error->value + row.error->field) {
          const auto byte = static_cast<unsigned char>(c);
          FUZZ_EXPECT(byte >= 0x20 && byte != 0x7f);
        }
        FUZZ_EXPECT(row.error->value.size() <= 400);
        continue;
      }
      for (std::size_t i = 0; i < width; ++i) {
        if (row.values[i]) {
          FUZZ_EXPECT(row.present[i]);
          FUZZ_EXPECT(!row.values[i]->empty());
        }
      }
    }
  });
  return 0;
}
