#include <ics/util/date.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace ics::util {

namespace chr = std::chrono;

namespace {

constexpr std::array<std::string_view, 12> k_month_names = {"january",   "february", "march",    "april",
                                                            "may",       "june",     "july",     "august",
                                                            "september", "october",  "november", "december"};

// Reads between `min` and `max` digits at `pos`; advances pos.
std::optional<int> read_number(std::string_view text, size_t& pos, size_t min, size_t max) {
  size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < max && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos - start < min) return std::nullopt;
  return value;
}

std::optional<int> read_month_name(std::string_view text, size_t& pos, bool full) {
  for (size_t m = 0; m < k_month_names.size(); ++m) {
    std::string_view name = full ? k_month_names[m] : k_month_names[m].substr(0, 3);
    if (text.size() - pos < name.size()) continue;
    bool match = true;
    for (size_t i = 0; i < name.size() && match; ++i)
      match = std::tolower(static_cast<unsigned char>(text[pos + i])) == name[i];
    if (match) {
      pos += name.size();
      return static_cast<int>(m + 1);
    }
  }
  return std::nullopt;
}

}  // namespace

Date::Date(int y, unsigned m, unsigned d) {
  auto date = from_ymd(y, m, d);
  if (!date) throw std::invalid_argument(fmt::format("no such date {}-{}-{}", y, m, d));
  m_days = date->m_days;
}

// By hand (days_from_civil, H. Hinnant's algorithm) rather than through year_month_day, whose
// checks and conversion took a tenth of a register import's reading thread (three dates a row).
std::optional<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  constexpr std::array<unsigned, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > k_days[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  int year = m <= 2 ? y - 1 : y;  // years from March, so that February's length comes last
  int era = year / 400;           // year >= 0 here
  int year_of_era = year - era * 400;
  int day_of_year = static_cast<int>((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
  int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return Date(chr::sys_days{chr::days{era * 146097 + day_of_era - 719468}});
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return parse(text, "%Y-%m-%d");
}

std::optional<Date> Date::parse(std::string_view text, std::string_view format) {
  int y = -1, m = -1, d = -1;
  size_t pos = 0;
  for (size_t f = 0; f < format.size(); ++f) {
    char c = format[f];
    if (c != '%' || f + 1 == format.size()) {
      if (pos >= text.size() || text[pos] != c) return std::nullopt;
      ++pos;
      continue;
    }
    std::optional<int> v;
    // %-d and %-m: the day or month with or without a leading zero (1/2/2020).
    bool unpadded = format[f + 1] == '-' && f + 2 < format.size();
    if (unpadded) ++f;
    switch (format[++f]) {
      case 'd':
        v = read_number(text, pos, unpadded ? 1 : 2, 2);
        if (v) d = *v;
        break;
      case 'e':
        v = read_number(text, pos, 1, 2);
        if (v) d = *v;
        break;
      case 'm':
        v = read_number(text, pos, unpadded ? 1 : 2, 2);
        if (v) m = *v;
        break;
      case 'Y':
        v = read_number(text, pos, 4, 4);
        if (v) y = *v;
        break;
      case 'y':
        v = read_number(text, pos, 2, 2);
        if (v) y = *v < 70 ? 2000 + *v : 1900 + *v;
        break;
      case 'b':
        v = read_month_name(text, pos, false);
        if (v) m = *v;
        break;
      case 'B':
        v = read_month_name(text, pos, true);
        if (v) m = *v;
        break;
      case '%':
        v = (pos < text.size() && text[pos] == '%') ? std::optional<int>(0) : std::nullopt;
        ++pos;
        break;
      default: return std::nullopt;
    }
    if (!v) return std::nullopt;
  }
  if (pos != text.size() || y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// Written digit by digit: a large import formats millions of dates, and fmt took a quarter of
// its writing thread's time.
bool Date::write_iso(char* out) const {
  chr::year_month_day ymd{m_days};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return false;
  auto month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  auto digit = [](unsigned n) { return static_cast<char>('0' + n % 10); };
  auto y = static_cast<unsigned>(year);
  const char text[10] = {digit(y / 1000),   digit(y / 100), digit(y / 10), digit(y),        '-',
                         digit(month / 10), digit(month),   '-',           digit(day / 10), digit(day)};
  std::memcpy(out, text, sizeof text);
  return true;
}

std::string Date::iso() const {
  std::string text(10, '\0');
  if (write_iso(text.data())) return text;
  chr::year_month_day ymd{m_days};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

int Date::year() const {
  return static_cast<int>(chr::year_month_day{m_days}.year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(chr::year_month_day{m_days}.month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(chr::year_month_day{m_days}.day());
}
unsigned Date::iso_weekday() const {
  return chr::weekday{m_days}.iso_encoding();
}

Date Date::plus_months(long n) const {
  chr::year_month_day ymd{m_days};
  chr::year_month ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{n};
  auto last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  chr::day d = ymd.day() > last ? last : ymd.day();
  return Date(chr::sys_days{chr::year_month_day{ym.year(), ym.month(), d}});
}

Date parse_iso_or_throw(std::string_view text, std::string_view field) {
  auto date = Date::parse_iso(text);
  if (!date) throw InvalidInput(std::string(field), std::string(text), "is not a date (YYYY-MM-DD)");
  return *date;
}

}  // namespace ics::util
