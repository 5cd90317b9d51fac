#include <ics/store/plain_image.hpp>

#include <cctype>
#include <cstdint>

namespace ics::store {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {}

  bool at_end() {
    skip_space();
    return m_at == m_text.size();
  }
  // Takes `c` (after any white space) if it is next.
  bool take(char c) {
    skip_space();
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }
  bool next_is(char c) {
    skip_space();
    return m_at < m_text.size() && m_text[m_at] == c;
  }
  // A string without escapes or control characters: its content.
  std::optional<std::string_view> plain_string() {
    if (!take('"')) return std::nullopt;
    auto begin = m_at;
    for (; m_at < m_text.size(); ++m_at) {
      auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') return m_text.substr(begin, m_at++ - begin);
      if (c == '\\' || c < 0x20) return std::nullopt;
    }
    return std::nullopt;
  }
  // A bare word (null, true, false or a number) as written.
  std::string_view word() {
    skip_space();
    auto begin = m_at;
    while (m_at < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_at])) ||
                                    m_text[m_at] == '-' || m_text[m_at] == '+' || m_text[m_at] == '.'))
      ++m_at;
    return m_text.substr(begin, m_at - begin);
  }

 private:
  void skip_space() {
    while (m_at < m_text.size() &&
           (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\t' || m_text[m_at] == '\r'))
      ++m_at;
  }
  std::string_view m_text;
  std::size_t m_at = 0;
};

// An integer as nlohmann writes it back: no sign but '-', no leading zero, no "-0".
bool plain_integer(std::string_view w) {
  bool negative = !w.empty() && w[0] == '-';
  auto digits = w.substr(negative ? 1 : 0);
  if (digits.empty() || digits.size() > 18 || (digits[0] == '0' && (digits.size() > 1 || negative)))
    return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

// A value as the record's column reads it (record_check's json_text); false when not plain.
bool plain_value(Reader& in, std::optional<std::string_view>& value) {
  if (in.next_is('"')) {
    value = in.plain_string();
    return value.has_value();
  }
  auto w = in.word();
  if (w == "null")
    value = std::nullopt;
  else if (w == "true")
    value = "yes";
  else if (w == "false")
    value = "no";
  else if (plain_integer(w))
    value = w;
  else
    return false;
  return true;
}

}  // namespace

bool plainly_matches(std::string_view json, const std::vector<std::string>& names,
                     const std::vector<std::optional<std::string_view>>& values) {
  // `names` are distinct: a key is one of them or none. The images hold their keys mostly in the
  // order of `names`, so each key is looked for from the one after the last key's.
  const std::size_t count = names.size();
  if (count > 64) return false;  // more than `seen` holds: not plain
  Reader in(json);
  if (!in.take('{')) return false;
  std::uint64_t seen = 0;
  std::size_t from = 0;
  if (!in.take('}')) {
    do {
      auto key = in.plain_string();
      std::optional<std::string_view> value;
      if (!key || !in.take(':') || !plain_value(in, value)) return false;
      for (std::size_t n = 0; n < count; ++n) {
        const std::size_t i = (from + n) % count;
        if (names[i] != *key) continue;
        if (seen >> i & 1) return false;  // the parser would keep the last: not plain
        seen |= std::uint64_t{1} << i;
        if (value.has_value() != values[i].has_value() || (value && *value != *values[i])) return false;
        from = i + 1;
        break;
      }
    } while (in.take(','));
    if (!in.take('}')) return false;
  }
  return in.at_end();
}

}  // namespace ics::store
