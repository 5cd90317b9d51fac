// The zsh script: the tables of the bash script, with descriptions, and the same walk of the words.
#include "completion_script.hpp"
#include "version.hpp"

#include <fmt/format.h>

namespace icsctl {

namespace {

constexpr const char* k_zsh_walk = R"SH(
# _icsctl_find_option PATH WORD: the option WORD of the command PATH or of a command above it.
_icsctl_find_option() {
  local cmdpath=$1
  while :; do
    _icsctl_option "$cmdpath" "$2" && return 0
    [[ -z $cmdpath ]] && return 1
    if [[ $cmdpath == *' '* ]]; then cmdpath=${cmdpath% *}; else cmdpath=''; fi
  done
}

# _icsctl_values HOW ICSCTL...: offers the values HOW names.
_icsctl_values() {
  local how=$1
  local -a list
  shift
  # (if, not case: zsh cannot parse a command substitution in quotes inside a case item)
  if [[ $how == words:* ]]; then
    list=(${=${how#words:}})
    compadd -a list
  elif [[ $how == file ]]; then
    _files
  elif [[ $how == directory ]]; then
    _files -/
  elif [[ $how == asked:* ]]; then
    list=(${(f)"$("$@" -q __complete ${how#asked:} "$PREFIX" 2>/dev/null)"})
    compadd -a list
  fi
}

_icsctl() {
  local cmdpath='' word pending='' REPLY
  local -i i n=0
  local -a reply icsctl options
  icsctl=(${words[1]})
  for ((i = 2; i < CURRENT; i++)); do
    word=${words[i]}
    if [[ -n $pending ]]; then
      [[ $pending == (--db|--templates) ]] && icsctl+=($pending $word)
      pending=''
      continue
    fi
    if [[ $word == (--db=*|--templates=*) ]]; then
      icsctl+=($word)
    elif [[ $word == -*=* ]]; then
      :
    elif [[ $word == -?* ]]; then
      _icsctl_find_option "$cmdpath" "$word" && [[ $REPLY != flag ]] && pending=$word
    else
      _icsctl_subcommands "$cmdpath"
      if (( ${reply[(I)${(b)word}:*]} )); then
        cmdpath=${cmdpath:+$cmdpath }$word
        n=0
      else
        n+=1
      fi
    fi
  done
  if [[ -n $pending ]]; then
    _icsctl_find_option "$cmdpath" "$pending" && _icsctl_values "$REPLY" $icsctl
    return
  fi
  if [[ $PREFIX == -*=* ]]; then
    if _icsctl_find_option "$cmdpath" "${PREFIX%%=*}" && [[ $REPLY != flag ]]; then
      compset -P '*='
      _icsctl_values "$REPLY" $icsctl
    fi
    return
  fi
  if [[ $PREFIX == -* ]]; then
    word=$cmdpath
    while :; do
      _icsctl_options "$word"
      options+=($reply)
      [[ -z $word ]] && break
      if [[ $word == *' '* ]]; then word=${word% *}; else word=''; fi
    done
    _describe -t options 'option' options
    return
  fi
  if (( n == 0 )); then
    _icsctl_subcommands "$cmdpath"
    (( $#reply )) && _describe -t commands 'command' reply
  fi
  _icsctl_argument "$cmdpath" $((n + 1)) && _icsctl_values "$REPLY" $icsctl
}

# Autoloaded from a folder of $fpath, this file is _icsctl's body: define, then complete. Sourced
# (after compinit), it registers the function.
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _icsctl "$@"
else
  compdef _icsctl icsctl
fi
)SH";

// "name:description" for _describe, a colon in the name escaped.
std::string described(std::string_view name, std::string_view description) {
  std::string out;
  for (char c : name) out += c == ':' ? std::string("\\:") : std::string(1, c);
  return out + ":" + std::string(description);
}

}  // namespace

std::string zsh_completion(const std::vector<CompletionCommand>& commands) {
  std::string out = fmt::format(
      "#compdef icsctl\n"
      "# zsh completion for icsctl {}, made by `icsctl completion zsh` from its commands.\n"
      "# Install: icsctl completion zsh > ~/.zfunc/_icsctl, with ~/.zfunc in $fpath before compinit\n"
      "# (fpath=(~/.zfunc $fpath) in ~/.zshrc), or after compinit: source <(icsctl completion zsh)\n\n",
      icsctl_version());

  out +=
      "# _icsctl_subcommands PATH: the commands nested in PATH as name:description, in reply.\n"
      "_icsctl_subcommands() {\n  case $1 in\n";
  for (const auto& c : commands) {
    if (c.subcommands.empty()) continue;
    out += fmt::format("    ({}) reply=(\n", shell_quote(c.path));
    for (const auto& [name, description] : c.subcommands)
      out += fmt::format("      {}\n", shell_quote(described(name, description)));
    out += "    ) ;;\n";
  }
  out += "    (*) reply=() ;;\n  esac\n}\n\n";

  out +=
      "# _icsctl_options PATH: the options of the command PATH itself as name:description, in reply.\n"
      "_icsctl_options() {\n  case $1 in\n";
  for (const auto& c : commands) {
    if (c.options.empty()) continue;
    out += fmt::format("    ({}) reply=(\n", shell_quote(c.path));
    for (const auto& o : c.options)
      for (const auto& n : o.names)
        out += fmt::format("      {}\n", shell_quote(described(n, o.description)));
    out += "    ) ;;\n";
  }
  out += "    (*) reply=() ;;\n  esac\n}\n\n";

  out += option_and_argument_cases(commands, "(");
  return out + k_zsh_walk;
}

}  // namespace icsctl
