#include <ics/model/text_rules.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <array>

namespace ics::model {

namespace {

struct Cap {
  std::string_view field;
  std::size_t bytes;
};

constexpr std::size_t k_name_bytes = 200, k_reference_bytes = 100, k_free_text_bytes = 2000;

// Fields of every path: the single commands' options, the bulk files' columns, the register's fields.
constexpr std::array k_caps = {
    Cap{"given_names", k_name_bytes},
    Cap{"family_name", k_name_bytes},
    Cap{"worker", k_name_bytes},
    Cap{"lead_worker", k_name_bytes},
    Cap{"team", k_name_bytes},
    Cap{"owner", k_name_bytes},
    Cap{"as", k_name_bytes},
    Cap{"ref", k_reference_bytes},
    Cap{"legacy_ref", k_reference_bytes},
    Cap{"child_ref", k_reference_bytes},
    Cap{"nhs_number", k_reference_bytes},
    Cap{"upn", k_reference_bytes},
    Cap{"sex", k_reference_bytes},
    Cap{"ethnicity", k_reference_bytes},
    Cap{"category", k_reference_bytes},
    Cap{"agency", k_reference_bytes},
    Cap{"section", k_reference_bytes},
    Cap{"template", k_reference_bytes},
    Cap{"kind", k_reference_bytes},
    Cap{"date_of_birth", k_reference_bytes},
    Cap{"start_date", k_reference_bytes},
    Cap{"end_date", k_reference_bytes},
};

}  // namespace

std::size_t text_cap(std::string_view field) {
  for (const auto& cap : k_caps)
    if (cap.field == field) return cap.bytes;
  return k_free_text_bytes;
}

std::optional<std::string> text_fault(std::string_view text, std::size_t cap) {
  if (!util::is_plain_ascii(text)) {
    if (auto bad = util::first_unprintable(text)) {
      switch (bad->kind) {
        case util::Unprintable::invalid_utf8: return "is not valid UTF-8";
        case util::Unprintable::control: return "holds control characters";
        case util::Unprintable::bidi_control: return "holds bidirectional control characters";
      }
    }
  }
  if (text.size() > cap) return fmt::format("is longer than {} bytes", cap);
  return std::nullopt;
}

}  // namespace ics::model
