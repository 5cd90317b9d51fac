#include <doctest/doctest.h>
#include <ics/util/sha256.hpp>

#include <string>

using ics::util::Sha256;
using ics::util::sha256_hex;

TEST_CASE("SHA-256 known vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string_view("a\0b", 3)) != sha256_hex("ab"));
}

TEST_CASE("incremental SHA-256 equals the one-shot digest") {
  Sha256 hash;
  CHECK(hash.hex_digest() == sha256_hex(""));
  hash.update("a");
  hash.update("");
  hash.update("bc");
  CHECK(hash.hex_digest() == sha256_hex("abc"));
  CHECK(hash.hex_digest() == sha256_hex("abc"));  // asking twice changes nothing
  hash.update("d");
  CHECK(hash.hex_digest() == sha256_hex("abcd"));

  std::string million(1'000'000, 'a');
  Sha256 chunks;
  for (size_t i = 0; i < million.size(); i += 4099) chunks.update(std::string_view(million).substr(i, 4099));
  CHECK(chunks.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

  Sha256 moved = std::move(chunks);
  CHECK(moved.hex_digest() == sha256_hex(million));
}
