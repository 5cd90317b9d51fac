#include <ics/util/date_words.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace ics::util {

namespace {

constexpr std::string_view k_forms =
    "YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years "
    "or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates";

// The largest N of an offset: a few centuries of days is more than any date option wants.
constexpr long k_max_offset = 99999;

std::string lower_trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool in_years(Date date) {
  return date.year() >= 1 && date.year() <= 9999;
}

std::optional<Date> word(std::string_view w, Date today) {
  auto monday = today.plus_days(1 - static_cast<long>(today.iso_weekday()));
  if (w == "today") return today;
  if (w == "yesterday") return today.plus_days(-1);
  if (w == "tomorrow") return today.plus_days(1);
  if (w == "sow") return monday;
  if (w == "eow") return monday.plus_days(6);
  if (w == "som") return Date(today.year(), today.month(), 1);
  if (w == "eom") return Date(today.year(), today.month(), 1).plus_months(1).plus_days(-1);
  if (w == "soy") return Date(today.year(), 1, 1);
  if (w == "eoy") return Date(today.year(), 12, 31);
  return std::nullopt;
}

struct Offset {
  long n;                 // signed
  std::string_view unit;  // d, w, m, y, wd
};

std::optional<Offset> offset(std::string_view text) {
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  size_t end = 1;
  long n = 0;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {
    if (end > 5) return std::nullopt;  // more than 5 digits: beyond k_max_offset
    n = n * 10 + (text[end] - '0');
    ++end;
  }
  if (end == 1 || n > k_max_offset) return std::nullopt;
  auto unit = text.substr(end);
  static constexpr std::array<std::string_view, 5> k_units = {"d", "w", "m", "y", "wd"};
  for (auto u : k_units)
    if (unit == u) return Offset{text[0] == '-' ? -n : n, u};
  return std::nullopt;
}

}  // namespace

std::string_view date_forms() {
  return k_forms;
}

Date resolve_date(std::string_view text, std::string_view field, Date today,
                  const WorkingDayCalendar& calendar) {
  auto refuse = [&](const std::string& reason) {
    throw InvalidInput(std::string(field), std::string(text), reason);
  };
  auto form = lower_trimmed(text);
  if (auto iso = Date::parse_iso(form)) return *iso;
  if (auto day = word(form, today)) return *day;
  auto off = offset(form);
  if (!off) refuse(fmt::format("is not a date ({})", k_forms));
  Date result = today;
  if (off->unit == "d" || off->unit == "w") {
    result = today.plus_days(off->unit == "w" ? off->n * 7 : off->n);
  } else if (off->unit == "m" || off->unit == "y") {
    long months = off->unit == "y" ? off->n * 12 : off->n;
    long month_index = today.year() * 12L + static_cast<long>(today.month()) - 1 + months;
    if (month_index < 12 || month_index / 12 > 9999)
      refuse("is too far from today: dates run from year 1 to 9999");
    result = today.plus_months(months);
  } else {
    auto working_days = calendar();
    auto outside = [&](Date d) { return !working_days.covers(d); };
    if (outside(today))
      refuse(fmt::format("counts working days from today, {}, outside the years of calendar '{}' ({}-{})",
                         today.iso(), working_days.name(), working_days.first_year(),
                         working_days.last_year()));
    result = working_days.add_working_days(today, static_cast<int>(off->n));
    if (outside(result))
      refuse(fmt::format(
          "reaches {}, outside the years of calendar '{}' ({}-{}), so working days cannot be counted",
          result.iso(), working_days.name(), working_days.first_year(), working_days.last_year()));
  }
  if (!in_years(result)) refuse("is too far from today: dates run from year 1 to 9999");
  return result;
}

}  // namespace ics::util
