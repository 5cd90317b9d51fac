#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <charconv>

namespace ics::store {

namespace {

void add_field(util::Sha256& hash, const std::optional<std::string>& value) {
  if (!value) {
    hash.update("-\n");
    return;
  }
  hash.update(fmt::format("{}:", value->size()));
  hash.update(*value);
  hash.update("\n");
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

std::string named(const AuditRecord& r) {
  return r.entity ? fmt::format("audit record {} ({})", r.seq, *r.entity)
                  : fmt::format("audit record {}", r.seq);
}

bool is_hex_hash(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string audit_record_hash(const AuditRecord& record) {
  util::Sha256 hash;
  hash.update("icsctl-audit-v1\n");
  add_field(hash, std::to_string(record.seq));
  add_field(hash, record.at);
  add_field(hash, record.actor);
  add_field(hash, record.command);
  add_field(hash, record.entity);
  add_field(hash, record.before);
  add_field(hash, record.after);
  add_field(hash, record.prev_hash);
  return hash.hex_digest();
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

std::vector<std::string> chain_problems(Database& db, const std::optional<ChainHead>& expected) try {
  std::vector<std::string> problems;
  std::string prev = k_chain_genesis;
  std::optional<std::string> hash_at_expected;
  std::int64_t last_seq = 0;
  SQLite::Statement q(connection(db), named_query("audit_chain_all"));  // not cached: read once
  while (step(q)) {
    auto record = record_of(q);
    auto stored_prev = optional_string(q.getColumn(7));
    auto stored_hash = optional_string(q.getColumn(8));
    if (record.seq != last_seq + 1)
      problems.push_back(fmt::format("audit records {} to {} are missing", last_seq + 1, record.seq - 1));
    if (!stored_hash || !stored_prev) {
      problems.push_back(fmt::format("{} is not chained: it has no hash", named(record)));
    } else {
      if (*stored_prev != prev)
        problems.push_back(fmt::format(
            "{} does not follow its predecessor: it names {} as the previous hash, the chain has {}",
            named(record), *stored_prev, prev));
      record.prev_hash = *stored_prev;
      if (audit_record_hash(record) != *stored_hash)
        problems.push_back(fmt::format("{} was rewritten: its content does not match its hash {}",
                                       named(record), *stored_hash));
    }
    if (expected && record.seq == expected->seq) hash_at_expected = stored_hash.value_or("");
    prev = stored_hash.value_or("");
    last_seq = record.seq;
  }
  if (expected) {
    if (!hash_at_expected)
      problems.push_back(fmt::format("audit record {} of the head given is missing: the chain ends at {}",
                                     expected->seq, last_seq));
    else if (*hash_at_expected != expected->hash)
      problems.push_back(fmt::format(
          "audit record {} has hash {}, not {} as the head given: the chain up to it was rewritten",
          expected->seq, *hash_at_expected, expected->hash));
  }
  return problems;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

}  // namespace ics::store
