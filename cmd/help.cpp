// `icsctl help [TOPIC|COMMAND]`: the topics (schemas/help/*.txt), or a command's --help.
#include "command.hpp"
#include "did_you_mean.hpp"
#include "exit_codes.hpp"
#include "help_topics.hpp"
#include "help_tree.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

namespace {

void list_topics() {
  std::cout << "Help topics (icsctl help TOPIC):\n";
  for (const auto& topic : help_topics())
    std::cout << fmt::format("  {:<13} {}\n", topic.name, topic.summary);
  std::cout << "\nA command's options and examples: icsctl help COMMAND, or icsctl COMMAND --help.\n"
               "Everything in one page: man icsctl.\n";
}

}  // namespace

void register_help(CLI::App& app, Runner& run) {
  auto words = std::make_shared<std::vector<std::string>>();
  app.add_option("TOPIC", *words,
                 "a topic (icsctl help lists them) or a command (add-child, import children)");
  run = [&app, words](Session&, DatabaseAccess&) {
    if (words->empty()) return list_topics();
    std::string subject = fmt::format("{}", fmt::join(*words, " "));
    if (const auto* topic = find_topic(subject)) {
      std::cout << topic->text;
      return;
    }
    const CLI::App& root = *app.get_parent();
    if (const auto* command = find_command(root, subject); command && command != &root) {
      // Named as `icsctl import children --help` names it: the commands above it first.
      auto above = subject.rfind(' ');
      std::cout << command->help(above == std::string::npos ? "icsctl"
                                                            : "icsctl " + subject.substr(0, above));
      return;
    }
    std::vector<std::string> candidates;
    for (const auto& topic : help_topics()) candidates.push_back(topic.name);
    for (const auto& command : describe_commands(root))
      if (!command.path.empty()) candidates.push_back(command.path);
    std::vector<std::string> topics;
    for (const auto& topic : help_topics()) topics.push_back(topic.name);
    throw CLI::ParseError(fmt::format("no help topic or command '{}'{}; the topics are {}", subject,
                                      ics::util::did_you_mean(subject, candidates), fmt::join(topics, ", ")),
                          k_exit_usage);
  };
}

}  // namespace icsctl
