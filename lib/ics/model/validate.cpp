#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/text_rules.hpp>
#include <ics/model/validate.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::model {

std::string require_text(std::string_view value, std::string_view field) {
  auto trimmed = util::trim(value);
  if (trimmed.empty()) throw InvalidInput(std::string(field), std::string(value), "must not be empty");
  if (auto fault = text_fault(trimmed, text_rule(field)))
    throw InvalidInput(std::string(field), std::string(value), std::move(*fault));
  return std::string(trimmed);
}

std::optional<std::string> optional_text(std::string_view value, std::string_view field) {
  if (util::trim(value).empty()) return std::nullopt;
  return require_text(value, field);
}

std::vector<std::string> split_codes(std::string_view text) {
  std::vector<std::string> out;
  if (util::trim(text).empty()) return out;
  size_t from = 0;
  while (true) {
    auto comma = text.find(',', from);
    auto item = text.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
    out.emplace_back(util::trim(item));
    if (comma == std::string_view::npos) return out;
    from = comma + 1;
  }
}

std::string join_codes(const std::vector<std::string>& codes) {
  return fmt::format("{}", fmt::join(codes, ","));
}

std::vector<std::string> require_disabilities(const std::vector<std::string>& codes, std::string_view field) {
  std::vector<std::string> out;
  for (const auto& c : codes) {
    if (c.empty()) throw InvalidInput(std::string(field), join_codes(codes), "has an empty item");
    auto code = require_listed(c, "disability", field);
    if (std::find(out.begin(), out.end(), code) != out.end())
      throw InvalidInput(std::string(field), code, "is listed twice");
    out.push_back(code);
  }
  if (out.size() > 1 && std::find(out.begin(), out.end(), "NONE") != out.end())
    throw InvalidInput(std::string(field), join_codes(out),
                       "lists NONE (no disability) with other codes: NONE stands alone");
  return out;
}

void require_death_date(const Child& child, util::Date death, util::Date today, std::string_view field) {
  if (death > today) throw InvalidInput(std::string(field), death.iso(), "is after today");
  if (child.date_of_birth && death < *child.date_of_birth)
    throw InvalidInput(std::string(field), death.iso(),
                       fmt::format("is before the child's date of birth ({})", child.date_of_birth->iso()));
}

void validate_child(Child& child, util::Date today, ChildChecks checks) {
  child.given_names = require_text(child.given_names, "given_names");
  child.family_name = require_text(child.family_name, "family_name");
  child.sex = require_code(child.sex, sex_codes(), "sex");
  if (child.date_of_birth && child.expected_dob)
    throw InvalidInput("expected_dob", child.expected_dob->iso(), "cannot be given with a date of birth");
  if (child.date_of_birth && *child.date_of_birth > today)
    throw InvalidInput("dob", child.date_of_birth->iso(), "is after today");
  // Refuse typing slips such as 0019 for 2019.
  if (child.date_of_birth && child.date_of_birth->year() < 1900)
    throw InvalidInput("dob", child.date_of_birth->iso(), "is before 1900");
  if (child.expected_dob && ((*child.expected_dob < today && !checks.past_expected_dob) ||
                             *child.expected_dob > today.plus_months(10)))
    throw InvalidInput("expected_dob", child.expected_dob->iso(), "must be within the next ten months");
  if (child.nhs_number) {
    auto nhs = normalise_nhs_number(*child.nhs_number);
    if (!nhs) throw InvalidInput("nhs_number", *child.nhs_number, "is not a valid NHS number");
    child.nhs_number = *nhs;
  }
  if (child.upn) {
    auto upn = normalise_upn(*child.upn);
    if (!upn) throw InvalidInput("upn", *child.upn, "is not a valid UPN");
    child.upn = *upn;
  }
  if (child.upn_unknown) {
    if (child.upn)
      throw InvalidInput("upn_unknown", *child.upn_unknown,
                         "is given with a UPN: it says why a child has none");
    child.upn_unknown = require_listed(*child.upn_unknown, "upn-unknown", "upn_unknown");
  }
  if (child.former_upn) {
    auto upn = normalise_upn(*child.former_upn);
    if (!upn) throw InvalidInput("former_upn", *child.former_upn, "is not a valid UPN");
    child.former_upn = *upn;
  }
  if (child.mother_nhs_number) {
    auto nhs = normalise_nhs_number(*child.mother_nhs_number);
    if (!nhs) throw InvalidInput("mother_nhs_number", *child.mother_nhs_number, "is not a valid NHS number");
    if (child.date_of_birth || !child.expected_dob)
      throw InvalidInput(
          "mother_nhs_number", *nhs,
          "is recorded only for an unborn child (an expected date of birth and no date of birth)");
    if (nhs == child.nhs_number)
      throw InvalidInput("mother_nhs_number", *nhs, "is the child's own NHS number");
    child.mother_nhs_number = *nhs;
  }
  child.disabilities = require_disabilities(child.disabilities, "disabilities");
  if (child.date_of_death) require_death_date(child, *child.date_of_death, today, "date_of_death");
  if (child.ethnicity) child.ethnicity = require_text(*child.ethnicity, "ethnicity");
  for (size_t i = 0; i < child.refs.size(); ++i) {
    auto& ref = child.refs[i];
    ref = require_text(ref, "ref");
    // Refs are listed space-separated (show, export), so one may not hold a space.
    if (ref.find_first_of(" \t") != std::string::npos)
      throw InvalidInput("ref", ref, "must not contain spaces");
    for (size_t k = 0; k < i; ++k)
      if (child.refs[k] == ref) throw InvalidInput("ref", ref, "is given twice");
  }
}

}  // namespace ics::model
