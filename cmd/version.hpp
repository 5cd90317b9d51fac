#pragma once
// icsctl's own version (the project's, as CMake has it), for what names it: `icsctl version`, the
// completion scripts and the man page.
#include <string_view>

namespace icsctl {

std::string_view icsctl_version();

}  // namespace icsctl
