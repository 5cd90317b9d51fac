#pragma once
// Sealing an import batch (private to store; store/record_check.cpp): the hash of one of its rows as
// it now is, and the writing of the seal once its chunks are known.
#include <ics/store/batch_digest.hpp>
#include <ics/store/transaction.hpp>

#include <optional>

namespace ics::store {

// The hash of row `id` of `kind` (batch_digest's names: child, episode, plan, ...) of batch `batch`,
// read as it now is; none when the batch has no such row.
std::optional<util::Sha256Digest> row_hash_now(Database& db, std::string_view kind, std::int64_t batch,
                                               std::int64_t id);

// Adds to `digest` the rows of chunk `chunk` of `kind` of batch `batch`, read as they now are.
void add_chunk_now(Database& db, std::string_view kind, std::int64_t batch, std::int64_t chunk,
                   GroupDigest& digest);

// Stores the chunks of group `batch_id` and the digest over them, and appends its audit record,
// whose image is `image` (a JSON object) with "rows_sha256" added.
void write_batch_seal(WriteTransaction& tx, std::int64_t batch_id, const std::vector<ChunkLine>& lines,
                      const std::string& image);

}  // namespace ics::store
