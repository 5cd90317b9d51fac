#pragma once
// How Ofsted's Annex A writes coded values (returns-spec §2.2): letter-prefixed labels, in one table
// per coding. A list's definition (schemas/reports/annex-a-N.yaml) names a column's coding under
// `codes`; its query gives the value as icsctl holds it (a sex, a census code, yes/no/unknown).
#include <ics/api.hpp>

#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::returns {

// The codings: gender, ethnicity, yes_no, category, referral_source, primary_need, closure_reason,
// case_status.
const std::vector<std::string_view>& annex_a_codings();
bool is_annex_a_coding(std::string_view coding);

// `value` as Annex A writes it in `coding` ("F" in gender: "b) Female"); a value the coding does not
// know is written as it is, so that nothing held is hidden.
std::string annex_a_label(std::string_view coding, std::string_view value);

}  // namespace ics::returns
ICS_API_END
