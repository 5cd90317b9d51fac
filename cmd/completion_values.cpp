#include "completion_values.hpp"

#include "help_topics.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/returns/settings.hpp>

#include <algorithm>
#include <span>

namespace icsctl {

namespace {

using Kind = CompletionValues::Kind;

CompletionValues words(std::vector<std::string> list) {
  return {Kind::words, std::move(list), {}};
}

CompletionValues words(std::span<const std::string_view> list) {
  return words(std::vector<std::string>(list.begin(), list.end()));
}

CompletionValues code_list(std::string_view name) {
  return words(ics::model::code_list(name).values());
}

CompletionValues asked(std::string what) {
  return {Kind::asked, {}, std::move(what)};
}

// `help TOPIC`: the topics, then the commands of the first level.
CompletionValues help_subjects() {
  std::vector<std::string> list;
  for (const auto& topic : help_topics()) list.push_back(topic.name);
  return words(std::move(list));
}

// One row: the option or argument `name` of the command `command` ("*": of any command).
struct Rule {
  std::string_view command;
  std::string_view name;
  CompletionValues (*values)();
};

const Rule k_rules[] = {
    {"report", "NAME", [] { return asked("report"); }},
    {"templates show", "NAME", [] { return asked("template"); }},
    {"*", "--template", [] { return asked("template"); }},
    {"*", "CHILD", [] { return asked("child"); }},
    {"*", "--child", [] { return asked("child"); }},
    {"*", "PLAN", [] { return asked("plan"); }},
    {"*", "--plan", [] { return asked("plan"); }},
    {"*", "ACTION", [] { return asked("action"); }},
    {"*", "EPISODE", [] { return asked("episode"); }},
    {"*", "--episode", [] { return asked("episode"); }},
    {"*", "ID", [] { return asked("id"); }},
    {"help", "TOPIC", help_subjects},
    {"*", "FILE",
     [] {
       return CompletionValues{Kind::file, {}, {}};
     }},
    {"*", "--db",
     [] {
       return CompletionValues{Kind::file, {}, {}};
     }},
    {"*", "--out",
     [] {
       return CompletionValues{Kind::file, {}, {}};
     }},
    {"*", "--mapping",
     [] {
       return CompletionValues{Kind::file, {}, {}};
     }},
    {"*", "--rejects",
     [] {
       return CompletionValues{Kind::file, {}, {}};
     }},
    {"*", "--templates",
     [] {
       return CompletionValues{Kind::directory, {}, {}};
     }},
    {"*", "--sex", [] { return words(ics::model::sex_codes()); }},
    {"*", "--category", [] { return words(ics::model::category_codes()); }},
    {"close-plan", "--reason", [] { return words(ics::model::end_reason_codes()); }},
    {"close-episode", "--reason", [] { return code_list("closure-reason"); }},
    {"record-review", "--kind", [] { return words(ics::model::review_kinds()); }},
    {"list actions", "--status", [] { return words(ics::model::action_statuses()); }},
    {"*", "--source", [] { return code_list("referral-source"); }},
    {"*", "--need", [] { return code_list("primary-need"); }},
    {"*", "--agency", [] { return code_list("agency"); }},
    {"*", "--for-agency", [] { return code_list("agency"); }},
    {"*", "--ethnicity", [] { return code_list("ethnicity"); }},
    {"*", "--upn-unknown", [] { return code_list("upn-unknown"); }},
    {"*", "--la", [] { return code_list("la-number"); }},
};

std::vector<std::string> setting_keys() {
  std::vector<std::string> keys;
  for (const auto& k : ics::returns::setting_keys()) keys.emplace_back(k.key);
  return keys;
}

}  // namespace

CompletionValues completion_values(std::string_view command, const OptionHelp& option) {
  if (!option.takes_value()) return {};
  if (!option.choices.empty()) return words(option.choices);
  if ((command == "settings set" || command == "settings show") && option.names.front() == "KEY")
    return words(setting_keys());
  for (const auto& rule : k_rules) {
    if (rule.command != "*" && rule.command != command) continue;
    if (std::find(option.names.begin(), option.names.end(), rule.name) != option.names.end())
      return rule.values();
  }
  return {};
}

const std::vector<std::string>& asked_kinds() {
  static const std::vector<std::string> k_kinds = {"child",   "plan",       "action",  "review",
                                                   "episode", "assessment", "enquiry", "conference",
                                                   "batch",   "id",         "report",  "template"};
  return k_kinds;
}

}  // namespace icsctl
