#pragma once
// The machine output formats: csv, tsv, json (one array) and ndjson (one object a line).
// They stream: each row is written as it arrives.
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <memory>
#include <ostream>
#include <string_view>

ICS_API_BEGIN
namespace ics::io {

enum class Format { csv, tsv, json, ndjson };

// The format of a name ("csv", ...); throws InvalidInput naming `field` otherwise.
Format parse_format(std::string_view name, std::string_view field = "output");

std::unique_ptr<util::RowSink> make_writer(Format format, std::ostream& out);

// CSV field quoting per RFC 4180: quoted only when it holds a comma, quote, CR or LF.
void write_csv_field(std::ostream& out, std::string_view text);

}  // namespace ics::io
ICS_API_END
