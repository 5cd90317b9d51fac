// `icsctl __man` (hidden): the manual page icsctl.1, in roff, made at build time (cmd/CMakeLists.txt)
// from the same commands, options, examples and help topics as --help.
#include "command.hpp"
#include "help_examples.hpp"
#include "help_topics.hpp"
#include "help_tree.hpp"
#include "version.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

namespace {

// Text as roff reads it: a backslash written \e, a line beginning with . or ' kept as text.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

// An option's name: its hyphens are minus signs, so that it can be searched for and copied.
std::string roff_name(std::string_view name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

std::string option_item(const OptionHelp& option) {
  std::string names;
  for (const auto& name : option.names)
    names += fmt::format("{}\\fB{}\\fR", names.empty() ? "" : ", ", roff_name(name));
  if (option.positional)
    names = fmt::format("\\fI{}\\fR", option.names.front());
  else if (option.takes_value())
    names += fmt::format(" \\fI{}\\fR", option.value_name);
  std::string description = option.description;
  if (!option.choices.empty()) description += fmt::format(" ({})", fmt::join(option.choices, ", "));
  if (option.required && !option.positional) description += " Required.";
  return fmt::format(".TP\n{}\n{}\n", names, roff(description));
}

// The footer's own text, without the examples that follow it.
std::string own_footer(const CLI::App& app) {
  std::string footer = app.get_footer();
  auto examples = footer.find("Examples:");
  if (examples != std::string::npos) footer = footer.substr(0, examples);
  while (!footer.empty() && (footer.back() == '\n' || footer.back() == ' ')) footer.pop_back();
  return footer;
}

// Paragraphs for roff to fill; a line indented in the text keeps its own line.
std::string paragraphs(std::string_view text) {
  std::string out = ".PP\n";
  for (std::size_t at = 0; at <= text.size();) {
    auto end = std::min(text.find('\n', at), text.size());
    auto line = text.substr(at, end - at);
    out += line.empty() ? std::string(".PP\n") : roff(line) + "\n";
    at = end + 1;
  }
  return out;
}

// Preformatted text (a topic's body, examples) as it is.
std::string preformatted(std::string_view text) {
  std::string body(text);
  while (!body.empty() && body.back() == '\n') body.pop_back();
  return ".PP\n.nf\n.RS 4\n" + roff(body) + "\n.RE\n.fi\n";
}

std::string command_section(const CommandHelp& command, const std::string& root_footer) {
  std::string usage = "icsctl " + command.path;
  for (const auto& a : command.arguments)
    usage += a.required ? " " + a.names.front() : " [" + a.names.front() + "]";
  if (!command.options.empty()) usage += " [OPTIONS]";
  if (!command.subcommands.empty()) usage += " COMMAND";
  std::string out = fmt::format(".SS \"{}\"\n{}\n.PP\n\\fB{}\\fR\n", roff(command.path),
                                roff(command.description), roff_name(usage));
  for (const auto& a : command.arguments) out += option_item(a);
  for (const auto& o : command.options)
    if (o.names.back() != "--help") out += option_item(o);
  if (auto footer = own_footer(*command.app); !footer.empty() && footer != root_footer)
    out += paragraphs(footer);
  auto examples = examples_of(command.path);
  if (!examples.empty()) {
    std::string text;
    for (const auto& e : examples)
      text += fmt::format("# {}{}\n{}\n", e.does, e.exit_code ? fmt::format(" (exit {})", e.exit_code) : "",
                          e.run);
    out += ".PP\nExamples:\n" + preformatted(text);
  }
  return out;
}

// A topic's text under a heading: its first line is the summary, said first.
std::string topic_body(const HelpTopic& topic) {
  auto body = std::string_view(topic.text).substr(std::min(topic.text.size(), topic.summary.size() + 1));
  while (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  return roff(topic.summary) + ".\n" + preformatted(body);
}

std::string man_page(const CLI::App& root) {
  auto commands = describe_commands(root);
  std::string description = root.get_description();
  if (description.rfind("icsctl: ", 0) == 0) description = description.substr(8);
  std::string out = fmt::format(
      ".\\\" The manual page of icsctl, made by `icsctl __man` from its commands: do not edit.\n"
      ".TH ICSCTL 1 \"\" \"icsctl {}\" \"User Commands\"\n"
      ".SH NAME\nicsctl \\- {}\n"
      ".SH SYNOPSIS\n\\fBicsctl\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
      "[\\fIARGUMENTS\\fR]\n.br\n\\fBicsctl help\\fR [\\fITOPIC\\fR|\\fICOMMAND\\fR]\n"
      ".SH DESCRIPTION\n"
      "icsctl keeps child protection and child in need plans as plans, actions and reviews in one SQLite\n"
      "database file, and answers by report which children have a need but no plan, and which children\n"
      "on plans have overdue actions or reviews.\n"
      ".PP\nstdout carries data only; summaries, warnings and errors go to stderr. Every write command is\n"
      "one transaction with its audit records.\n",
      icsctl_version(), roff(description));
  out += ".SH GLOBAL OPTIONS\nAccepted before or after the command.\n";
  for (const auto& o : commands.front().options) out += option_item(o);
  out += ".SH COMMANDS\n";
  std::string root_footer = own_footer(root);
  for (std::size_t i = 1; i < commands.size(); ++i) out += command_section(commands[i], root_footer);
  out += ".SH HELP TOPICS\nEach is also \\fBicsctl help\\fR \\fITOPIC\\fR.\n";
  for (const auto& topic : help_topics()) {
    if (topic.name == "environment" || topic.name == "exit-codes") continue;
    out += fmt::format(".SS \"{}\"\n", topic.name) + topic_body(topic);
  }
  if (const auto* topic = find_topic("environment")) out += ".SH ENVIRONMENT\n" + topic_body(*topic);
  if (const auto* topic = find_topic("exit-codes")) out += ".SH \"EXIT STATUS\"\n" + topic_body(*topic);
  out +=
      ".SH FILES\n.TP\n\\fI$XDG_DATA_HOME/icsctl/ics.db\\fR\nthe database when neither \\fB\\-\\-db\\fR "
      "nor \\fBICSCTL_DB\\fR names one (\\fI~/.local/share/icsctl/ics.db\\fR without XDG_DATA_HOME)\n"
      ".TP\n\\fIPREFIX/share/icsctl/\\fR\nthe installed plan templates, calendars and register mappings\n";
  out += ".SH \"SEE ALSO\"\n\\fBsqlite3\\fR(1)\n";
  return out;
}

}  // namespace

void register_man(CLI::App& app, Runner& run) {
  run = [&app](Session&, DatabaseAccess&) { std::cout << man_page(*app.get_parent()); };
}

}  // namespace icsctl
