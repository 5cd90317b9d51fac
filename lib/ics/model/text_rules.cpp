#include <ics/model/text_rules.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <array>

namespace ics::model {

namespace {

struct Cap {
  std::string_view field;
  TextRule rule;
};

constexpr std::size_t k_name_bytes = 200, k_reference_bytes = 100, k_free_text_bytes = 2000;

// Fields of every path: the single commands' options, the bulk files' columns, the register's fields.
constexpr std::array k_caps = {
    Cap{"given_names", {k_name_bytes}},
    Cap{"family_name", {k_name_bytes}},
    Cap{"worker", {k_name_bytes}},
    Cap{"lead_worker", {k_name_bytes}},
    Cap{"team", {k_name_bytes}},
    Cap{"owner", {k_name_bytes}},
    Cap{"as", {k_name_bytes}},
    Cap{"ref", {k_reference_bytes}},
    Cap{"legacy_ref", {k_reference_bytes}},
    Cap{"child_ref", {k_reference_bytes}},
    Cap{"nhs_number", {k_reference_bytes}},
    Cap{"upn", {k_reference_bytes}},
    Cap{"sex", {k_reference_bytes}},
    Cap{"ethnicity", {k_reference_bytes}},
    Cap{"category", {k_reference_bytes}},
    Cap{"agency", {k_reference_bytes}},
    Cap{"section", {k_reference_bytes}},
    Cap{"template", {k_reference_bytes}},
    Cap{"kind", {k_reference_bytes}},
    Cap{"date_of_birth", {k_reference_bytes}},
    Cap{"start_date", {k_reference_bytes}},
    Cap{"end_date", {k_reference_bytes}},
    // Free text of several lines.
    Cap{"what", {k_free_text_bytes, true}},
    Cap{"outcome", {k_free_text_bytes, true}},
    Cap{"reason", {k_free_text_bytes, true}},
    Cap{"cancel_reason", {k_free_text_bytes, true}},
    Cap{"contingency", {k_free_text_bytes, true}},
    Cap{"end_reason", {k_free_text_bytes, true}},
};

// The first character the rule refuses, or nullopt: the first one not printable, past the line
// breaks the rule allows.
std::optional<util::UnprintableAt> first_refused(std::string_view text, bool line_breaks) {
  for (std::size_t from = 0;;) {
    auto bad = util::first_unprintable(text.substr(from));
    if (!bad) return std::nullopt;
    std::size_t at = from + bad->offset;
    std::size_t line_end = text[at] == '\n' ? 1 : text.substr(at, 2) == "\r\n" ? 2 : 0;
    if (!line_breaks || line_end == 0) return util::UnprintableAt{bad->kind, at};
    from = at + line_end;
  }
}

}  // namespace

TextRule text_rule(std::string_view field) {
  for (const auto& cap : k_caps)
    if (cap.field == field) return cap.rule;
  return {k_free_text_bytes};
}

std::optional<std::string> text_fault(std::string_view text, TextRule rule) {
  if (!util::is_plain_ascii(text)) {
    if (auto bad = first_refused(text, rule.line_breaks)) {
      switch (bad->kind) {
        case util::Unprintable::invalid_utf8: return "is not valid UTF-8";
        case util::Unprintable::control: return "holds control characters";
        case util::Unprintable::bidi_control: return "holds bidirectional control characters";
      }
    }
  }
  if (text.size() > rule.max_bytes) return fmt::format("is longer than {} bytes", rule.max_bytes);
  return std::nullopt;
}

}  // namespace ics::model
