#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/fast_rows.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>

namespace ics::store {

namespace {

using Field = std::optional<std::string_view>;

// An audit record's fields as the hash covers them, viewed where they are (a record, or the row a
// statement is on).
struct HashedFields {
  std::int64_t seq = 0;
  std::string_view at, actor, command;
  Field entity, before, after;
  std::string_view prev_hash;
};

void append_field(std::string& bytes, Field value) {
  if (!value) {
    bytes += "-\n";
    return;
  }
  char size[24];
  auto end = std::to_chars(size, size + sizeof size, value->size()).ptr;
  bytes.append(size, end);
  bytes += ':';
  bytes.append(*value);
  bytes += '\n';
}

// The bytes audit_record_hash hashes (audit_chain.hpp), into `bytes`.
void frame_record(std::string& bytes, const HashedFields& r) {
  bytes.assign("icsctl-audit-v1\n");
  char seq[24];
  append_field(bytes, std::string_view(seq, std::to_chars(seq, seq + sizeof seq, r.seq).ptr));
  for (Field f :
       {Field(r.at), Field(r.actor), Field(r.command), r.entity, r.before, r.after, Field(r.prev_hash)})
    append_field(bytes, f);
}

Field optional_view(const std::optional<std::string>& value) {
  return value ? Field(*value) : std::nullopt;
}

bool same_hex(const util::Sha256Digest& digest, std::string_view hex) {
  static constexpr char k_digits[] = "0123456789abcdef";
  if (hex.size() != 2 * digest.size()) return false;
  for (std::size_t i = 0; i < digest.size(); ++i)
    if (hex[2 * i] != k_digits[digest[i] >> 4] || hex[2 * i + 1] != k_digits[digest[i] & 0x0f]) return false;
  return true;
}

AuditRecord record_of(SQLite::Statement& q) {
  AuditRecord r;
  r.seq = q.getColumn(0).getInt64();
  r.at = q.getColumn(1).getString();
  r.actor = q.getColumn(2).getString();
  r.command = q.getColumn(3).getString();
  r.entity = optional_string(q.getColumn(4));
  r.before = optional_string(q.getColumn(5));
  r.after = optional_string(q.getColumn(6));
  return r;
}

bool is_hex_hash(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string audit_record_hash(const AuditRecord& record) {
  std::string bytes;
  frame_record(bytes, {record.seq, record.at, record.actor, record.command, optional_view(record.entity),
                       optional_view(record.before), optional_view(record.after), record.prev_hash});
  return util::sha256_hex(bytes);
}

std::optional<ChainHead> chain_head(Database& db) {
  auto& q = statement(db, "audit_head");
  if (!step(q)) return std::nullopt;
  ChainHead head{q.getColumn(0).getInt64(), q.getColumn(1).isNull() ? "" : q.getColumn(1).getString()};
  q.tryReset();  // ends its read: a later one sees later writes
  return head;
}

ChainHead parse_chain_head(const std::string& text, std::string_view field) {
  auto colon = text.find(':');
  ChainHead head;
  if (colon != std::string::npos) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + colon, head.seq);
    head.hash = text.substr(colon + 1);
    if (ec == std::errc() && end == text.data() + colon && head.seq > 0 && is_hex_hash(head.hash))
      return head;
  }
  throw InvalidInput(std::string(field), text,
                     "is not a chain head: SEQ:HASH, a sequence number and 64 lower-case hex digits, as "
                     "'icsctl audit head' prints them");
}

std::string append_audit_record(Database& db, AuditRecord record) try {
  auto head = chain_head(db);
  record.seq = head ? head->seq + 1 : 1;
  record.prev_hash = head && !head->hash.empty() ? head->hash : k_chain_genesis;
  auto hash = audit_record_hash(record);
  auto& q = statement(db, "insert_audit_chained");
  q.bind(1, record.seq);
  q.bind(2, record.at);
  q.bind(3, record.actor);
  q.bind(4, record.command);
  bind_optional(q, 5, record.entity);
  bind_optional(q, 6, record.before);
  bind_optional(q, 7, record.after);
  q.bind(8, record.prev_hash);
  q.bind(9, hash);
  exec(q);
  return hash;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void seal_audit_chain(Database& db) try {
  constexpr std::int64_t k_records = 8192;  // read at a time: memory stays bounded
  std::vector<AuditRecord> unsealed;
  std::optional<std::string> prev;
  std::int64_t after = 0;
  do {
    unsealed.clear();
    auto& q = statement(db, "audit_unsealed");
    q.bind(1, after);
    q.bind(2, k_records);
    while (step(q)) unsealed.push_back(record_of(q));
    q.tryReset();
    if (!unsealed.empty() && !prev) {
      prev = k_chain_genesis;
      auto& last = statement(db, "audit_hash_at");
      last.bind(1, unsealed.front().seq - 1);
      if (step(last) && !last.getColumn(0).isNull()) prev = last.getColumn(0).getString();
      last.tryReset();
    }
    for (auto& record : unsealed) {
      record.prev_hash = *prev;
      prev = audit_record_hash(record);
      auto& seal = statement(db, "audit_seal");
      seal.bind(1, record.seq);
      seal.bind(2, record.prev_hash);
      seal.bind(3, *prev);
      exec(seal);
      after = record.seq;
    }
  } while (!unsealed.empty());
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<ChainPiece> chain_pieces(Database& db, int count) try {
  auto head = chain_head(db);
  const std::int64_t last = head ? head->seq : 0, size = last / std::max(count, 1) + 1;
  std::vector<ChainPiece> pieces;
  for (std::int64_t from = 1; from <= last; from += size) pieces.push_back({from, from + size - 1});
  if (pieces.empty()) pieces.push_back({1, 0});
  pieces.back().to = std::numeric_limits<std::int64_t>::max();  // and any record added since
  return pieces;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> chain_problems_in(Database& db, const ChainPiece& piece) try {
  std::vector<std::string> problems;
  std::string prev = k_chain_genesis;
  std::int64_t last_seq = 0;
  {
    FastRows before(db, "audit_record_before");
    before.bind(1, piece.from);
    if (before.step()) {
      last_seq = before.integer(0);
      prev.assign(before.text(1).value_or(""));
    }
  }
  std::string bytes;
  // Each record is framed and hashed from SQLite's text in place: nothing copied but the hash.
  FastRows q(db, "audit_chain_between");
  q.bind(1, piece.from);
  q.bind(2, piece.to);
  while (q.step()) {
    const std::int64_t seq = q.integer(0);
    auto stored_prev = q.text(7);
    auto stored_hash = q.text(8);
    auto named = [&] {
      auto entity = q.text(4);
      return entity ? fmt::format("audit record {} ({})", seq, *entity) : fmt::format("audit record {}", seq);
    };
    if (seq != last_seq + 1)
      problems.push_back(fmt::format("audit records {} to {} are missing", last_seq + 1, seq - 1));
    if (!stored_hash || !stored_prev) {
      problems.push_back(fmt::format("{} is not chained: it has no hash", named()));
    } else {
      if (*stored_prev != prev)
        problems.push_back(fmt::format(
            "{} does not follow its predecessor: it names {} as the previous hash, the chain has {}", named(),
            *stored_prev, prev));
      frame_record(bytes, {seq, q.text(1).value_or(""), q.text(2).value_or(""), q.text(3).value_or(""),
                           q.text(4), q.text(5), q.text(6), *stored_prev});
      if (!same_hex(util::sha256_bytes(bytes), *stored_hash))
        problems.push_back(
            fmt::format("{} was rewritten: its content does not match its hash {}", named(), *stored_hash));
    }
    prev.assign(stored_hash.value_or(""));
    last_seq = seq;
  }
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> head_problems(Database& db, const ChainHead& expected) try {
  std::vector<std::string> problems;
  std::optional<std::string> hash_at_expected;
  {
    FastRows q(db, "audit_hash_at");
    q.bind(1, expected.seq);
    if (q.step()) hash_at_expected = std::string(q.text(0).value_or(""));
  }
  if (!hash_at_expected) {
    auto head = chain_head(db);
    problems.push_back(fmt::format("audit record {} of the head given is missing: the chain ends at {}",
                                   expected.seq, head ? head->seq : 0));
  } else if (*hash_at_expected != expected.hash) {
    problems.push_back(
        fmt::format("audit record {} has hash {}, not {} as the head given: the chain up to it was rewritten",
                    expected.seq, *hash_at_expected, expected.hash));
  }
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

std::vector<std::string> chain_problems(Database& db, const std::optional<ChainHead>& expected) {
  auto problems = chain_problems_in(db, chain_pieces(db, 1).front());
  if (expected)
    for (auto& p : head_problems(db, *expected)) problems.push_back(std::move(p));
  return problems;
}

}  // namespace ics::store
