#pragma once
// Reading the rows of a bulk file (csv, tsv or ndjson) as values by column, with their line numbers.
#include <ics/io/bulk/format.hpp>

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::io {

// One row of a bulk file: a value (or nothing, for a blank field or JSON null) per column of its kind.
struct BulkRow {
  RecordKind kind = RecordKind::child;
  long line = 0;
  std::vector<std::optional<std::string>> values;  // by bulk_columns(kind)
  std::vector<bool> present;                       // by column: the file has it (a header column, a key)
  std::optional<RowError> error;                   // set when the row itself cannot be read

  // The value of `column` ("" when blank or absent).
  std::string_view text(std::string_view column) const;
  bool blank(std::string_view column) const;
};

class BulkReader {
 public:
  // Reads rows of `kind` from `in`. A csv or tsv file starts with a header naming columns of the
  // kind in any order; columns left out are blank. In ndjson each line is one object.
  BulkReader(std::istream& in, BulkFormat format, RecordKind kind);
  ~BulkReader();
  BulkReader(const BulkReader&) = delete;
  BulkReader& operator=(const BulkReader&) = delete;

  // The next row, skipping blank lines; false at the end. A row that cannot be read comes back with
  // `error` set. Throws InvalidInput for a bad header or a quoted field never closed.
  bool next(BulkRow& row);

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace ics::io
