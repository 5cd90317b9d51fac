#pragma once
// The shape of bulk files: the record kinds, their columns (the same for export and import) and the
// file formats, with how a format is told from a file name or the file's first line.
#include <ics/api.hpp>
#include <ics/model/identifiers.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::io {

enum class RecordKind { child, plan, action, review, episode, assessment, enquiry, conference };

// Every kind, in the order a database is exported and imported back (a record after those it names).
std::span<const RecordKind> record_kinds();
std::string_view record_name(RecordKind kind);    // "child", "plan", ..., "episode", "enquiry", ...
std::string_view record_plural(RecordKind kind);  // "children", "plans", ..., "episodes", "enquiries", ...
// The kind of public id a record has (C, P, A, R, E, N, S, I) and back; nullopt for an id kind no
// file holds.
model::EntityKind entity_of(RecordKind kind);
std::optional<RecordKind> record_of(model::EntityKind kind);
// The kind of a record name ("child", ...), if it is one.
std::optional<RecordKind> record_of_name(std::string_view name);
// The columns of a kind, in file order; the first is the record's public id.
std::span<const std::string_view> bulk_columns(RecordKind kind);

// Why one row of a file cannot be taken.
struct RowError {
  long line = 0;
  std::string field;  // a column name; empty when the problem is the whole row
  std::string value;  // as shown: escaped and cut (util::shown_text)
  std::string reason;
};

enum class BulkFormat { csv, tsv, ndjson };

std::string_view format_name(BulkFormat format);
// "csv", "tsv" or "ndjson"; throws InvalidInput naming `field` otherwise.
BulkFormat parse_bulk_format(std::string_view name, std::string_view field = "format");
// The format a file name's extension says (.csv, .tsv, .ndjson, .jsonl), if any.
std::optional<BulkFormat> bulk_format_of_name(std::string_view file_name);
// The format the first line says: `{` starts ndjson, a tab makes tsv, anything else is csv. Throws
// InvalidInput for a JSON array, which is not read.
BulkFormat bulk_format_of_head(std::string_view head);
// The format to read: `given` (--format), else the file name's, else the first line's.
BulkFormat decide_bulk_format(std::optional<BulkFormat> given, std::string_view file_name,
                              std::string_view head);

}  // namespace ics::io
ICS_API_END
