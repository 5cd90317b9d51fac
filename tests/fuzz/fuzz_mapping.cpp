// Mapping YAML (io/mapping). Properties: only ics::InvalidInput escapes; a mapping read keeps its exact
// text, names the four required columns (non-blank headers with a line and column), has at least one
// date format, maps every code of a coded field to itself (in any case, with spaces around) and any
// value only to a code; reading dates through it never throws; reading its text again gives the
// same mapping.
#include "fuzz_support.hpp"

#include <ics/io/mapping.hpp>
#include <ics/model/codes.hpp>
#include <ics/util/text.hpp>

#include <algorithm>
#include <string>

namespace {

using ics::io::RegisterField;

std::span<const std::string_view> codes_of(RegisterField field) {
  switch (field) {
    case RegisterField::category: return ics::model::category_codes();
    case RegisterField::sex: return ics::model::sex_codes();
    default: return ics::model::end_reason_codes();
  }
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ics::fuzz::as_text(data, size);
  ics::fuzz::only_invalid_input([&] {
    const auto mapping = ics::io::parse_mapping(text, "fuzz.yaml");
    FUZZ_EXPECT(mapping.text == text);
    for (auto field : {RegisterField::ref, RegisterField::family_name, RegisterField::start_date,
                       RegisterField::category}) {
      FUZZ_EXPECT(mapping.column(field).has_value());
      FUZZ_EXPECT(mapping.column(field)->line >= 1 && mapping.column(field)->column >= 1);
    }
    FUZZ_EXPECT(!mapping.date_formats.empty());
    for (auto field : {RegisterField::category, RegisterField::sex, RegisterField::end_reason}) {
      const auto codes = codes_of(field);
      for (auto code : codes) {
        const auto mapped = mapping.map_value(field, " " + upper(code) + "\t");
        FUZZ_EXPECT(mapped.has_value());
        // A values map may send one code's spelling to another code, but only ever to a code.
        FUZZ_EXPECT(std::find(codes.begin(), codes.end(), *mapped) != codes.end());
      }
      // Every line of the file, as a value: mapped only to a code.
      std::size_t start = 0;
      while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        if (auto mapped = mapping.map_value(field, line))
          FUZZ_EXPECT(std::find(codes.begin(), codes.end(), *mapped) != codes.end());
        if (auto date = mapping.parse_date(line))
          FUZZ_EXPECT(ics::util::Date::parse_iso(date->iso()) == date);
        start = end + 1;
      }
    }
    for (auto probe : {"2020-01-31", "31/01/2020", "1/2/20", "29 Feb 2024", "", "   "})
      if (auto date = mapping.parse_date(probe)) FUZZ_EXPECT(ics::util::Date::parse_iso(date->iso()) == date);
    const auto again = ics::io::parse_mapping(mapping.text, "again.yaml");
    FUZZ_EXPECT(again.encoding == mapping.encoding);
    FUZZ_EXPECT(again.date_formats.size() == mapping.date_formats.size());
    FUZZ_EXPECT(again.unborn_marker == mapping.unborn_marker);
    for (std::size_t i = 0; i < ics::io::k_register_field_count; ++i) {
      const auto& a = again.column(static_cast<RegisterField>(i));
      const auto& b = mapping.column(static_cast<RegisterField>(i));
      FUZZ_EXPECT(a.has_value() == b.has_value());
      if (a) FUZZ_EXPECT(a->header == b->header && a->line == b->line && a->column == b->column);
    }
  });
  return 0;
}
