#include <ics/model/code_lists.hpp>
#include <ics/model/validate.hpp>
#include <ics/returns/settings.hpp>
#include <ics/store/settings.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace ics::returns {

namespace {

enum class Kind { la_code, short_text, serial, text, phone };

struct KeyRule {
  SettingKey key;
  Kind kind;
  std::string_view example;  // a value for the "is not set" message
};

// The census header's SoftwareCode and Release are free text; 50 characters keeps them printable in
// the DfE's reports (no limit found in the specification: icsctl's own).
constexpr size_t k_short_text_chars = 50;

constexpr std::array<KeyRule, 7> k_rules = {{
    {{"la_code", "the DfE's 3-digit local authority number (schemas/codes/la-number.yaml)"},
     Kind::la_code,
     "NNN"},
    {{"software_code", "the census header's SoftwareCode: text of at most 50 characters"},
     Kind::short_text,
     "TEXT"},
    {{"release", "the census header's Release: text of at most 50 characters"}, Kind::short_text, "TEXT"},
    {{"serial_no", "the census header's SerialNo: 3 or more digits"}, Kind::serial, "NNN"},
    {{"la_name", "the authority's name, as CP-IS shows it"}, Kind::text, "TEXT"},
    {{"la_phone", "the authority's office-hours phone number for CP-IS (digits, spaces, + ( ) -)"},
     Kind::phone,
     "NUMBER"},
    {{"la_emergency_phone",
      "the authority's emergency duty phone number for CP-IS (digits, spaces, + ( ) -)"},
     Kind::phone,
     "NUMBER"},
}};

const KeyRule* rule_of(std::string_view key) {
  auto it = std::find_if(k_rules.begin(), k_rules.end(), [&](const KeyRule& r) { return r.key.key == key; });
  return it == k_rules.end() ? nullptr : &*it;
}

const KeyRule& require_key(std::string_view key) {
  if (const auto* rule = rule_of(key)) return *rule;
  throw InvalidInput("key", std::string(key),
                     fmt::format("is not a setting: the settings are {}", setting_key_names()));
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t utf8_chars(std::string_view text) {
  return static_cast<size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string image(std::string_view key, const std::string& value) {
  nlohmann::ordered_json j;
  j["key"] = key;
  j["value"] = value;
  return j.dump();
}

}  // namespace

std::span<const SettingKey> setting_keys() {
  static const auto k_keys = [] {
    std::array<SettingKey, k_rules.size()> keys;
    std::transform(k_rules.begin(), k_rules.end(), keys.begin(), [](const KeyRule& r) { return r.key; });
    return keys;
  }();
  return k_keys;
}

bool is_setting_key(std::string_view key) {
  return rule_of(key) != nullptr;
}

std::string setting_key_names() {
  std::string names;
  for (const auto& r : k_rules) names += fmt::format("{}{}", names.empty() ? "" : ", ", r.key.key);
  return names;
}

std::string check_setting(std::string_view key, std::string_view value) {
  const auto& rule = require_key(key);
  std::string field(key);
  auto text = model::require_text(value, field);
  auto refuse = [&](std::string_view reason) { throw InvalidInput(field, text, std::string(reason)); };
  switch (rule.kind) {
    case Kind::la_code:
      if (text.size() != 3 || !all_digits(text))
        refuse("must be 3 digits (the DfE's local authority number)");
      if (!model::code_list("la-number").contains(text))
        refuse("is not a local authority number of schemas/codes/la-number.yaml");
      break;
    case Kind::short_text:
      if (utf8_chars(text) > k_short_text_chars)
        refuse(fmt::format("is longer than {} characters", k_short_text_chars));
      break;
    case Kind::serial:
      if (text.size() < 3 || !all_digits(text)) refuse("must be 3 or more digits");
      break;
    case Kind::text: break;
    case Kind::phone:
      if (!std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= '0' && c <= '9') || std::string_view(" +()-").find(c) != std::string_view::npos;
          }))
        refuse("is not a phone number: only digits, spaces and + ( ) - are allowed");
      if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        refuse("is not a phone number: it holds no digit");
      break;
  }
  return text;
}

std::string set_setting(store::WriteTransaction& tx, std::string_view key, std::string_view value) {
  auto checked = check_setting(key, value);
  std::string name(key);
  auto before = store::setting(tx.db(), name);
  store::set_setting(tx, name, checked);
  tx.audit(fmt::format("setting:{}", key), before ? std::optional(image(key, *before)) : std::nullopt,
           image(key, checked));
  return checked;
}

std::string require_setting(store::Database& db, std::string_view key) {
  const auto& rule = require_key(key);
  if (auto value = store::setting(db, std::string(key))) return *value;
  throw NotFound(fmt::format("setting '{}' is not set: icsctl settings set {} {}", key, key, rule.example));
}

}  // namespace ics::returns
