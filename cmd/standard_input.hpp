#pragma once
// `-` as a file names standard input. When standard input is a terminal, nobody is piping rows in
// and icsctl would wait for ever, silently: it says so instead, as a usage error (exit 2).
#include <string_view>

namespace icsctl {

// Throws a usage error when `file` is "-" and standard input is a terminal; `command` ("import
// children") is named in the hint.
void refuse_terminal_input(std::string_view file, std::string_view command);

}  // namespace icsctl
