#include <doctest/doctest.h>
#include <ics/util/text.hpp>

#include <string>

using ics::util::first_invalid_utf8;

TEST_CASE("utf-8: the first invalid byte, wherever it falls among runs of ASCII") {
  CHECK_FALSE(first_invalid_utf8(""));
  CHECK_FALSE(first_invalid_utf8("Ó Briain, Zoë: 12345678901234567890"));
  CHECK_FALSE(first_invalid_utf8("0123456789abcdef\xF0\x9F\x98\x80"));  // a 4-byte character after 16 ASCII
  for (std::size_t at = 0; at < 20; ++at) {  // before, inside and after whole 8-byte words
    std::string text(20, 'a');
    text[at] = '\xFF';
    CHECK(first_invalid_utf8(text) == at);
  }
  CHECK(first_invalid_utf8("abcdefghij\xC3") == 10u);             // truncated at the end
  CHECK(first_invalid_utf8("abcdefghij\xC0\xAF") == 10u);         // overlong '/'
  CHECK(first_invalid_utf8("abcdefghij\xED\xA0\x80xyz") == 10u);  // a UTF-16 surrogate
  CHECK(first_invalid_utf8("abcdefgh\xC3\xA9"
                           "abcdefgh\x80") == 18u);  // a stray continuation byte
}

TEST_CASE("trim: spaces, tabs and line ends at either end, nothing else") {
  using ics::util::trim;
  CHECK(trim("") == "");
  CHECK(trim(" \t\r\n") == "");
  CHECK(trim("abc") == "abc");
  CHECK(trim("  a b \r\n") == "a b");
  CHECK(trim("\tx") == "x");
  CHECK(trim("x\n") == "x");
  CHECK(trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // a no-break space is text
  CHECK(trim(std::string_view("\0x\0", 3)) == std::string_view("\0x\0", 3));
}
