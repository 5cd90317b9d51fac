#pragma once
// `icsctl help TOPIC`: the topics are the files schemas/help/<topic>.txt, built into libics. A file's
// first line says what it is about (`icsctl help` lists it); the rest is its text.
#include <string>
#include <string_view>
#include <vector>

namespace icsctl {

struct HelpTopic {
  std::string name;     // "exit-codes"
  std::string summary;  // the first line
  std::string text;     // the whole file
};

// Every topic, by name.
const std::vector<HelpTopic>& help_topics();
// The topic `name`, or null.
const HelpTopic* find_topic(std::string_view name);

}  // namespace icsctl
