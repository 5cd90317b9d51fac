#pragma once
// Validation of whole records before they are stored.
#include <ics/api.hpp>
#include <ics/model/types.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::model {

// What validate_child allows beyond a new child's rules.
struct ChildChecks {
  // An expected date of birth already past: a record made before the birth (a bulk file, a migrated
  // register), kept where add-child refuses it.
  bool past_expected_dob = false;
};

// Trims text fields, normalises NHS numbers and UPNs, and checks every rule of a new child against
// `today`: dates, sex, identifiers, disabilities (require_disabilities), UPN unknown (a code of
// schemas/codes/upn-unknown.yaml, never with a UPN), former UPN (a UPN), the mother's NHS number (a
// valid one, other than the child's, only for an unborn child: an expected date of birth and no date
// of birth) and the date of death (require_death_date). Throws InvalidInput naming the first bad field.
// The ethnicity is only trimmed here: whether it must be a code depends on what is stored
// (record::require_ethnicity).
void validate_child(Child& child, util::Date today, ChildChecks checks = {});

// A child's disabilities: codes of schemas/codes/disability.yaml, none twice (census 8794), and NONE
// alone (8790); an empty list is "not recorded". Returns them.
std::vector<std::string> require_disabilities(const std::vector<std::string>& codes, std::string_view field);
// "MOB,HAND" -> {"MOB", "HAND"} (items trimmed; "" -> {}): the disabilities as stored and in files.
std::vector<std::string> split_codes(std::string_view text);
std::string join_codes(const std::vector<std::string>& codes);

// A date of death: not after today, and not before the child's date of birth.
void require_death_date(const Child& child, util::Date death, util::Date today, std::string_view field);

// A required free-text value: trimmed, non-empty, and within the text rules of model/text_rules.hpp
// (valid UTF-8, no control or bidirectional control characters, within text_rule(field)).
std::string require_text(std::string_view value, std::string_view field);
// An optional free-text value: nullopt when blank, otherwise as require_text.
std::optional<std::string> optional_text(std::string_view value, std::string_view field);

}  // namespace ics::model
ICS_API_END
