#include <ics/util/date_format.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ics::util::Date;
using ics::util::DateFormat;

TEST_CASE("a date format read once answers as Date::parse does") {
  // Fixed-width formats take the fast path; the others go to Date::parse. Either way the answer
  // must be Date::parse's, for good dates, impossible ones and text that is not a date at all.
  const std::vector<std::string> formats = {"%d/%m/%Y",     "%Y-%m-%d",   "%d.%m.%y", "%m/%d/%Y",
                                            "%Y%m%d",       "%-d/%-m/%Y", "%e %b %Y", "%d %B %Y",
                                            "day %d/%m/%Y", "%d/%m/%Y%"};
  const std::vector<std::string> texts = {
      "04/03/2020", "2020-03-04",  "04.03.20",      "04.03.75",       "03/04/2020",  "20200304",
      "4/3/2020",   "4 Mar 2020",  "04 March 2020", "day 04/03/2020", "04/03/2020%", "31/02/2020",
      "29/02/2024", "29/02/2023",  "00/01/2020",    "01/13/2020",     "01/01/0000",  "4/03/2020",
      "04/3/2020",  "04/03/20201", "04-03-2020",    "o4/03/2020",     "04/03/202x",  "",
      "N/K",        "2020-3-4",    "2020-03-04 ",   "dax 04/03/2020"};
  for (const auto& format : formats) {
    DateFormat reader(format);
    CHECK(reader.text() == format);
    for (const auto& text : texts) {
      CAPTURE(format);
      CAPTURE(text);
      CHECK(reader.parse(text) == Date::parse(text, format));
    }
  }
}

TEST_CASE("a fixed-width date format reads its numbers where they stand") {
  CHECK(DateFormat("%d/%m/%Y").parse("31/12/1999") == Date(1999, 12, 31));
  CHECK(DateFormat("%Y%m%d").parse("20240229") == Date(2024, 2, 29));
  CHECK(DateFormat("%d.%m.%y").parse("01.02.69") == Date(2069, 2, 1));
  CHECK(DateFormat("%d.%m.%y").parse("01.02.70") == Date(1970, 2, 1));
  CHECK_FALSE(DateFormat("%d/%m/%Y").parse("31/04/2020"));  // April has 30 days
  CHECK_FALSE(DateFormat("%d/%m/%Y").parse("1/04/2020"));
  CHECK_FALSE(DateFormat("%d/%m/%Y").parse("01-04-2020"));  // a literal that does not match
}
