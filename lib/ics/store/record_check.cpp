#include <ics/model/identifiers.hpp>
#include <ics/store/checked_rows.hpp>
#include <ics/store/fast_rows.hpp>
#include <ics/store/plain_image.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/record_check.hpp>
#include <ics/store/sqlite.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
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

std::string quoted(const TextView& t) {
  return t ? fmt::format("'{}'", *t) : "null";
}

// The row's image with an audit image's values over it (keys the audit image lacks keep the row's).
std::vector<Text> overlay(const std::vector<TextView>& image, const std::vector<std::string>& names,
                          std::string_view audited_text) {
  auto audited = nlohmann::json::parse(audited_text.begin(), audited_text.end(), nullptr, false);
  std::vector<Text> out;
  out.reserve(image.size());
  for (const auto& v : image) out.push_back(v ? Text(*v) : std::nullopt);
  for (size_t i = 0; i < names.size(); ++i)
    if (audited.is_object() && audited.contains(names[i])) out[i] = json_text(audited[names[i]]);
  return out;
}

// What differs between a record and the `after` image of its latest audit record; empty if nothing.
std::string difference(const CheckedRow& row, const std::vector<std::string>& names, std::string_view after) {
  if (plainly_matches(after, names, row.image)) return {};
  auto expected = overlay(row.image, names, after);
  std::string diff;
  for (size_t i = 0; i < names.size(); ++i)
    if (expected[i] != row.image[i])
      diff += fmt::format("{}{} is {}, audit record {} has {}", diff.empty() ? "" : "; ", names[i],
                          quoted(row.image[i]), row.latest_seq,
                          quoted(expected[i] ? TextView(*expected[i]) : std::nullopt));
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

// The `after` of audit records by seq, read on along the table: a record's latest audit record is
// mostly a little after the record before's (an import writes its rows and their audit records in
// the same order), so the cursor steps on to it rather than seeking it (millions of seeks).
class AfterCursor {
 public:
  explicit AfterCursor(Database& db) : m_q(db, "audit_afters_from") {}

  // Whether there is an audit record `seq`; `after` gets its after (none: null), valid until the
  // next call.
  bool at(std::int64_t seq, TextView& after) {
    if (!m_on || seq < m_seq || seq - m_seq > k_step_limit) {
      m_q.reset();
      m_q.bind(1, seq);
      next();
    }
    while (m_on && m_seq < seq) next();
    if (!m_on || m_seq != seq) return false;
    after = m_q.text(1);
    return true;
  }

 private:
  static constexpr std::int64_t k_step_limit = 32;  // records stepped over rather than a seek
  void next() {
    m_on = m_q.step();
    if (m_on) m_seq = m_q.integer(0);
  }
  FastRows m_q;
  bool m_on = false;
  std::int64_t m_seq = 0;
};

std::string group_name(std::int64_t group) {
  return group ? model::format_id(model::EntityKind::batch, group)
               : std::string("the records the chain's migration found unaudited");
}

// A sealed group (an import batch; 0: the records the chain's migration found unaudited).
struct Seal {
  std::int64_t audit_seq = 0;
  std::string sha256;
};
using Seals = std::map<std::int64_t, Seal>;
// The digests of each sealed group's rows as they are now (a kind's, or every kind's).
using FoundDigests = std::map<std::int64_t, GroupDigest>;

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
    seals[group] = Seal{q.getColumn(1).getInt64(), sha};
  }
  q.tryReset();
  return seals;
}

// Compares the chunks a group's rows give now (`found`) with those sealed.
void compare_chunks(Database& db, std::int64_t group, const Seal& seal, const std::vector<ChunkLine>& found,
                    std::vector<std::string>& problems) {
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
  for (auto& l : found) now[{l.kind, l.chunk}] = l;
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
void check_kind_rows(Database& db, const Kind& kind, const Seals& seals, FoundDigests& found,
                     std::vector<std::string>& problems) {
  const auto seqs = audit_seqs(db, kind);
  std::vector<std::string> names;
  std::string bytes;
  std::vector<bool> present;
  AfterCursor afters(db);
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
      TextView after;
      if (!afters.at(row.latest_seq, after) || !after)
        problems.push_back(
            fmt::format("{}: audit record {} shows it deleted, yet it is there", id(), row.latest_seq));
      else if (auto diff = difference(row, names, *after); !diff.empty())
        problems.push_back(fmt::format("{}: {}", id(), diff));
    } else if (!member) {
      problems.push_back(fmt::format("{}: it has no audit record and no sealed import batch", id()));
    }
    if (member)
      found[row.group].add(kind.name, row.id,
                           sealed_before
                               ? image_hash(views_of(overlay(row.image, names, *sealed_before)), bytes)
                               : image_hash(row.image, bytes));
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

struct RecordCheck::State {
  Seals seals;
  std::vector<std::string> seal_problems;
  std::vector<std::vector<std::string>> kind_problems = std::vector<std::vector<std::string>>(kind_count());
  std::vector<FoundDigests> found = std::vector<FoundDigests>(kind_count());
};

RecordCheck::RecordCheck(Database& db) try : m_state(std::make_unique<State>()) {
  m_state->seals = read_seals(db, m_state->seal_problems);
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

RecordCheck::~RecordCheck() = default;

std::size_t RecordCheck::kind_count() {
  return record_kinds().size();
}

std::vector<std::size_t> RecordCheck::kinds_largest_first(Database& db) const try {
  std::vector<std::pair<std::int64_t, std::size_t>> sizes;
  auto& q = statement(db, "record_kind_sizes");
  while (step(q)) {
    const auto& kind = kind_named(q.getColumn(0).getString());
    sizes.emplace_back(q.getColumn(1).getInt64(), static_cast<std::size_t>(&kind - record_kinds().data()));
  }
  q.tryReset();
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  std::vector<std::size_t> kinds;
  for (auto [size, kind] : sizes) kinds.push_back(kind);
  return kinds;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void RecordCheck::check_kind(Database& db, std::size_t kind) try {
  check_kind_rows(db, record_kinds()[kind], m_state->seals, m_state->found[kind],
                  m_state->kind_problems[kind]);
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> RecordCheck::problems(Database& db) try {
  auto problems = std::move(m_state->seal_problems);
  for (auto& more : m_state->kind_problems)
    for (auto& p : more) problems.push_back(std::move(p));
  for (const auto& [group, seal] : m_state->seals) {
    std::vector<ChunkLine> found;
    for (auto& kind : m_state->found)
      if (auto it = kind.find(group); it != kind.end())
        for (auto& line : it->second.lines()) found.push_back(std::move(line));
    compare_chunks(db, group, seal, found, problems);
  }
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> record_problems(Database& db) {
  RecordCheck check(db);
  for (std::size_t kind = 0; kind < RecordCheck::kind_count(); ++kind) check.check_kind(db, kind);
  return check.problems(db);
}

}  // namespace ics::store
