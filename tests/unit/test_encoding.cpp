#include <doctest/doctest.h>
#include <ics/io/register/input.hpp>
#include <ics/util/encoding.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>
#include <ics/util/text.hpp>

#include <sstream>

using ics::util::Encoding;

TEST_CASE("encoding: names") {
  CHECK(ics::util::parse_encoding("utf-8") == Encoding::utf8);
  CHECK(ics::util::parse_encoding("UTF8") == Encoding::utf8);
  CHECK(ics::util::parse_encoding("windows-1252") == Encoding::windows_1252);
  CHECK(ics::util::parse_encoding("CP1252") == Encoding::windows_1252);
  CHECK_FALSE(ics::util::parse_encoding("latin-1"));
  CHECK(ics::util::encoding_name(Encoding::windows_1252) == "windows-1252");
}

TEST_CASE("encoding: windows-1252 to UTF-8") {
  using ics::util::windows_1252_to_utf8;
  CHECK(windows_1252_to_utf8("Zo\xEB") == "Zo\xC3\xAB");                                      // Zoë
  CHECK(windows_1252_to_utf8("\xD3 Briain") == "\xC3\x93 Briain");                            // Ó Briain
  CHECK(windows_1252_to_utf8("\x80 \x93x\x94") == "\xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");  // € “x”
  CHECK(windows_1252_to_utf8("\x81") == "\xC2\x81");  // undefined in 1252: the C1 control
  CHECK(windows_1252_to_utf8("plain, ascii\r\n") == "plain, ascii\r\n");
  std::string every;
  for (int b = 0; b < 256; ++b) every += static_cast<char>(b);
  CHECK(ics::util::is_valid_utf8(windows_1252_to_utf8(every)));
}

TEST_CASE("encoding: byte order mark") {
  CHECK(ics::util::starts_with_utf8_bom("\xEF\xBB\xBFname"));
  CHECK_FALSE(ics::util::starts_with_utf8_bom("\xEF\xBB"));
  CHECK_FALSE(ics::util::starts_with_utf8_bom("name"));
}

namespace {
std::vector<std::vector<std::string>> records(const std::string& bytes, Encoding encoding,
                                              std::string* hash = nullptr,
                                              std::vector<long>* lines = nullptr) {
  std::istringstream in(bytes);
  ics::util::Sha256 sha;
  ics::io::ExportReader reader(in, encoding, &sha);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(reader.line());
  }
  CHECK(reader.bytes_read() == static_cast<long long>(bytes.size()));
  if (hash) *hash = sha.hex_digest();
  return out;
}
}  // namespace

TEST_CASE("export reader: windows-1252 arrives as UTF-8, hashed as the file is") {
  std::string bytes = "surname,forenames\r\n\xD3 Briain,Zo\xEB\r\n";
  std::string hash;
  auto rows = records(bytes, Encoding::windows_1252, &hash);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1] == std::vector<std::string>{"\xC3\x93 Briain", "Zo\xC3\xAB"});
  CHECK(hash == ics::util::sha256_hex(bytes));
}

TEST_CASE("export reader: a UTF-8 byte order mark is dropped, blank records skipped") {
  std::vector<long> lines;
  auto rows = records("\xEF\xBB\xBFref,name\n\nA1,\"x\ny\"\n , \nA2,z\n", Encoding::utf8, nullptr, &lines);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][0] == "ref");
  CHECK(rows[1][1] == "x\ny");
  CHECK(rows[2][0] == "A2");
  CHECK(lines == std::vector<long>{1, 3, 6});
}

TEST_CASE("export reader: a windows-1252 mapping refuses a file with a UTF-8 byte order mark") {
  std::istringstream in("\xEF\xBB\xBFref\nA\n");
  CHECK_THROWS_AS(ics::io::ExportReader(in, Encoding::windows_1252), ics::InvalidInput);
}

TEST_CASE("export reader: large windows-1252 input across buffer boundaries") {
  std::string bytes = "name\n";
  for (int i = 0; i < 20000; ++i) bytes += "Zo\xEB\n";
  auto rows = records(bytes, Encoding::windows_1252);
  REQUIRE(rows.size() == 20001);
  CHECK(rows.back()[0] == "Zo\xC3\xAB");
}
