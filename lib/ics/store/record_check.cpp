#include <ics/model/identifiers.hpp>
#include <ics/store/checked_rows.hpp>
#include <ics/store/plain_image.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/record_check.hpp>
#include <ics/store/sqlite.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace ics::store {

namespace {

// A value of an audit image as the column holding it reads: booleans (an episode's nfa) yes/no,
// lists (disabilities, factors) joined by ','. store/plain_image.cpp reads plain images the same way.
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

// The row's image with an audit image's values over it (keys the audit image lacks keep the row's).
std::vector<Text> overlay(const std::vector<Text>& image, const std::vector<std::string>& names,
                          const std::string& audited_text) {
  auto audited = nlohmann::json::parse(audited_text, nullptr, false);
  auto out = image;
  for (size_t i = 0; i < names.size(); ++i)
    if (audited.is_object() && audited.contains(names[i])) out[i] = json_text(audited[names[i]]);
  return out;
}

// What differs between a record and the `after` image of its latest audit record; empty if nothing.
std::string difference(const CheckedRow& row, const std::vector<std::string>& names,
                       const std::string& after) {
  if (plainly_matches(after, names, row.image)) return {};
  auto expected = overlay(row.image, names, after);
  std::string diff;
  for (size_t i = 0; i < names.size(); ++i)
    if (expected[i] != row.image[i])
      diff += fmt::format("{}{} is {}, audit record {} has {}", diff.empty() ? "" : "; ", names[i],
                          quoted(row.image[i]), row.latest_seq, quoted(expected[i]));
  return diff;
}

// A text of the audit record a statement finds by seq (and entity), none when it is null.
Text audit_text(Database& db, std::string_view query, std::int64_t seq,
                std::optional<std::string> entity = {}) {
  auto& q = statement(db, query);
  q.bind(1, seq);
  if (entity) q.bind(2, *entity);
  Text text;
  if (step(q) && !q.isColumnNull(0)) text = q.getColumn(0).getString();
  q.tryReset();
  return text;
}

std::string group_name(std::int64_t group) {
  return group ? model::format_id(model::EntityKind::batch, group)
               : std::string("the records the chain's migration found unaudited");
}

// A sealed group (an import batch; 0: the records the chain's migration found unaudited).
struct Seal {
  std::int64_t audit_seq = 0;
  std::string sha256;
  GroupDigest found;
};

std::map<std::int64_t, Seal> read_seals(Database& db, std::vector<std::string>& problems) {
  std::map<std::int64_t, Seal> seals;
  auto& q = statement(db, "batch_seals");
  while (step(q)) {
    auto group = q.getColumn(0).getInt64();
    auto sha = q.getColumn(2).getString();
    Text audited = q.isColumnNull(3) ? Text() : q.getColumn(3).getString();
    if (audited != sha)
      problems.push_back(fmt::format("{}: its digest {} is not the one its audit record {} holds ({})",
                                     group_name(group), sha, q.getColumn(1).getInt64(), quoted(audited)));
    seals[group] = Seal{q.getColumn(1).getInt64(), sha, {}};
  }
  q.tryReset();
  return seals;
}

// Compares the chunks a group's rows give now with those sealed.
void compare_chunks(Database& db, std::int64_t group, Seal& seal, std::vector<std::string>& problems) {
  std::vector<ChunkLine> stored;
  auto& q = statement(db, "batch_chunks");
  q.bind(1, group);
  while (step(q))
    stored.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                      q.getColumn(3).getString()});
  q.tryReset();
  if (digest_of(stored) != seal.sha256) {
    problems.push_back(fmt::format("{}: its chunk digests were altered (they no longer give {})",
                                   group_name(group), seal.sha256));
    return;
  }
  std::map<std::pair<std::string, std::int64_t>, ChunkLine> now, then;
  for (auto& l : seal.found.lines()) now[{l.kind, l.chunk}] = l;
  for (auto& l : stored) then[{l.kind, l.chunk}] = l;
  for (const auto& [key, l] : now) then.try_emplace(key, ChunkLine{key.first, key.second, 0, ""});
  for (const auto& [key, l] : then) {
    auto it = now.find(key);
    auto rows_now = it == now.end() ? 0 : it->second.rows;
    if (it != now.end() && it->second.sha256 == l.sha256 && rows_now == l.rows) continue;
    auto kind = kind_named(key.first).entity;
    auto first = std::max<std::int64_t>(1, key.second * k_chunk_ids);
    problems.push_back(fmt::format(
        "{}: the {} records {}…{} differ from the digest sealed in audit record {} ({} rows "
        "then, {} now): a record among them was changed, added or deleted without an audit record",
        group_name(group), model::name_of(kind), model::format_id(kind, first),
        model::format_id(kind, key.second * k_chunk_ids + k_chunk_ids - 1), seal.audit_seq, l.rows,
        rows_now));
  }
}

// Checks every record of a kind against its latest audit record or its group's seal.
void check_kind(Database& db, const Kind& kind, std::map<std::int64_t, Seal>& seals,
                std::vector<std::string>& problems) {
  const auto seqs = audit_seqs(db, kind);
  std::vector<std::string> names;
  std::string bytes;
  std::vector<bool> present;
  scan(db, kind, &seqs, names, [&](const CheckedRow& row) {
    if (row.id >= std::ssize(present)) present.resize(static_cast<std::size_t>(row.id + 1));
    present[row.id] = true;
    auto id = [&] { return model::format_id(kind.entity, row.id); };  // for the rare row that needs it
    auto seal = seals.find(row.group);
    // The image it had when its group was sealed: the `before` of its first audit record after.
    Text sealed_before;
    if (seal != seals.end() && row.latest_seq > seal->second.audit_seq)
      sealed_before = audit_text(db, "audit_before_after", seal->second.audit_seq, id());
    // A batch's rows are all its group's; group 0 holds the records that had no audit record then.
    bool member = seal != seals.end() && (row.group != 0 || !row.first_seq ||
                                          (row.first_seq > seal->second.audit_seq && sealed_before));
    if (row.latest_seq) {
      auto after = audit_text(db, "audit_after_at", row.latest_seq);
      if (!after)
        problems.push_back(
            fmt::format("{}: audit record {} shows it deleted, yet it is there", id(), row.latest_seq));
      else if (auto diff = difference(row, names, *after); !diff.empty())
        problems.push_back(fmt::format("{}: {}", id(), diff));
    } else if (!member) {
      problems.push_back(fmt::format("{}: it has no audit record and no sealed import batch", id()));
    }
    if (member)
      seal->second.found.add(
          kind.name, row.id,
          image_hash(sealed_before ? overlay(row.image, names, *sealed_before) : row.image, bytes));
  });
  // Records whose latest audit record shows them but which are no longer there.
  seqs.each([&](std::int64_t id, std::int64_t latest) {
    if (id < std::ssize(present) && present[id]) return;
    if (audit_text(db, "audit_after_at", latest))
      problems.push_back(fmt::format("{}: it is missing, deleted without an audit record (its latest is {})",
                                     model::format_id(kind.entity, id), latest));
  });
}

}  // namespace

std::vector<std::string> record_problems(Database& db) try {
  std::vector<std::string> problems;
  auto seals = read_seals(db, problems);
  for (const auto& kind : record_kinds()) check_kind(db, kind, seals, problems);
  for (auto& [group, seal] : seals) compare_chunks(db, group, seal, problems);
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

}  // namespace ics::store
