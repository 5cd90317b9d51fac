// The audit trail's hash chain (store/audit_chain.hpp): what is hashed, the head, and the checks.
#include "scratch_db.hpp"

#include <ics/store/audit_chain.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <vector>

using ics::store::AuditRecord;

TEST_CASE("an audit record's hash is SHA-256 over its length-prefixed fields and its predecessor") {
  AuditRecord r{.seq = 7,
                .at = "2026-01-01T00:00:00Z",
                .actor = "ann",
                .command = "add-child",
                .entity = "C1",
                .before = std::nullopt,
                .after = R"({"a":1})",
                .prev_hash = std::string(64, 'a')};
  std::string bytes =
      "icsctl-audit-v1\n1:7\n20:2026-01-01T00:00:00Z\n3:ann\n9:add-child\n2:C1\n-\n7:{\"a\":1}\n64:" +
      std::string(64, 'a') + "\n";
  CHECK(ics::store::audit_record_hash(r) == ics::util::sha256_hex(bytes));
  auto other = r;
  other.before = "";  // an empty image is not a missing one
  CHECK(ics::store::audit_record_hash(other) != ics::store::audit_record_hash(r));
  other = r;
  other.actor = "an";  // the length prefixes keep fields from running into each other
  other.command = "nadd-child";
  CHECK(ics::store::audit_record_hash(other) != ics::store::audit_record_hash(r));
}

TEST_CASE("chain heads parse as SEQ:HASH and nothing else") {
  auto head = ics::store::parse_chain_head("12:" + std::string(64, 'f'), "--head");
  CHECK(head.seq == 12);
  CHECK(head.hash == std::string(64, 'f'));
  for (const std::string& bad :
       std::vector<std::string>{"12", ":abc", "x:" + std::string(64, 'f'), "12:" + std::string(63, 'f'),
                                "0:" + std::string(64, 'f'), "12:" + std::string(64, 'F')})
    CHECK_THROWS_AS(ics::store::parse_chain_head(bad, "--head"), ics::InvalidInput);
}

TEST_CASE("every audit record is chained to the one before, and db check finds a rewrite") {
  ics_test::ScratchDb s;
  {
    ics::store::WriteTransaction tx(*s.db, s.context("add-child"));
    tx.audit("C1", std::nullopt, R"({"child_id":"C1"})");
    tx.audit("C2", std::nullopt, R"({"child_id":"C2"})");
    tx.commit();
  }
  auto head = ics::store::chain_head(*s.db);
  REQUIRE(head);
  CHECK(ics::store::chain_problems(*s.db, head).empty());
  SQLite::Database raw((s.dir / "ics.db").string(), SQLite::OPEN_READWRITE);
  SQLite::Statement q(raw, "SELECT count(*) FROM audit WHERE hash IS NULL OR prev_hash IS NULL");
  q.executeStep();
  CHECK(q.getColumn(0).getInt() == 0);
  raw.exec(
      "INSERT OR REPLACE INTO audit (seq, at, actor, command, entity, before, after, prev_hash, hash) "
      "SELECT seq, at, 'mallory', command, entity, before, after, prev_hash, hash FROM audit WHERE entity = "
      "'C1'");
  auto problems = ics::store::chain_problems(*s.db, std::nullopt);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("(C1) was rewritten") != std::string::npos);
}

TEST_CASE("the chain checked in pieces finds what it finds whole, in the same order") {
  ics_test::ScratchDb s;
  {
    ics::store::WriteTransaction tx(*s.db, s.context("add-child"));
    for (int i = 1; i <= 9; ++i)
      tx.audit(fmt::format("C{}", i), std::nullopt, fmt::format(R"({{"child_id":"C{}"}})", i));
    tx.commit();
  }
  auto head = ics::store::chain_head(*s.db);
  REQUIRE(head);
  SQLite::Database raw((s.dir / "ics.db").string(), SQLite::OPEN_READWRITE);
  raw.exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
  // a record rewritten, one deleted, one whose prev_hash names another: each at a piece's edge or inside
  raw.exec("UPDATE audit SET actor = 'mallory' WHERE entity = 'C3'");
  raw.exec("DELETE FROM audit WHERE entity = 'C6'");
  raw.exec("UPDATE audit SET prev_hash = (SELECT hash FROM audit WHERE entity = 'C1') WHERE entity = 'C8'");
  auto whole = ics::store::chain_problems(*s.db, head);
  CHECK(whole.size() >= 4);
  for (int count : {1, 2, 3, 4, 7, 20}) {
    CAPTURE(count);
    auto pieces = ics::store::chain_pieces(*s.db, count);
    CHECK(pieces.front().from == 1);
    for (size_t i = 1; i < pieces.size(); ++i) CHECK(pieces[i].from == pieces[i - 1].to + 1);
    std::vector<std::string> found;
    for (const auto& piece : pieces)
      for (auto& p : ics::store::chain_problems_in(*s.db, piece)) found.push_back(p);
    for (auto& p : ics::store::head_problems(*s.db, *head)) found.push_back(p);
    CHECK(found == whole);
  }
}
