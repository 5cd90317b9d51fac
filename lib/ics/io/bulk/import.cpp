#include <ics/io/bulk/import.hpp>
#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/record_check.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unordered_map>

namespace ics::io {

namespace {

constexpr long k_progress_every = 1000;

using RowImporter = Outcome (*)(RowContext&, const BulkRow&);

RowImporter importer_of(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return import_child_row;
    case RecordKind::plan: return import_plan_row;
    case RecordKind::action: return import_action_row;
    case RecordKind::review: return import_review_row;
    case RecordKind::episode: return import_episode_row;
    case RecordKind::assessment: return import_assessment_row;
    case RecordKind::enquiry: return import_enquiry_row;
    case RecordKind::conference: return import_conference_row;
  }
  throw InvalidInput("kind", std::string(record_plural(kind)), "cannot be imported");
}

void count(BulkImportResult& result, Outcome outcome) {
  switch (outcome) {
    case Outcome::created: ++result.created; break;
    case Outcome::updated: ++result.updated; break;
    case Outcome::unchanged: ++result.unchanged; break;
    case Outcome::skipped: ++result.skipped; break;
  }
}

// Imports one row inside its own savepoint: a bad row leaves nothing behind. Returns its error.
std::optional<RowError> import_row(RowContext& ctx, RowImporter importer, const BulkRow& row,
                                   std::unordered_map<std::int64_t, long>& seen, BulkImportResult& result) {
  try {
    store::Savepoint savepoint(ctx.tx);
    auto id = row_id(row);
    if (id) {
      if (auto first = seen.find(*id); first != seen.end())
        throw InvalidInput(std::string(bulk_columns(row.kind)[0]),
                           std::string(row.text(bulk_columns(row.kind)[0])),
                           fmt::format("repeats the {} of line {}", record_name(row.kind), first->second));
    }
    auto outcome = importer(ctx, row);
    if (outcome == Outcome::created || outcome == Outcome::updated)
      savepoint.release();
    else
      savepoint.undo();
    if (id) seen.emplace(*id, row.line);
    count(result, outcome);
    return std::nullopt;
  } catch (const InvalidInput& e) {
    if (e.field().empty()) return RowError{row.line, "", "", util::escape_text(e.what())};
    return RowError{row.line, e.field(), util::shown_text(e.value()), e.reason()};
  } catch (const Conflict& e) {
    if (e.field().empty()) return RowError{row.line, "", "", util::escape_text(e.what())};
    return RowError{row.line, e.field(), util::shown_text(e.value()), e.reason()};
  } catch (const NotFound& e) {
    return RowError{row.line, "", "", util::escape_text(e.what())};
  } catch (const ConstraintViolation& e) {
    return RowError{row.line, "", "",
                    fmt::format("is refused by the database: {}", util::escape_text(e.what()))};
  } catch (const StorageError& e) {
    throw StorageError(fmt::format("import failed at line {}: {}", row.line, e.what()));
  }
}

}  // namespace

OnConflict parse_on_conflict(std::string_view name, std::string_view field) {
  if (name == "error") return OnConflict::error;
  if (name == "skip") return OnConflict::skip;
  if (name == "update") return OnConflict::update;
  throw InvalidInput(std::string(field), std::string(name), "must be one of error, skip, update");
}

std::string BulkImportResult::counts_json() const {
  nlohmann::ordered_json j;
  j["rows_read"] = rows_read;
  j["created"] = created;
  j["updated"] = updated;
  j["unchanged"] = unchanged;
  j["skipped"] = skipped;
  j["invalid"] = invalid;
  return j.dump();
}

BulkImportResult import_bulk(store::WriteTransaction& tx, BulkInput& input,
                             const BulkImportOptions& options) {
  auto importer = importer_of(options.kind);
  BulkImportResult result;
  auto batch_id = store::insert_batch(tx, record_plural(options.kind), options.file_name);
  TemplateResolver templates(options.find_template);
  RowContext ctx{tx, options, batch_id, templates, {}, {}};
  std::unordered_map<std::int64_t, long> seen;  // ids in this file -> the line that had them

  BulkReader reader(input.stream(), options.format, options.kind);
  BulkRow row;
  while (reader.next(row)) {
    ++result.rows_read;
    auto error = row.error ? row.error : import_row(ctx, importer, row, seen, result);
    if (error) {
      ++result.invalid;
      result.errors.push_back(std::move(*error));
    }
    if (options.progress && result.rows_read % k_progress_every == 0)
      options.progress(result.rows_read, input.bytes_read());
  }
  if (options.progress) options.progress(result.rows_read, input.bytes_read());  // every row is read
  result.sha256 = input.sha256();
  result.committable = result.invalid == 0 || options.skip_invalid;
  if (!result.committable) return result;

  store::finish_batch(tx, batch_id, result.sha256, result.counts_json());
  nlohmann::ordered_json image;
  image["kind"] = std::string(record_plural(options.kind));
  image["file_name"] = options.file_name;
  image["sha256"] = result.sha256;
  image["counts"] = nlohmann::ordered_json::parse(result.counts_json());
  store::audit_sealed_batch(tx, batch_id, image.dump());
  result.batch_id = batch_id;
  return result;
}

}  // namespace ics::io
