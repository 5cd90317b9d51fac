#pragma once
// The code lists of schemas/codes/ (referral-source, primary-need, closure-reason, assessment-factor,
// agency, ethnicity, disability, upn-unknown, la-number): versioned data files embedded in the library, read
// once. Format: schemas/codes/README.md.
#include <ics/api.hpp>

#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::model {

struct Code {
  std::string code;
  std::string meaning;
  bool deprecated = false;  // still accepted, but the census queries it
};

struct CodeList {
  std::string name;  // the file's name, e.g. "referral-source"
  int version = 0;
  std::string census_year;  // e.g. "2025-26"
  std::vector<Code> codes;  // in the file's order

  // The code `value`, or nullptr when it is not in the list.
  const Code* find(std::string_view value) const;
  bool contains(std::string_view value) const { return find(value) != nullptr; }
  // The codes alone, in order.
  std::vector<std::string> values() const;
};

// The list schemas/codes/<name>.yaml; throws NotFound for a list that does not exist.
const CodeList& code_list(std::string_view name);

// `value` when it is a code of the list `list`; else throws InvalidInput naming `field`, the value
// and the accepted codes.
std::string require_listed(std::string_view value, std::string_view list, std::string_view field);

// Parses one list file (`source` names it in errors); refuses a code listed twice.
CodeList parse_code_list(std::string_view text, std::string_view source);

}  // namespace ics::model
ICS_API_END
