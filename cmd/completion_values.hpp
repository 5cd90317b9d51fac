#pragma once
// What the shell completes for an option's value or an argument: the one table of it, read by every
// completion script (completion_script.hpp). Codes and settings come from libics, as they are built
// in; ids, reports and templates are asked of icsctl itself as the user types (`icsctl __complete
// KIND PREFIX`), since they change with the database and the template folders.
#include "help_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace icsctl {

struct CompletionValues {
  enum class Kind {
    none,       // free text: nothing to offer
    words,      // one of `words`
    file,       // a file name
    directory,  // a folder
    asked,      // `icsctl __complete <asked> PREFIX`: ids of a kind, "id" (any kind), "report", "template"
  };
  Kind kind = Kind::none;
  std::vector<std::string> words;
  std::string asked;
};

// The values of `option` (an option or an argument) of the command `command` ("" for the global
// options).
CompletionValues completion_values(std::string_view command, const OptionHelp& option);

// The kinds `icsctl __complete` answers: child, plan, action, review, episode, assessment, enquiry,
// conference, batch, id, report, template.
const std::vector<std::string>& asked_kinds();

}  // namespace icsctl
