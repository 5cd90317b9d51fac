// Plan template YAML (plan/template_parse). Properties: only ics::InvalidInput escapes; a template
// read keeps its exact text and that text's SHA-256, has a name, a version, at least one section,
// section keys that are unique and intervals of 1 to 1000 units that move a date forward; reading
// its text again gives the same template.
#include "fuzz_support.hpp"

#include <ics/plan/template_parse.hpp>
#include <ics/util/sha256.hpp>

#include <string>

namespace {

void check_interval(const ics::plan::Interval& interval) {
  FUZZ_EXPECT(interval.amount >= 1 && interval.amount <= 1000);
  const ics::util::Date start(2020, 1, 31);
  FUZZ_EXPECT(ics::plan::apply(start, interval, ics::util::Calendar()) > start);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ics::fuzz::as_text(data, size);
  ics::fuzz::only_invalid_input([&] {
    const auto t = ics::plan::parse_template(text, "fuzz.yaml");
    FUZZ_EXPECT(t.text == text);
    FUZZ_EXPECT(t.hash == ics::util::sha256_hex(text));
    FUZZ_EXPECT(t.source == "fuzz.yaml");
    FUZZ_EXPECT(!t.name.empty());
    FUZZ_EXPECT(t.version >= 1);
    FUZZ_EXPECT(!t.sections.empty());
    for (std::size_t i = 0; i < t.sections.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) FUZZ_EXPECT(t.sections[i].key != t.sections[j].key);
      for (const auto& action : t.sections[i].actions) check_interval(action.due);
    }
    for (const auto* interval : {&t.core_group, &t.first_review, &t.review_interval, &t.visit_interval})
      if (*interval) check_interval(**interval);
    const auto again = ics::plan::parse_template_file(t.text, "again.yaml", t.name);
    FUZZ_EXPECT(again.name == t.name && again.version == t.version && again.title == t.title);
    FUZZ_EXPECT(again.kind == t.kind && again.categories == t.categories && again.calendar == t.calendar);
    FUZZ_EXPECT(again.sections.size() == t.sections.size());
    FUZZ_EXPECT(again.hash == t.hash);
  });
  return 0;
}
