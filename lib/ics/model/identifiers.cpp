#include <ics/model/identifiers.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <cctype>
#include <charconv>

namespace ics::model {

std::optional<std::string> normalise_nhs_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  if (digits.size() != 10) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10 || check != digits[9] - '0') return std::nullopt;
  return digits;
}

bool is_valid_nhs_number(std::string_view text) {
  return normalise_nhs_number(text).has_value();
}

namespace {
constexpr std::string_view k_upn_letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
}  // namespace

std::optional<char> upn_check_letter(std::string_view upn) {
  if (upn.size() != 13) return std::nullopt;
  int sum = 0;
  for (size_t i = 1; i < 13; ++i) {
    auto c = static_cast<unsigned char>(upn[i]);
    int value = 0;
    if (std::isdigit(c))
      value = c - '0';
    else if (i == 12 && k_upn_letters.find(static_cast<char>(c)) != std::string_view::npos)
      value = static_cast<int>(k_upn_letters.find(static_cast<char>(c)));  // a temporary UPN's letter
    else
      return std::nullopt;
    sum += value * static_cast<int>(i + 1);
  }
  return k_upn_letters[sum % 23];
}

std::optional<std::string> normalise_upn(std::string_view text) {
  std::string upn;
  for (char c : text) upn += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto letter = upn_check_letter(upn);
  if (!letter || *letter != upn[0]) return std::nullopt;
  return upn;
}

char prefix_of(EntityKind kind) {
  switch (kind) {
    case EntityKind::child: return 'C';
    case EntityKind::plan: return 'P';
    case EntityKind::action: return 'A';
    case EntityKind::review: return 'R';
    case EntityKind::batch: return 'B';
    case EntityKind::episode: return 'E';
    case EntityKind::assessment: return 'N';
    case EntityKind::enquiry: return 'S';
    case EntityKind::conference: return 'I';
  }
  return '?';
}

std::string_view name_of(EntityKind kind) {
  switch (kind) {
    case EntityKind::child: return "child";
    case EntityKind::plan: return "plan";
    case EntityKind::action: return "action";
    case EntityKind::review: return "review";
    case EntityKind::batch: return "batch";
    case EntityKind::episode: return "episode";
    case EntityKind::assessment: return "assessment";
    case EntityKind::enquiry: return "enquiry";
    case EntityKind::conference: return "conference";
  }
  return "?";
}

std::string format_id(EntityKind kind, std::int64_t number) {
  return fmt::format("{}{}", prefix_of(kind), number);
}

std::optional<EntityId> parse_id(std::string_view text) {
  if (text.size() < 2 || text.size() > 19) return std::nullopt;
  char prefix = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  for (EntityKind kind :
       {EntityKind::child, EntityKind::plan, EntityKind::action, EntityKind::review, EntityKind::batch,
        EntityKind::episode, EntityKind::assessment, EntityKind::enquiry, EntityKind::conference}) {
    if (prefix_of(kind) != prefix) continue;
    std::int64_t number = 0;
    auto digits = text.substr(1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc() || end != digits.data() + digits.size() || number <= 0) return std::nullopt;
    return EntityId{kind, number};
  }
  return std::nullopt;
}

std::int64_t parse_id_of(EntityKind kind, std::string_view text, std::string_view field) {
  auto id = parse_id(text);
  if (!id || id->kind != kind)
    throw InvalidInput(
        std::string(field), std::string(text),
        fmt::format("is not {} {} id (like {}42)",
                    std::string_view("aeiou").find(name_of(kind)[0]) != std::string_view::npos ? "an" : "a",
                    name_of(kind), prefix_of(kind)));
  return id->number;
}

}  // namespace ics::model
