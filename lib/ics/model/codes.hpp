#pragma once
// The fixed code lists of the domain and their validation.
#include <ics/api.hpp>

#include <span>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::model {

std::span<const std::string_view> sex_codes();         // M F U
std::span<const std::string_view> category_codes();    // NEG PHY SAB EMO MUL
std::span<const std::string_view> end_reason_codes();  // no-longer-at-risk, transferred-out, ...
std::span<const std::string_view> review_kinds();  // initial-conference, review-conference, core-group, visit
std::span<const std::string_view> action_statuses();  // open done cancelled

// `value` when it is one of `codes`; throws InvalidInput naming `field` and the accepted codes otherwise.
std::string require_code(std::string_view value, std::span<const std::string_view> codes,
                         std::string_view field);

}  // namespace ics::model
ICS_API_END
