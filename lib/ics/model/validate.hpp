#pragma once
// Validation of whole records before they are stored.
#include <ics/api.hpp>
#include <ics/model/types.hpp>

ICS_API_BEGIN
namespace ics::model {

// Trims text fields, normalises NHS number and UPN, and checks every rule of a new child against
// `today`; throws InvalidInput naming the first bad field.
void validate_child(Child& child, util::Date today);

// A required free-text value: trimmed, non-empty, valid UTF-8, no control characters.
std::string require_text(std::string_view value, std::string_view field);
// An optional free-text value: nullopt when blank, otherwise as require_text.
std::optional<std::string> optional_text(std::string_view value, std::string_view field);

}  // namespace ics::model
ICS_API_END
