#include <ics/model/codes.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <array>

namespace ics::model {

namespace {
constexpr std::array<std::string_view, 3> k_sex = {"M", "F", "U"};
constexpr std::array<std::string_view, 5> k_categories = {"NEG", "PHY", "SAB", "EMO", "MUL"};
constexpr std::array<std::string_view, 7> k_end_reasons = {
    "no-longer-at-risk", "transferred-out", "looked-after", "adopted", "age-18", "died", "other"};
constexpr std::array<std::string_view, 4> k_review_kinds = {"initial-conference", "review-conference",
                                                            "core-group", "visit"};
constexpr std::array<std::string_view, 3> k_statuses = {"open", "done", "cancelled"};
}  // namespace

std::span<const std::string_view> sex_codes() {
  return k_sex;
}
std::span<const std::string_view> category_codes() {
  return k_categories;
}
std::span<const std::string_view> end_reason_codes() {
  return k_end_reasons;
}
std::span<const std::string_view> review_kinds() {
  return k_review_kinds;
}
std::span<const std::string_view> action_statuses() {
  return k_statuses;
}

std::string require_code(std::string_view value, std::span<const std::string_view> codes,
                         std::string_view field) {
  for (auto code : codes)
    if (code == value) return std::string(code);
  throw InvalidInput(std::string(field), std::string(value),
                     fmt::format("must be one of {}", fmt::join(codes, ", ")));
}

}  // namespace ics::model
