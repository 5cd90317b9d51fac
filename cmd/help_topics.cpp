#include "help_topics.hpp"

#include <ics/util/resources.hpp>

#include <algorithm>

namespace icsctl {

namespace {

constexpr std::string_view k_folder = "help/";
constexpr std::string_view k_suffix = ".txt";

std::vector<HelpTopic> read_topics() {
  std::vector<HelpTopic> topics;
  for (const auto& resource : ics::util::resources_under(k_folder)) {
    auto path = resource.path;
    if (path.size() <= k_suffix.size() || path.substr(path.size() - k_suffix.size()) != k_suffix) continue;
    HelpTopic topic;
    topic.name = path.substr(k_folder.size(), path.size() - k_folder.size() - k_suffix.size());
    topic.summary = resource.text.substr(0, resource.text.find('\n'));
    topic.text = resource.text;
    topics.push_back(std::move(topic));
  }
  return topics;
}

}  // namespace

const std::vector<HelpTopic>& help_topics() {
  static const std::vector<HelpTopic> k_topics = read_topics();
  return k_topics;
}

const HelpTopic* find_topic(std::string_view name) {
  const auto& topics = help_topics();
  auto at = std::find_if(topics.begin(), topics.end(), [&](const auto& t) { return t.name == name; });
  return at == topics.end() ? nullptr : &*at;
}

}  // namespace icsctl
