#pragma once
// The one set of rules for the text icsctl stores (names, references, free text), applied on every
// path that writes it: the single commands (require_text), the bulk imports (the same) and the
// register import (its row checks call text_fault). The caps are listed in README.md, "Limits".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ics::model {

// What a text field may hold beyond printable text.
struct TextRule {
  std::size_t max_bytes;     // of UTF-8
  bool line_breaks = false;  // LF or CRLF inside (a note of several lines); never a CR alone
};

// The rule of a field, by its name: 200 bytes for names of children, people and teams, 100 for
// references and codes, 2000 for anything else; line breaks only in free text (an action's what,
// an outcome, a reason, a contingency plan, a register's end reason).
TextRule text_rule(std::string_view field);

// Why `text` (trimmed) breaks the text rules, or nullopt: it is not valid UTF-8, it holds control
// characters (C0 but tab, and but the line breaks the rule allows; DEL, C1, the line and paragraph
// separators U+2028 and U+2029; escape sequences and NUL among them) or bidirectional controls
// (U+202A-U+202E, U+2066-U+2069), or it is longer than the rule's cap. Plain ASCII costs one pass.
std::optional<std::string> text_fault(std::string_view text, TextRule rule);

}  // namespace ics::model
