// The census rules about ChildIdentifiers: LAchildID, UPN, FormerUPN and UPNunknown (returns-spec
// §1.12). The rules about the child's dates, sex, ethnicity and disabilities are in
// census_rules_child_characteristics.cpp; child_rules() serves both tables.
#include <ics/model/code_lists.hpp>

#include "census_rule_set.hpp"
#include "census_rules_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace ics::returns::detail {

namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_letter(char c) {
  return c >= 'A' && c <= 'Z';
}
// Character 13 of a UPN: a digit, or a capital letter but I, O and S (a temporary UPN).
bool is_upn_last(char c) {
  return is_digit(c) || (is_letter(c) && c != 'I' && c != 'O' && c != 'S');
}

void lachildid_present(const ChildScope& s) {
  if (la_child_id(s.child).empty())
    s.find(0, "", fmt::format("the child has no LAchildID (id {})", s.child.id));
}

void lachildid_length(const ChildScope& s) {
  auto id = la_child_id(s.child);
  if (id.size() > 20)
    s.find(0, "", fmt::format("LAchildID {} is {} characters long; at most 20 are allowed", id, id.size()));
}

void lachildid_characters(const ChildScope& s) {
  auto id = la_child_id(s.child);
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      return s.find(0, "",
                    fmt::format("LAchildID {} holds '{}'; only letters and digits are allowed", id, c));
}

void upn_check_letter(const ChildScope& s) {
  if (!s.child.upn) return;
  const auto& upn = *s.child.upn;
  auto expected = model::upn_check_letter(upn);
  if (expected && *expected != upn[0])
    s.find(0, "", fmt::format("UPN {} has check letter {}; expected {}", upn, upn[0], *expected));
}

void upn_la_number(const ChildScope& s) {
  if (!s.child.upn) return;
  const auto& upn = *s.child.upn;
  static const auto& k_la_numbers = model::code_list("la-number");
  auto la = upn.substr(std::min<size_t>(1, upn.size()), 3);
  if (la.size() < 3 || !k_la_numbers.contains(la))
    s.find(0, "", fmt::format("UPN {}: characters 2-4 '{}' are not a local authority number", upn, la));
}

void upn_digits(const ChildScope& s) {
  if (!s.child.upn) return;
  const auto& upn = *s.child.upn;
  if (upn.size() != 13)
    return s.find(0, "", fmt::format("UPN {} is {} characters long; a UPN has 13", upn, upn.size()));
  for (size_t i = 4; i < 12; ++i)
    if (!is_digit(upn[i]))
      return s.find(0, "",
                    fmt::format("UPN {}: character {} '{}' is not a digit (characters 5-12 must be)", upn,
                                i + 1, upn[i]));
}

void upn_last_character(const ChildScope& s) {
  if (!s.child.upn || s.child.upn->size() != 13) return;
  const auto& upn = *s.child.upn;
  if (!is_upn_last(upn[12]))
    s.find(0, "",
           fmt::format("UPN {}: character 13 '{}' is neither a digit nor a letter A-Z other than I, O or S",
                       upn, upn[12]));
}

void former_upn_format(const ChildScope& s) {
  if (!s.child.former_upn) return;
  const auto& upn = *s.child.former_upn;
  bool ok = upn.size() == 13 && is_letter(upn[0]) && is_upn_last(upn[12]);
  for (size_t i = 1; ok && i < 12; ++i) ok = is_digit(upn[i]);
  if (!ok)
    s.find(0, "",
           fmt::format("FormerUPN {} is not a letter, 11 digits and a digit or letter (not I, O or S)", upn));
}

void upn_or_reason_for_school_age(const ChildScope& s) {
  const auto& c = s.child;
  if (c.upn || !c.birth || !any_episode_not_nfa(c)) return;
  auto six = s.period.reference.plus_months(-72);
  if (*c.birth > six) return;
  static const auto& k_reasons = model::code_list("upn-unknown");
  if (c.upn_unknown && *c.upn_unknown != "UN1" && k_reasons.contains(*c.upn_unknown)) return;
  s.find(
      0, "",
      fmt::format(
          "the child, born {}, is 6 or older on {} but has no UPN, and UPNunknown is {} (UN2-UN7 expected)",
          c.birth->iso(), s.period.reference.iso(), shown(c.upn_unknown)));
}

void un7_only_for_nfa(const ChildScope& s) {
  if (s.child.upn_unknown != "UN7") return;
  for (const auto& e : s.child.episodes)
    if (!e.nfa)
      return s.find(e.id, episode_ref(e.id),
                    fmt::format("UPNunknown is UN7 (referral with no further action) but episode {} is not "
                                "a no further action referral",
                                episode_ref(e.id)));
}

const ChildRule k_identifier_rules[] = {
    {{"8500", Severity::error, "LAchildID is present"}, lachildid_present},
    {{"1570", Severity::error, "LAchildID is at most 20 characters"}, lachildid_length},
    {{"1580", Severity::error, "LAchildID holds letters and digits only"}, lachildid_characters},
    {{"1510", Severity::error, "UPN has the right check letter"}, upn_check_letter},
    {{"1530", Severity::error, "UPN characters 2-4 are a local authority number"}, upn_la_number},
    {{"1540", Severity::error, "UPN is 13 characters, characters 5-12 digits"}, upn_digits},
    {{"1550", Severity::error, "UPN character 13 is a digit or a letter other than I, O, S"},
     upn_last_character},
    {{"1560Q", Severity::query, "FormerUPN is well formed"}, former_upn_format},
    {{"8770Q", Severity::query, "a child of school age has a UPN or UPNunknown UN2-UN7"},
     upn_or_reason_for_school_age},
    {{"8772", Severity::error, "UPNunknown UN7 only when every episode is no further action"},
     un7_only_for_nfa},
};

}  // namespace

std::span<const ChildRule> child_rules() {
  static const std::vector<ChildRule> k_rules = [] {
    std::vector<ChildRule> all(std::begin(k_identifier_rules), std::end(k_identifier_rules));
    for (const auto& r : child_characteristics_rules()) all.push_back(r);
    return all;
  }();
  return k_rules;
}

}  // namespace ics::returns::detail
