// The fish script: fish's own `complete` lines, one per command, option and argument, each under a
// condition on the command the words typed so far name (the walk of the bash script, in fish).
#include "completion_script.hpp"
#include "version.hpp"

#include <fmt/format.h>

namespace icsctl {

namespace {

constexpr const char* k_fish_walk = R"SH(
# __icsctl_takes_value PATH WORD: whether WORD is an option of PATH, or of a command above it, that
# takes a value.
function __icsctl_takes_value --argument-names cmdpath word
    while true
        contains -- $word (__icsctl_value_options "$cmdpath"); and return 0
        test -z "$cmdpath"; and return 1
        set cmdpath (string replace -r ' ?[^ ]*$' '' -- "$cmdpath")
    end
end

# __icsctl_state: the command the words before the cursor name, then how many arguments follow it.
function __icsctl_state
    set -l cmdpath ''
    set -l n 0
    set -l pending 0
    set -l tokens (commandline -opc)
    for t in $tokens[2..-1]
        if test $pending = 1
            set pending 0
            continue
        end
        switch $t
            case '-*=*'
            case '-?*'
                __icsctl_takes_value "$cmdpath" $t; and set pending 1
            case '*'
                if contains -- $t (__icsctl_subcommands "$cmdpath")
                    set cmdpath (string trim -- "$cmdpath $t")
                    set n 0
                else
                    set n (math $n + 1)
                end
        end
    end
    echo $cmdpath
    echo $n
end

# __icsctl_using PATH: the words name the command PATH.
function __icsctl_using --argument-names want
    set -l state (__icsctl_state)
    test "$state[1]" = "$want"
end

# __icsctl_within PATH: the words name PATH or a command nested in it.
function __icsctl_within --argument-names want
    set -l state (__icsctl_state)
    test "$state[1]" = "$want"; or string match -q -- "$want *" "$state[1]"
end

# __icsctl_argument PATH N: the word at the cursor is the Nth argument of PATH.
function __icsctl_argument --argument-names want nth
    set -l state (__icsctl_state)
    test "$state[1]" = "$want"; and test (math $state[2] + 1) = $nth
end

# __icsctl_ask KIND: icsctl's own answer (ids, reports, templates), from the database named so far.
function __icsctl_ask --argument-names kind
    set -l tokens (commandline -opc)
    set -l icsctl $tokens[1]
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --db --templates
                set -l next (math $i + 1)
                test $next -le (count $tokens); and set icsctl $icsctl $tokens[$i] $tokens[$next]
            case '--db=*' '--templates=*'
                set icsctl $icsctl $tokens[$i]
        end
        set i (math $i + 1)
    end
    $icsctl -q __complete $kind (commandline -ct) 2>/dev/null
end

complete -c icsctl -f
)SH";

// `text` in single quotes for fish, where only \ and ' are special inside them.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// The flags that make `complete` offer what `values` names: for an option's value (which it then
// requires), or for an argument.
std::string value_flags(const CompletionValues& values, bool of_option) {
  using Kind = CompletionValues::Kind;
  std::string required = of_option ? " -x" : "";
  switch (values.kind) {
    case Kind::words:
      return fmt::format("{} -a {}", required, fish_quote(fmt::format("{}", fmt::join(values.words, " "))));
    case Kind::file: return of_option ? " -r -F" : " -F";
    case Kind::directory: return required + " -a '(__fish_complete_directories (commandline -ct))'";
    case Kind::asked: return fmt::format("{} -a '(__icsctl_ask {})'", required, values.asked);
    case Kind::none: break;
  }
  return required;
}

// A condition of `complete -n`: the function and the command path as one word of it.
std::string condition(std::string_view function, std::string_view path, std::string_view more = {}) {
  std::string inner = fmt::format("{} \"{}\"{}", function, path, more);
  return fish_quote(inner);
}

}  // namespace

std::string fish_completion(const std::vector<CompletionCommand>& commands) {
  std::string out = fmt::format(
      "# fish completion for icsctl {}, made by `icsctl completion fish` from its commands.\n"
      "# Install: icsctl completion fish > ~/.config/fish/completions/icsctl.fish\n\n",
      icsctl_version());

  out +=
      "# __icsctl_subcommands PATH: the commands nested in PATH, one a line.\n"
      "function __icsctl_subcommands --argument-names cmdpath\n    switch \"$cmdpath\"\n";
  for (const auto& c : commands) {
    if (c.subcommands.empty()) continue;
    out += fmt::format("        case {}\n            printf '%s\\n'", fish_quote(c.path));
    for (const auto& sub : c.subcommands) out += " " + fish_quote(sub.first);
    out += "\n";
  }
  out += "    end\nend\n\n";

  out +=
      "# __icsctl_value_options PATH: the options of PATH itself that take a value, one a line.\n"
      "function __icsctl_value_options --argument-names cmdpath\n    switch \"$cmdpath\"\n";
  for (const auto& c : commands) {
    std::string names;
    for (const auto& o : c.options)
      if (o.takes_value)
        for (const auto& n : o.names) names += " " + fish_quote(n);
    if (!names.empty())
      out += fmt::format("        case {}\n            printf '%s\\n'{}\n", fish_quote(c.path), names);
  }
  out += "    end\nend\n";
  out += k_fish_walk;

  for (const auto& c : commands) {
    out += fmt::format("\n# {}\n", c.path.empty() ? "icsctl" : "icsctl " + c.path);
    for (const auto& [name, description] : c.subcommands)
      out += fmt::format("complete -c icsctl -n {} -a {} -d {}\n", condition("__icsctl_using", c.path),
                         fish_quote(name), fish_quote(description));
    for (const auto& o : c.options) {
      std::string line = "complete -c icsctl";
      if (!c.path.empty()) line += " -n " + condition("__icsctl_within", c.path);
      for (const auto& n : o.names)
        line += n.size() == 2            ? " -s " + n.substr(1)
                : n.substr(0, 2) == "--" ? " -l " + n.substr(2)
                                         : " -o " + n.substr(1);
      if (o.takes_value) line += value_flags(o.values, true);
      out += line + " -d " + fish_quote(o.description) + "\n";
    }
    for (std::size_t i = 0; i < c.arguments.size(); ++i)
      if (c.arguments[i].kind != CompletionValues::Kind::none)
        out += fmt::format("complete -c icsctl -n {}{}\n",
                           condition("__icsctl_argument", c.path, fmt::format(" {}", i + 1)),
                           value_flags(c.arguments[i], false));
  }
  return out;
}

}  // namespace icsctl
