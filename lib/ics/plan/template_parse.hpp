#pragma once
// Template parsing for the library (internal to libics).
#include <ics/plan/template.hpp>

namespace ics::plan {

// parse_template(), also requiring the template's name to be `file_name` when that is not empty.
Template parse_template_file(std::string_view text, std::string_view source, std::string_view file_name);

}  // namespace ics::plan
