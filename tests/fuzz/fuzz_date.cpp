// Dates and date formats (util/date, util/date_format). The input's first line is a format, the rest
// a text (no line break: the whole input is the text, with the ISO format). Properties: nothing
// throws; DateFormat reads exactly what Date::parse reads (its documented promise, for fixed-width
// and other formats alike); a strict ISO date prints back as the very text read; every date read
// prints as ISO and reads back as itself, and moving it by days and months stays consistent.
#include "fuzz_support.hpp"

#include <ics/util/date.hpp>
#include <ics/util/date_format.hpp>

#include <string>

namespace {

using ics::util::Date;

void check_date(Date date) {
  FUZZ_EXPECT(Date::parse_iso(date.iso()) == date);
  FUZZ_EXPECT(Date::from_ymd(date.year(), date.month(), date.day()) == date);
  FUZZ_EXPECT(date.iso_weekday() >= 1 && date.iso_weekday() <= 7);
  FUZZ_EXPECT(date.plus_days(400).days_until(date) == -400);
  const Date later = date.plus_months(13);
  FUZZ_EXPECT(later > date);
  FUZZ_EXPECT(later.day() <= date.day());
  FUZZ_EXPECT(date.plus_months(-13) < date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = ics::fuzz::as_text(data, size);
  const std::size_t newline = input.find('\n');
  const std::string_view format = newline == std::string_view::npos ? "%Y-%m-%d" : input.substr(0, newline);
  const std::string_view text = newline == std::string_view::npos ? input : input.substr(newline + 1);
  try {
    const auto parsed = Date::parse(text, format);
    const ics::util::DateFormat prepared{std::string(format)};
    FUZZ_EXPECT(prepared.text() == format);
    FUZZ_EXPECT(prepared.parse(text) == parsed);
    if (parsed) check_date(*parsed);
    if (const auto iso = Date::parse_iso(text)) {
      FUZZ_EXPECT(iso->iso() == text);
      check_date(*iso);
    }
    try {
      FUZZ_EXPECT(ics::util::parse_iso_or_throw(text, "date").iso() == text);
    } catch (const ics::InvalidInput& e) {
      FUZZ_EXPECT(!Date::parse_iso(text));
      FUZZ_EXPECT(e.field() == "date");
      ics::fuzz::expect_printable(e);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
