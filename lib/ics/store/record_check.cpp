#include <ics/model/identifiers.hpp>
#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/record_check.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/sha256.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <functional>
#include <map>
#include <optional>

namespace ics::store {

namespace {

using Text = std::optional<std::string>;

struct Kind {
  std::string_view name;   // as batch_digest.kind
  std::string_view query;  // check_*
  model::EntityKind entity;
};
// Parents before children, as an import writes them.
constexpr Kind k_kinds[] = {
    {"child", "check_children", model::EntityKind::child},
    {"episode", "check_episodes", model::EntityKind::episode},
    {"assessment", "check_assessments", model::EntityKind::assessment},
    {"enquiry", "check_enquiries", model::EntityKind::enquiry},
    {"conference", "check_conferences", model::EntityKind::conference},
    {"plan", "check_plans", model::EntityKind::plan},
    {"action", "check_actions", model::EntityKind::action},
    {"review", "check_reviews", model::EntityKind::review},
};
// Columns of a check_* row before its image.
enum Column { k_id, k_group, k_latest_seq, k_latest_after, k_sealed_before, k_first_seq, k_image };
constexpr std::int64_t k_chunk_ids = 1024;

// One row of a check_* statement.
struct CheckedRow {
  std::int64_t id = 0, group = 0;
  std::optional<std::int64_t> latest_seq, first_seq;
  Text latest_after, sealed_before;
  std::vector<Text> image;  // the columns k_image on
};

Text column_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();  // integers as their decimal text
}

// A value of an audit image as the column holding it reads: booleans (an episode's nfa) yes/no,
// lists (disabilities, factors) joined by ','.
Text json_text(const nlohmann::json& v) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return std::string(v.get<bool>() ? "yes" : "no");
  if (v.is_array()) {
    if (v.empty()) return std::nullopt;
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ",") + json_text(e).value_or("");
    return out;
  }
  return v.dump();
}

std::string quoted(const Text& t) {
  return t ? fmt::format("'{}'", *t) : "null";
}

// Scans one kind in id order (one batch's rows, or all), calling `each` per row.
void scan(Database& db, const Kind& kind, std::optional<std::int64_t> batch, std::vector<std::string>& names,
          const std::function<void(const CheckedRow&)>& each) {
  SQLite::Statement q(connection(db), named_query(kind.query));
  if (batch) q.bind(":batch", *batch);
  names.clear();
  for (int i = k_image; i < q.getColumnCount(); ++i) names.emplace_back(q.getColumnName(i));
  CheckedRow row;
  while (step(q)) {
    row.id = q.getColumn(k_id).getInt64();
    row.group = q.getColumn(k_group).getInt64();
    auto seq = [&](int i) {
      return q.isColumnNull(i) ? std::nullopt : std::optional(q.getColumn(i).getInt64());
    };
    row.latest_seq = seq(k_latest_seq);
    row.first_seq = seq(k_first_seq);
    row.latest_after = column_text(q.getColumn(k_latest_after));
    row.sealed_before = column_text(q.getColumn(k_sealed_before));
    row.image.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) row.image[i] = column_text(q.getColumn(int(k_image + i)));
    each(row);
  }
}

// The row's image with an audit image's values over it (keys the audit image lacks keep the row's).
std::vector<Text> overlay(const std::vector<Text>& image, const std::vector<std::string>& names,
                          const nlohmann::json& audited) {
  auto out = image;
  for (size_t i = 0; i < names.size(); ++i)
    if (audited.is_object() && audited.contains(names[i])) out[i] = json_text(audited[names[i]]);
  return out;
}

// "<byte length>:" appended to `out`.
void append_length(std::string& out, std::size_t size) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, size).ptr;
  out.append(digits, end);
  out += ':';
}

// The digests of one group's rows, per kind and chunk of ids.
struct Chunk {
  std::int64_t rows = 0;
  util::Sha256 hash;
};
struct ChunkLine {
  std::string kind;
  std::int64_t chunk = 0, rows = 0;
  std::string sha256;
};
class GroupDigest {
 public:
  GroupDigest() = default;
  GroupDigest(GroupDigest&&) = default;  // the map's nodes, which m_last points into, move with it
  GroupDigest& operator=(GroupDigest&&) = default;

  // Adds a row to its chunk's digest: "<length>:" then its image, each value "<length>:<bytes>\n"
  // or "-\n" for null. An import seals every row it wrote, so the bytes are built in a reused buffer.
  void add(std::string_view kind, std::int64_t id, const std::vector<Text>& image) {
    auto& bytes = begin_row();
    for (const auto& v : image) value(bytes, v ? std::optional<std::string_view>(*v) : std::nullopt);
    end_row(kind, id);
  }
  // The same a value at a time, for a batch's rows read straight from SQLite: begin_row(), then
  // value(bytes, v) for each value of the image, then end_row().
  std::string& begin_row() {
    m_bytes.clear();
    return m_bytes;
  }
  static void value(std::string& bytes, std::optional<std::string_view> v) {
    if (!v) {
      bytes += "-\n";
      return;
    }
    append_length(bytes, v->size());
    bytes += *v;
    bytes += '\n';
  }
  void end_row(std::string_view kind, std::int64_t id) {
    std::int64_t number = id / k_chunk_ids;
    if (!m_last || m_last_key.second != number || m_last_key.first != kind) {
      m_last_key = {std::string(kind), number};
      m_last = &m_chunks[m_last_key];
    }
    ++m_last->rows;
    m_framed.clear();
    append_length(m_framed, m_bytes.size());
    m_framed += m_bytes;
    m_last->hash.update(m_framed);
  }

  std::vector<ChunkLine> lines() const {
    std::vector<ChunkLine> out;
    for (const auto& [key, c] : m_chunks) out.push_back({key.first, key.second, c.rows, c.hash.hex_digest()});
    return out;
  }

 private:
  std::map<std::pair<std::string, std::int64_t>, Chunk> m_chunks;
  Chunk* m_last = nullptr;
  std::pair<std::string, std::int64_t> m_last_key;
  std::string m_bytes, m_framed;
};

// The digest of a group: SHA-256 over "kind chunk rows sha256\n" of each chunk, in that order.
std::string digest_of(const std::vector<ChunkLine>& lines) {
  util::Sha256 hash;
  for (const auto& l : lines) hash.update(fmt::format("{} {} {} {}\n", l.kind, l.chunk, l.rows, l.sha256));
  return hash.hex_digest();
}

// Whether a row belongs to its group's digest: a batch's rows all do; group 0 (sealed by the
// migration at `seal_seq`) holds the rows that then had no audit record.
bool sealed_member(const CheckedRow& row, std::int64_t seal_seq) {
  if (row.group != 0) return true;
  return !row.first_seq || (*row.first_seq > seal_seq && row.sealed_before);
}

std::vector<Text> sealed_image(const CheckedRow& row, const std::vector<std::string>& names) {
  if (!row.sealed_before) return row.image;
  return overlay(row.image, names, nlohmann::json::parse(*row.sealed_before, nullptr, false));
}

std::string group_name(std::int64_t group) {
  return group ? model::format_id(model::EntityKind::batch, group)
               : std::string("the records the chain's migration found unaudited");
}

model::EntityKind entity_of(std::string_view kind) {
  for (const auto& k : k_kinds)
    if (k.name == kind) return k.entity;
  return model::EntityKind::batch;
}

// Adds every row of one kind an import batch wrote to `digest`, each value read as SQLite holds it
// (what scan's CheckedRow::image holds, without a copy: an import seals every row it wrote).
void seal_rows(Database& db, const Kind& kind, std::int64_t batch, GroupDigest& digest) {
  SQLite::Statement q(connection(db), named_query(kind.query));
  q.bind(":batch", batch);
  const int columns = q.getColumnCount();
  while (step(q)) {
    auto& bytes = digest.begin_row();
    for (int i = k_image; i < columns; ++i) {
      auto column = q.getColumn(i);
      if (column.isNull())
        GroupDigest::value(bytes, std::nullopt);
      else
        GroupDigest::value(bytes,
                           std::string_view(column.getText(), static_cast<std::size_t>(column.getBytes())));
    }
    digest.end_row(kind.name, q.getColumn(k_id).getInt64());
  }
}

}  // namespace

void audit_sealed_batch(WriteTransaction& tx, std::int64_t batch_id, const std::string& image) try {
  auto& db = tx.db();
  GroupDigest chunks;
  std::vector<std::string> names;
  for (const auto& kind : k_kinds) {
    if (batch_id != 0) {
      seal_rows(db, kind, batch_id, chunks);
      continue;
    }
    scan(db, kind, std::nullopt, names, [&](const CheckedRow& row) {
      if (row.group == 0 && !row.first_seq) chunks.add(kind.name, row.id, row.image);
    });
  }
  auto lines = chunks.lines();
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

void seal_what_came_before(WriteTransaction& tx, const std::string& migration_image) {
  seal_audit_chain(tx.db());
  std::vector<std::int64_t> batches;
  auto& q = statement(tx.db(), "unsealed_batches");
  while (step(q)) batches.push_back(q.getColumn(0).getInt64());
  for (auto batch : batches) audit_sealed_batch(tx, batch, R"({"sealed_by":"db migrate"})");
  audit_sealed_batch(tx, 0, migration_image);
}

std::vector<std::string> record_problems(Database& db) try {
  std::vector<std::string> problems;
  struct Seal {
    std::int64_t audit_seq = 0;
    std::string sha256;
    GroupDigest found;
  };
  std::map<std::int64_t, Seal> seals;
  {
    SQLite::Statement q(connection(db), named_query("batch_seals"));
    while (step(q)) {
      auto group = q.getColumn(0).getInt64();
      auto sha = q.getColumn(2).getString();
      auto audited = column_text(q.getColumn(3));
      if (audited != sha)
        problems.push_back(fmt::format("{}: its digest {} is not the one its audit record {} holds ({})",
                                       group_name(group), sha, q.getColumn(1).getInt64(), quoted(audited)));
      seals[group] = Seal{q.getColumn(1).getInt64(), sha, {}};
    }
  }
  std::vector<std::string> names;
  for (const auto& kind : k_kinds) {
    scan(db, kind, std::nullopt, names, [&](const CheckedRow& row) {
      auto id = model::format_id(kind.entity, row.id);
      auto seal = seals.find(row.group);
      if (row.latest_after) {
        auto audited = nlohmann::json::parse(*row.latest_after, nullptr, false);
        auto expected = overlay(row.image, names, audited);
        std::string diff;
        for (size_t i = 0; i < names.size(); ++i)
          if (expected[i] != row.image[i])
            diff += fmt::format("{}{} is {}, audit record {} has {}", diff.empty() ? "" : "; ", names[i],
                                quoted(row.image[i]), *row.latest_seq, quoted(expected[i]));
        if (!diff.empty()) problems.push_back(fmt::format("{}: {}", id, diff));
      } else if (row.latest_seq) {
        problems.push_back(
            fmt::format("{}: audit record {} shows it deleted, yet it is there", id, *row.latest_seq));
      } else if (seal == seals.end() || !sealed_member(row, seal->second.audit_seq)) {
        problems.push_back(fmt::format("{}: it has no audit record and no sealed import batch", id));
      }
      if (seal != seals.end() && sealed_member(row, seal->second.audit_seq))
        seal->second.found.add(kind.name, row.id, sealed_image(row, names));
    });
  }
  for (auto& [group, seal] : seals) {
    std::vector<ChunkLine> stored;
    auto& q = statement(db, "batch_chunks");
    q.bind(1, group);
    while (step(q))
      stored.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                        q.getColumn(3).getString()});
    if (digest_of(stored) != seal.sha256) {
      problems.push_back(fmt::format("{}: its chunk digests were altered (they no longer give {})",
                                     group_name(group), seal.sha256));
      continue;
    }
    std::map<std::pair<std::string, std::int64_t>, ChunkLine> now;
    for (auto& l : seal.found.lines()) now[{l.kind, l.chunk}] = l;
    std::map<std::pair<std::string, std::int64_t>, ChunkLine> then;
    for (auto& l : stored) then[{l.kind, l.chunk}] = l;
    for (const auto& [key, l] : now) then.try_emplace(key, ChunkLine{key.first, key.second, 0, ""});
    for (const auto& [key, l] : then) {
      auto it = now.find(key);
      auto rows_now = it == now.end() ? 0 : it->second.rows;
      if (it != now.end() && it->second.sha256 == l.sha256 && rows_now == l.rows) continue;
      auto kind = entity_of(key.first);
      auto first = std::max<std::int64_t>(1, key.second * k_chunk_ids);
      problems.push_back(fmt::format(
          "{}: the {} records {}…{} differ from the digest sealed in audit record {} ({} rows "
          "then, {} now): a record among them was changed, added or deleted without an audit record",
          group_name(group), model::name_of(kind), model::format_id(kind, first),
          model::format_id(kind, key.second * k_chunk_ids + k_chunk_ids - 1), seal.audit_seq, l.rows,
          rows_now));
    }
  }
  auto& missing = statement(db, "check_missing");
  while (step(missing))
    problems.push_back(fmt::format("{}: it is missing, deleted without an audit record (its latest is {})",
                                   missing.getColumn(0).getString(), missing.getColumn(1).getInt64()));
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

}  // namespace ics::store
