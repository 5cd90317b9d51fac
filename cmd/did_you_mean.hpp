#pragma once
// "did you mean …?" for what the command line misspells: a command, an option of the command named,
// a help topic (ics::util::did_you_mean, the nearest word as lib/ics/util/spellcheck.hpp finds it).
#include <ics/util/spellcheck.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace icsctl {

// The commands of the first level, hidden ones left out: the candidates for a misspelt command.
std::vector<std::string> command_names(const CLI::App& root);

// For CLI11's "The following argument was not expected: --bogus" after parsing `argv`: the nearest
// option of the command the command line names (its own, or one of a command above it, which it
// accepts too); "" when no unexpected word is an option or none is near.
std::string option_suggestion(const CLI::App& root, const std::string& error, int argc, char** argv);

}  // namespace icsctl
