#pragma once
// The confirmation of a destructive command (README "Dry runs and confirmation"), asked before any
// write: on a terminal a question on stderr answered y or N; without one, --yes.
#include <stdexcept>
#include <string>
#include <string_view>

namespace icsctl {

class Session;

// What the rule decides, from the inputs it reads.
enum class Confirmation {
  proceed,  // --yes, or a dry run (nothing is written, so nothing is asked)
  ask,      // stdin and stderr are terminals and prompts are allowed
  refuse,   // no terminal, or --no-input / ICSCTL_NO_INPUT: exit 2 naming --yes
};
struct ConfirmInputs {
  bool yes = false;
  bool dry_run = false;
  bool no_input = false;
  bool terminal = false;
};
Confirmation confirmation_needed(const ConfirmInputs& inputs);

// Answered no at the prompt: nothing was changed (exit 1).
class Declined : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Whether an answer typed at the prompt is a yes: y or yes, in any case, around blanks.
bool is_yes(std::string_view answer);

// Confirms `what` ("close plan P1 and cancel its 3 open actions") as the rule says: returns to go
// on; throws CLI::ParseError (exit 2) naming --yes when it cannot ask, Declined when answered no.
// `stdin_is_input`: standard input is the command's data, so nothing can be asked.
void confirm(const Session& session, const std::string& what, bool stdin_is_input = false);

}  // namespace icsctl
