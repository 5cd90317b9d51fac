#pragma once
// The audit trail as a hash chain (git's commits, certificate transparency's log are the models):
// every audit record carries the hash of its predecessor and the hash of its own content, so that
// rewriting, inserting or deleting a past record breaks the chain from that record on. What is
// hashed is defined here, once: audit_record_hash.
#include <ics/api.hpp>
#include <ics/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// One audit record, as the chain sees it.
struct AuditRecord {
  std::int64_t seq = 0;
  std::string at, actor, command;
  std::optional<std::string> entity = {}, before = {}, after = {};
  std::string prev_hash = {};  // the previous record's hash; k_chain_genesis for the first record
};

// The prev_hash of the first record of a chain: 64 zeros.
inline const std::string k_chain_genesis(64, '0');

// SHA-256 (lower-case hex) of the record's content, which is the bytes
//   "icsctl-audit-v1\n" then, for each of seq (decimal), at, actor, command, entity, before, after
//   and prev_hash in that order, "-\n" when the field is null, else "<byte length>:<bytes>\n".
// The length prefixes make the encoding unambiguous whatever the fields hold.
std::string audit_record_hash(const AuditRecord& record);

// The chain's head: its last record's sequence and hash; none in a database without records.
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};
std::optional<ChainHead> chain_head(Database& db);

// Parses "SEQ:HASH" (as `audit head` prints it); throws InvalidInput naming `field` otherwise.
ChainHead parse_chain_head(const std::string& text, std::string_view field);

// Recomputes the whole chain; one line per record whose stored hashes do not match its content or
// its predecessor, e.g. "audit record 12 (P3) was rewritten: its content does not match its hash".
// With `expected`, also that the record at expected.seq still has expected.hash (a chain rebuilt
// after the head was kept elsewhere).
std::vector<std::string> chain_problems(Database& db, const std::optional<ChainHead>& expected);

// chain_problems in pieces, for checking on several connections and threads at once (db check):
// chain_pieces cuts the chain into about `count` ranges of seq (the last open-ended);
// chain_problems_in checks one, its first record against the hash of the record before it;
// head_problems checks `expected`. Their problems, in this order, are chain_problems'.
struct ChainPiece {
  std::int64_t from = 1, to = 0;
};
std::vector<ChainPiece> chain_pieces(Database& db, int count);
std::vector<std::string> chain_problems_in(Database& db, const ChainPiece& piece);
std::vector<std::string> head_problems(Database& db, const ChainHead& expected);

}  // namespace ics::store
ICS_API_END
