#pragma once
// The output formats: csv, tsv, json (one array) and ndjson (one object a line), and markdown (a
// GitHub-style pipe table, for documents). They stream: each row is written as it arrives.
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <memory>
#include <ostream>
#include <string_view>

ICS_API_BEGIN
namespace ics::io {

enum class Format { csv, tsv, json, ndjson, markdown };

// The format of a name ("csv", ...); throws InvalidInput naming `field` otherwise.
Format parse_format(std::string_view name, std::string_view field = "output");

struct WriterOptions {
  // csv and tsv: a text cell that a spreadsheet would run as a formula is neutralised
  // (neutralise_formula). For output meant for people and spreadsheets; off for round trips.
  bool neutralise_formulas = false;
  // csv and tsv: the header row (false: rows only, for `--no-headers`). markdown and json ignore it.
  bool headers = true;
};

std::unique_ptr<util::RowSink> make_writer(Format format, std::ostream& out, WriterOptions options = {});

// A text cell as a spreadsheet may safely open it (OWASP, "CSV injection"): one beginning with `=`,
// `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, which spreadsheets show as text and
// do not run; any other text is unchanged. Numbers are never text cells, so -5 stays a number.
std::string neutralise_formula(std::string_view text);

// A markdown table cell showing `text` as it is: `\`, `|`, `` ` ``, `[`, `]`, `*`, `_` backslash-escaped,
// `&`, `<`, `>` as entities (no link, image, emphasis or HTML comes from data), a line break as
// `<br>`, and each other unprintable character written as util::escape_text writes it.
std::string markdown_cell(std::string_view text);

// CSV field quoting per RFC 4180: quoted only when it holds a comma, quote, CR or LF.
void write_csv_field(std::ostream& out, std::string_view text);

}  // namespace ics::io
ICS_API_END
