// An import batch's digest (store/batch_digest.hpp) and the thread that hashes an import's rows
// beside it (store/row_hasher.hpp).
#include <ics/store/batch_digest.hpp>
#include <ics/store/row_hasher.hpp>
#include <ics/store/row_hashes.hpp>
#include <ics/util/sha256.hpp>

#include <doctest/doctest.h>

#include <string>

using ics::store::append_image_value;
using ics::util::sha256_bytes;

TEST_CASE("a row's image frames each value with its length, a null as '-'") {
  std::string bytes;
  append_image_value(bytes, "C12");
  append_image_value(bytes, std::nullopt);
  append_image_value(bytes, "");
  append_image_value(bytes, "a\nb");
  CHECK(bytes == "3:C12\n-\n0:\n3:a\nb\n");
}

TEST_CASE("a chunk's digest is SHA-256 over its rows' hashes in id order; chunks are 1024 ids") {
  ics::store::GroupDigest digest;
  auto a = sha256_bytes("a"), b = sha256_bytes("b"), c = sha256_bytes("c");
  digest.add("child", 1, a);
  digest.add("child", 1023, b);
  digest.add("child", 1024, c);
  digest.add("plan", 5, c);
  auto lines = digest.lines();
  REQUIRE(lines.size() == 3);
  ics::util::Sha256 first;
  first.update(a);
  first.update(b);
  CHECK(lines[0].kind == "child");
  CHECK(lines[0].chunk == 0);
  CHECK(lines[0].rows == 2);
  CHECK(lines[0].sha256 == first.hex_digest());
  CHECK(lines[1].chunk == 1);
  CHECK(lines[1].rows == 1);
  CHECK(lines[2].kind == "plan");
  auto swapped = ics::store::GroupDigest();
  swapped.add("child", 1, b);
  swapped.add("child", 1023, a);
  CHECK(swapped.lines()[0].sha256 != lines[0].sha256);  // the order of the rows counts
  CHECK(ics::store::digest_of(lines) ==
        ics::util::sha256_hex("child 0 2 " + lines[0].sha256 + "\nchild 1 1 " + lines[1].sha256 +
                              "\nplan 0 1 " + lines[2].sha256 + "\n"));
}

TEST_CASE("the row hasher hashes every row, each kind's in the order given, across many blocks") {
  std::vector<std::vector<std::pair<std::int64_t, ics::util::Sha256Digest>>> hashes(3);
  ics::store::RowHasher hasher([&](std::size_t kind, std::int64_t id, const ics::util::Sha256Digest& hash) {
    hashes.at(kind).emplace_back(id, hash);
  });
  const int rows = 5000;  // several blocks of 1024
  for (int i = 0; i < rows; ++i) {
    auto text = "row " + std::to_string(i);
    hasher.wrote(ics::store::write_image_value(hasher.room(ics::store::image_value_room(text)), text));
    hasher.end_row(static_cast<std::size_t>(i % 2), i);
  }
  hasher.finish();
  CHECK(hashes[2].empty());
  for (std::size_t kind = 0; kind < 2; ++kind) {
    REQUIRE(hashes[kind].size() == rows / 2);
    for (std::size_t i = 0; i < hashes[kind].size(); ++i) {
      auto id = static_cast<int>(2 * i + kind);
      CHECK(hashes[kind][i].first == id);
      std::string bytes;
      append_image_value(bytes, "row " + std::to_string(id));
      CHECK(hashes[kind][i].second == sha256_bytes(bytes));
    }
  }
}

TEST_CASE("a row hasher given up on (an import that fails) stops without hashing the rest") {
  std::size_t kept = 0;
  auto hasher = std::make_unique<ics::store::RowHasher>(
      [&](std::size_t, std::int64_t, const ics::util::Sha256Digest&) { ++kept; });
  for (int i = 0; i < 3000; ++i) {
    hasher->wrote(ics::store::write_image_value(hasher->room(3), "x"));
    hasher->end_row(0, i);
  }
  CHECK_NOTHROW(hasher.reset());  // joins the thread: a hang fails the test by its timeout
  CHECK(kept < 3000);
}

TEST_CASE("rows' hashes kept by id give the chunks of the same rows added in id order") {
  auto hash_of = [](std::int64_t id) { return sha256_bytes("row " + std::to_string(id)); };
  ics::store::RowHashes kept;
  ics::store::GroupDigest expected;
  // Set out of order, across three chunks with a gap, one row set twice and one erased.
  for (std::int64_t id : {2050, 5, 1023, 1024, 4, 5000, 7}) kept.set(id, hash_of(id + 1));
  kept.set(1023, hash_of(1023));
  for (std::int64_t id : {2050, 5, 1024, 4, 5000, 7}) kept.set(id, hash_of(id));
  kept.erase(7);
  kept.erase(99999);  // never kept: nothing happens
  CHECK(kept.size() == 6);
  for (std::int64_t id : {4, 5, 1023, 1024, 2050, 5000}) expected.add("plan", id, hash_of(id));
  ics::store::GroupDigest got;
  kept.add_to(got, "plan");
  REQUIRE(got.lines().size() == 4);
  CHECK(got.lines()[0].rows == 3);
  CHECK(ics::store::digest_of(got.lines()) == ics::store::digest_of(expected.lines()));
}

TEST_CASE("an image's values read back from its bytes, a value cut short ending them") {
  std::string bytes;
  for (auto v : {std::optional<std::string_view>("P7"), std::optional<std::string_view>(),
                 std::optional<std::string_view>(""), std::optional<std::string_view>("12:\n-\n")})
    append_image_value(bytes, v);
  auto values = ics::store::image_values(bytes);
  REQUIRE(values.size() == 4);
  CHECK(values[0] == "P7");
  CHECK_FALSE(values[1]);
  CHECK(values[2] == "");
  CHECK(values[3] == "12:\n-\n");  // what a value holds is not read as framing
  CHECK(ics::store::image_values(bytes.substr(0, bytes.size() - 2)).size() == 3);
  CHECK(ics::store::image_values("9:abc\n").empty());
}
