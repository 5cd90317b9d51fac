// The bash script: data as `case` tables generated from the commands, and one walk of the words.
#include "completion_script.hpp"
#include "version.hpp"

#include <fmt/format.h>

namespace icsctl {

namespace {

// The walk and the completion, the same for every version of the tables above it.
constexpr const char* k_bash_walk = R"SH(
# _icsctl_find_option PATH WORD: the option WORD of the command PATH or of a command above it (an
# option is accepted after the commands nested in its own).
_icsctl_find_option() {
  local cmdpath=$1
  while :; do
    _icsctl_option "$cmdpath" "$2" && return 0
    [[ -z $cmdpath ]] && return 1
    if [[ $cmdpath == *' '* ]]; then cmdpath=${cmdpath% *}; else cmdpath=''; fi
  done
}

# _icsctl_values HOW CUR ICSCTL...: adds to COMPREPLY the values HOW names that begin with CUR.
_icsctl_values() {
  local how=$1 cur=$2 line
  shift 2
  case $how in
    words:*) COMPREPLY+=($(compgen -W "${how#words:}" -- "$cur")) ;;
    file) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")) ;;
    directory) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- "$cur")) ;;
    asked:*)
      while IFS= read -r line; do COMPREPLY+=("$line"); done \
        < <("$@" -q __complete "${how#asked:}" "$cur" 2>/dev/null)
      ;;
  esac
}

_icsctl() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath='' word pending='' options i n=0
  local -a icsctl=("${COMP_WORDS[0]}")
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -n $pending ]]; then
      [[ $word == = ]] && continue  # --db=FILE: bash makes '=' a word of its own
      [[ $pending == --db || $pending == --templates ]] && icsctl+=("$pending" "$word")
      pending=''
      continue
    fi
    case $word in
      -*=*) ;;
      -?*) _icsctl_find_option "$cmdpath" "$word" && [[ $REPLY != flag ]] && pending=$word ;;
      *)
        _icsctl_subcommands "$cmdpath"
        if [[ " $REPLY " == *" $word "* ]]; then
          cmdpath=${cmdpath:+$cmdpath }$word
          n=0
        else
          n=$((n + 1))
        fi
        ;;
    esac
  done
  [[ $cur == = && -n $pending ]] && cur=''
  if [[ -n $pending ]]; then
    _icsctl_find_option "$cmdpath" "$pending" && _icsctl_values "$REPLY" "$cur" "${icsctl[@]}"
    return 0
  fi
  if [[ $cur == -* ]]; then
    word=$cmdpath
    while :; do
      _icsctl_options "$word"
      options+=" $REPLY"
      [[ -z $word ]] && break
      if [[ $word == *' '* ]]; then word=${word% *}; else word=''; fi
    done
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return 0
  fi
  if ((n == 0)); then
    _icsctl_subcommands "$cmdpath"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  fi
  _icsctl_argument "$cmdpath" $((n + 1)) && _icsctl_values "$REPLY" "$cur" "${icsctl[@]}"
  return 0
}

complete -F _icsctl icsctl
)SH";

std::string joined_names(const std::vector<std::pair<std::string, std::string>>& subcommands) {
  std::string out;
  for (const auto& [name, description] : subcommands) out += (out.empty() ? "" : " ") + name;
  return out;
}

}  // namespace

std::string bash_completion(const std::vector<CompletionCommand>& commands) {
  std::string out = fmt::format(
      "# bash completion for icsctl {}, made by `icsctl completion bash` from its commands.\n"
      "# Install: icsctl completion bash > ~/.local/share/bash-completion/completions/icsctl\n"
      "# or add to ~/.bashrc: source <(icsctl completion bash)\n\n",
      icsctl_version());

  out +=
      "# _icsctl_subcommands PATH: the commands nested in PATH ('' for icsctl itself), in REPLY.\n"
      "_icsctl_subcommands() {\n  case $1 in\n";
  for (const auto& c : commands)
    if (!c.subcommands.empty())
      out +=
          fmt::format("    {}) REPLY={} ;;\n", shell_quote(c.path), shell_quote(joined_names(c.subcommands)));
  out += "    *) REPLY='' ;;\n  esac\n}\n\n";

  out +=
      "# _icsctl_options PATH: the options of the command PATH itself, in REPLY.\n"
      "_icsctl_options() {\n  case $1 in\n";
  for (const auto& c : commands) {
    std::string names;
    for (const auto& o : c.options)
      for (const auto& n : o.names) names += (names.empty() ? "" : " ") + n;
    if (!names.empty()) out += fmt::format("    {}) REPLY={} ;;\n", shell_quote(c.path), shell_quote(names));
  }
  out += "    *) REPLY='' ;;\n  esac\n}\n\n";

  out += option_and_argument_cases(commands, "");
  return out + k_bash_walk;
}

}  // namespace icsctl
