#include <ics/util/error.hpp>
#include <ics/util/text.hpp>
#include <ics/util/yaml_read.hpp>

#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>
#include <charconv>
#include <sstream>

namespace ics::util::yaml {

namespace {

constexpr size_t k_max_shown = 60;

YAML::Mark mark_at(std::string_view text, size_t offset) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(offset);
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++mark.line;
      line_start = i + 1;
    }
  mark.column = static_cast<int>(offset - line_start);
  return mark;
}

// Where each document of a text starts, and where its content starts (its first scalar, list or
// map; the start again when it has none); the rest of the text's events are not needed.
struct DocumentStarts final : YAML::EventHandler {
  std::vector<YAML::Mark> starts;
  std::vector<YAML::Mark> contents;
  void content(const YAML::Mark& mark) {
    if (contents.size() < starts.size()) contents.push_back(mark);
  }
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override { content(starts.back()); }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { content(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    content(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnMapEnd() override {}
};

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (auto word : words) out += (out.empty() ? "" : ", ") + std::string(word);
  return out;
}

}  // namespace

void fail(std::string_view source, const YAML::Mark& mark, const std::string& what) {
  int line = mark.is_null() ? 1 : mark.line + 1;
  int column = mark.is_null() ? 1 : mark.column + 1;
  // Escaped here, once for every message: they quote keys and values from the file (a control
  // character in a key reached the terminal raw; tests/fuzz/corpus/template/key_with_control).
  throw InvalidInput(fmt::format("{}:{}:{}: {}", escape_text(source), line, column, escape_text(what)));
}

YAML::Node load_map(std::string_view text, std::string_view source, std::string_view what) {
  if (auto bad = first_invalid_utf8(text))
    fail(source, mark_at(text, *bad),
         fmt::format("text is not valid UTF-8 (byte 0x{:02x})", static_cast<unsigned char>(text[*bad])));
  const std::string copy(text);
  YAML::Node document;
  std::vector<YAML::Mark> starts;
  YAML::Mark second;
  try {
    // yaml-cpp's LoadAll never returns on a ',' where a document starts: its parser
    // leaves the character unread and reads an empty document there again, forever, until memory
    // runs out (tests/fuzz/corpus/template/stray_flow_entry). So the documents are first counted,
    // up to three, by where they start; two starting at one place mean that nothing was read.
    std::istringstream in(copy);
    YAML::Parser parser(in);
    DocumentStarts counter;
    while (counter.starts.size() < 3 && parser.HandleNextDocument(counter)) {
    }
    starts = std::move(counter.starts);
    if (counter.contents.size() > 1) second = counter.contents[1];
    for (size_t i = 1; i < starts.size(); ++i)
      if (starts[i].pos == starts[i - 1].pos) {
        const char c = copy[static_cast<size_t>(starts[i].pos)];
        fail(
            source, starts[i],
            c > ' ' && c < 0x7f ? fmt::format("YAML syntax error: unexpected '{}'", c) : "YAML syntax error");
      }
    document = YAML::Load(copy);
  } catch (const YAML::Exception& e) {
    fail(source, e.mark, fmt::format("YAML syntax error: {}", e.msg));
  }
  if (starts.empty() || document.IsNull()) fail(source, YAML::Mark(), fmt::format("{} is empty", what));
  if (starts.size() > 1) fail(source, second, "expected one YAML document, found more");
  if (!document.IsMap()) fail(source, document.Mark(), fmt::format("{} must be a map of keys", what));
  return document;
}

std::string describe(const YAML::Node& node) {
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  if (!node.IsScalar()) return "nothing";
  const std::string& text = node.Scalar();
  if (text.size() <= k_max_shown) return "'" + text + "'";
  size_t cut = k_max_shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;  // whole characters
  return "'" + text.substr(0, cut) + "...'";
}

bool is_code(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Map::Map(const YAML::Node& node, std::string_view what, std::string_view source,
         std::initializer_list<std::string_view> allowed)
    : m_mark(node.Mark()), m_what(what), m_source(source) {
  if (!node.IsMap())
    yaml::fail(m_source, m_mark, fmt::format("{} must be a map of keys, not {}", m_what, describe(node)));
  for (auto it = node.begin(); it != node.end(); ++it) {
    // Copies (a Node is a handle): `it->` returns a proxy that ends with the statement, and a
    // reference into it dangles (ASan, stack-use-after-scope; tests/fuzz/corpus/template).
    const YAML::Node key = it->first;
    if (!key.IsScalar()) yaml::fail(m_source, key.Mark(), fmt::format("keys in {} must be text", m_what));
    const std::string& name = key.Scalar();
    if (has(name)) yaml::fail(m_source, key.Mark(), fmt::format("duplicate key '{}' in {}", name, m_what));
    bool known = false;
    for (auto a : allowed) known = known || a == name;
    if (!known)
      yaml::fail(m_source, key.Mark(),
                 fmt::format("unknown key '{}' in {} (expected {})", name, m_what, join(allowed)));
    m_entries.push_back({name, key, it->second});
  }
}

const Map::Entry* Map::find(std::string_view key) const {
  for (const auto& entry : m_entries)
    if (entry.key == key) return &entry;
  return nullptr;
}

const YAML::Node& Map::get(std::string_view key) const {
  const Entry* entry = find(key);
  if (!entry) yaml::fail(m_source, m_mark, fmt::format("missing required key '{}' in {}", key, m_what));
  return entry->value;
}

YAML::Mark Map::mark(std::string_view key) const {
  const Entry* entry = find(key);
  if (!entry) return m_mark;
  YAML::Mark value = entry->value.Mark();
  return value.is_null() || entry->value.IsNull() ? entry->key_node.Mark() : value;
}

void Map::fail(std::string_view key, const std::string& what) const {
  yaml::fail(m_source, mark(key), what);
}

void Map::refuse(std::string_view key, std::string_view rule) const {
  fail(key, fmt::format("'{}' {}: {}", key, rule, describe(get(key))));
}

std::string Map::text(std::string_view key) const {
  const YAML::Node& value = get(key);
  if (value.IsNull()) fail(key, fmt::format("'{}' must not be empty", key));
  if (!value.IsScalar()) refuse(key, "must be text");
  if (value.Scalar().find_first_not_of(" \t\r\n") == std::string::npos)
    fail(key, fmt::format("'{}' must not be empty", key));
  return value.Scalar();
}

std::optional<std::string> Map::optional_text(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return text(key);
}

std::string Map::code(std::string_view key) const {
  std::string value = text(key);
  if (!is_code(value)) refuse(key, "must be lower-case letters, digits and '-'");
  return value;
}

int Map::positive_int(std::string_view key, int max) const {
  const YAML::Node& value = get(key);
  std::string rule = max == INT_MAX ? std::string("must be a positive whole number")
                                    : fmt::format("must be a whole number from 1 to {}", max);
  if (!value.IsScalar()) refuse(key, rule);
  const std::string& text = value.Scalar();
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || error != std::errc() || end != text.data() + text.size() || number < 1 || number > max)
    refuse(key, rule);
  return number;
}

const YAML::Node& Map::list(std::string_view key) const {
  const YAML::Node& value = get(key);
  if (!value.IsSequence()) refuse(key, "must be a list");
  return value;
}

}  // namespace ics::util::yaml
