#include <ics/model/identifiers.hpp>
#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/batch_seal.hpp>
#include <ics/store/checked_rows.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/record_check.hpp>
#include <ics/store/sqlite.hpp>

#include <nlohmann/json.hpp>

namespace ics::store {

namespace {

// Adds to `digest` the rows of `kind` with ids from..to that batch `batch` wrote, read as SQLite now
// holds them.
void add_rows_now(Database& db, std::string_view kind, std::int64_t batch, std::int64_t from, std::int64_t to,
                  GroupDigest& digest) {
  auto& q = statement(db, kind_named(kind).query);
  bind_rows(q, batch, from, to);
  std::string bytes;
  while (step(q)) digest.add(kind, q.getColumn(k_id).getInt64(), row_hash(q, bytes));
  q.tryReset();
}

}  // namespace

std::optional<util::Sha256Digest> row_hash_now(Database& db, std::string_view kind, std::int64_t batch,
                                               std::int64_t id) try {
  auto& q = statement(db, kind_named(kind).query);
  bind_rows(q, batch, id, id);
  std::string bytes;
  std::optional<util::Sha256Digest> hash;
  if (step(q)) hash = row_hash(q, bytes);
  q.tryReset();
  return hash;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void add_chunk_now(Database& db, std::string_view kind, std::int64_t batch, std::int64_t chunk,
                   GroupDigest& digest) try {
  add_rows_now(db, kind, batch, chunk * k_chunk_ids, (chunk + 1) * k_chunk_ids - 1, digest);
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void write_batch_seal(WriteTransaction& tx, std::int64_t batch_id, const std::vector<ChunkLine>& lines,
                      const std::string& image) try {
  auto& db = tx.db();
  for (const auto& l : lines) {
    auto& q = statement(db, "insert_batch_chunk");
    q.bind(1, batch_id);
    q.bind(2, l.kind);
    q.bind(3, l.chunk);
    q.bind(4, l.rows);
    q.bind(5, l.sha256);
    exec(q);
  }
  auto digest = digest_of(lines);
  auto after = nlohmann::ordered_json::parse(image);
  after["rows_sha256"] = digest;
  tx.audit(batch_id ? model::format_id(model::EntityKind::batch, batch_id) : "database", std::nullopt,
           after.dump());
  auto& seal = statement(db, "insert_batch_seal");
  seal.bind(1, batch_id);
  seal.bind(2, chain_head(db)->seq);
  seal.bind(3, digest);
  exec(seal);
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void audit_sealed_batch(WriteTransaction& tx, std::int64_t batch_id, const std::string& image) try {
  auto& db = tx.db();
  GroupDigest chunks;
  std::vector<std::string> names;
  std::string bytes;
  for (const auto& kind : record_kinds()) {
    if (batch_id != 0) {
      add_rows_now(db, kind.name, batch_id, 0, k_last_id, chunks);
      continue;
    }
    auto seqs = audit_seqs(db, kind);
    scan(db, kind, &seqs, names, [&](const CheckedRow& row) {
      if (row.group == 0 && !row.first_seq) chunks.add(kind.name, row.id, image_hash(row.image, bytes));
    });
  }
  write_batch_seal(tx, batch_id, chunks.lines(), image);
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void seal_what_came_before(WriteTransaction& tx, const std::string& migration_image) {
  seal_audit_chain(tx.db());
  std::vector<std::int64_t> batches;
  auto& q = statement(tx.db(), "unsealed_batches");
  while (step(q)) batches.push_back(q.getColumn(0).getInt64());
  for (auto batch : batches) audit_sealed_batch(tx, batch, R"({"sealed_by":"db migrate"})");
  audit_sealed_batch(tx, 0, migration_image);
}

}  // namespace ics::store
