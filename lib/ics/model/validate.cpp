#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>

namespace ics::model {

namespace {
constexpr size_t k_max_text_bytes = 2000;
}  // namespace

std::string require_text(std::string_view value, std::string_view field) {
  if (!util::is_valid_utf8(value))
    throw InvalidInput(std::string(field), std::string(value), "is not valid UTF-8");
  auto trimmed = util::trim(value);
  if (trimmed.empty()) throw InvalidInput(std::string(field), std::string(value), "must not be empty");
  if (util::has_control_chars(trimmed))
    throw InvalidInput(std::string(field), std::string(value), "holds control characters");
  if (trimmed.size() > k_max_text_bytes)
    throw InvalidInput(std::string(field), std::string(trimmed.substr(0, 40)) + "...",
                       fmt::format("is longer than {} bytes", k_max_text_bytes));
  return std::string(trimmed);
}

std::optional<std::string> optional_text(std::string_view value, std::string_view field) {
  if (util::is_valid_utf8(value) && util::trim(value).empty()) return std::nullopt;
  return require_text(value, field);
}

void validate_child(Child& child, util::Date today) {
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
  if (child.expected_dob && (*child.expected_dob < today || *child.expected_dob > today.plus_months(10)))
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
