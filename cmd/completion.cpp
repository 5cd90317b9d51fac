// `icsctl completion bash|zsh|fish` prints a completion script; `icsctl __complete KIND PREFIX`
// (hidden) is what those scripts ask as the user types: ids from the database, report and template
// names. It reads only, prints one answer a line, and says nothing when it cannot answer.
#include "command.hpp"
#include "completion_script.hpp"
#include "database_access.hpp"
#include "help_tree.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/report/definition.hpp>
#include <ics/store/completion.hpp>

#include <CLI/CLI.hpp>
#include <array>
#include <iostream>

namespace icsctl {

namespace {

using ics::model::EntityKind;

constexpr std::size_t k_most_ids = 100;

constexpr std::array k_kinds = {EntityKind::child,      EntityKind::plan,    EntityKind::action,
                                EntityKind::review,     EntityKind::batch,   EntityKind::episode,
                                EntityKind::assessment, EntityKind::enquiry, EntityKind::conference};

bool begins_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The ids that begin with `prefix`: of the kind `kind` names, or for "id" of the kind its letter names.
std::vector<std::string> ids(DatabaseAccess& access, std::string_view kind, std::string_view prefix) {
  for (auto k : k_kinds) {
    bool wanted = kind == "id" ? !prefix.empty() && prefix.front() == ics::model::prefix_of(k)
                               : kind == ics::model::name_of(k);
    if (!wanted) continue;
    if (!prefix.empty() && prefix.front() != ics::model::prefix_of(k)) return {};
    auto digits = prefix.empty() ? prefix : prefix.substr(1);
    std::vector<std::string> out;
    for (auto number : ics::store::ids_beginning(access.read(), k, digits, k_most_ids))
      out.push_back(ics::model::format_id(k, number));
    return out;
  }
  return {};
}

std::vector<std::string> answers(Session& s, DatabaseAccess& access, std::string_view kind,
                                 std::string_view prefix) {
  std::vector<std::string> out;
  if (kind == "report") {
    for (const auto& def : ics::report::builtin_definitions())
      if (def.listed && begins_with(def.name, prefix)) out.push_back(def.name);
  } else if (kind == "template") {
    for (const auto& t : s.templates().list())
      if (begins_with(t.name, prefix)) out.push_back(t.name);
  } else {
    out = ids(access, kind, prefix);
  }
  return out;
}

}  // namespace

void register_completion(CLI::App& app, Runner& run) {
  auto shell = std::make_shared<std::string>();
  app.add_option("SHELL", *shell, "the shell: bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  run = [&app, shell](Session&, DatabaseAccess&) {
    auto commands = completion_commands(describe_commands(*app.get_parent()));
    if (*shell == "bash") std::cout << bash_completion(commands);
    if (*shell == "zsh") std::cout << zsh_completion(commands);
    if (*shell == "fish") std::cout << fish_completion(commands);
  };
}

void register_complete(CLI::App& app, Runner& run) {
  auto kind = std::make_shared<std::string>();
  auto prefix = std::make_shared<std::string>();
  app.add_option("KIND", *kind,
                 "child, plan, action, review, episode, assessment, enquiry, conference, "
                 "batch, id (any kind, by its letter), report or template")
      ->required();
  app.add_option("PREFIX", *prefix, "what has been typed of it");
  run = [kind, prefix](Session& s, DatabaseAccess& access) {
    // Completion must never get in the way: a missing database, a busy one, a restricted child's
    // note, anything at all, and it offers nothing rather than an error.
    try {
      for (const auto& answer : answers(s, access, *kind, *prefix)) std::cout << answer << '\n';
    } catch (const std::exception&) {
    }
  };
}

}  // namespace icsctl
