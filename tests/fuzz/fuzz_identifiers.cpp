// Identifiers (model/identifiers): NHS numbers, UPNs and public ids. Properties: nothing but
// ics::InvalidInput from parse_id_of throws; a normalised NHS number or UPN is valid and normalises to
// itself; changing any one digit of a valid NHS number or UPN makes it invalid (what the modulus 11
// and modulus 23 checks promise); a public id read prints as its canonical form, which reads back as
// the same id, and parse_id_of agrees with parse_id.
#include "fuzz_support.hpp"

#include <ics/model/identifiers.hpp>

#include <cctype>
#include <string>

namespace {

using namespace ics::model;

// Every one-digit change of the digits at [from, to) of `valid` is refused by `check`.
template <typename Check>
void one_digit_changes_refused(const std::string& valid, std::size_t from, std::size_t to, Check check) {
  for (std::size_t i = from; i < to; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(valid[i]))) continue;
    for (char d = '0'; d <= '9'; ++d) {
      if (d == valid[i]) continue;
      std::string changed = valid;
      changed[i] = d;
      FUZZ_EXPECT(!check(changed));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ics::fuzz::as_text(data, size);
  try {
    if (const auto nhs = normalise_nhs_number(text)) {
      FUZZ_EXPECT(nhs->size() == 10);
      FUZZ_EXPECT(is_valid_nhs_number(text) && is_valid_nhs_number(*nhs));
      FUZZ_EXPECT(normalise_nhs_number(*nhs) == nhs);
      one_digit_changes_refused(*nhs, 0, 10, [](const std::string& s) { return is_valid_nhs_number(s); });
    } else {
      FUZZ_EXPECT(!is_valid_nhs_number(text));
    }
    if (const auto upn = normalise_upn(text)) {
      FUZZ_EXPECT(upn->size() == 13);
      FUZZ_EXPECT(upn_check_letter(*upn) == (*upn)[0]);
      FUZZ_EXPECT(normalise_upn(*upn) == upn);
      one_digit_changes_refused(*upn, 1, 13,
                                [](const std::string& s) { return normalise_upn(s).has_value(); });
    }
    if (const auto letter = upn_check_letter(text))
      FUZZ_EXPECT(std::string_view("ABCDEFGHJKLMNPQRTUVWXYZ").find(*letter) != std::string_view::npos);
    const auto id = parse_id(text);
    if (id) {
      FUZZ_EXPECT(id->number > 0);
      const std::string canonical = format_id(id->kind, id->number);
      FUZZ_EXPECT(canonical[0] == prefix_of(id->kind));
      const auto again = parse_id(canonical);
      FUZZ_EXPECT(again && again->kind == id->kind && again->number == id->number);
      FUZZ_EXPECT(parse_id_of(id->kind, text, "id") == id->number);
    }
    for (EntityKind kind :
         {EntityKind::child, EntityKind::plan, EntityKind::action, EntityKind::review, EntityKind::batch,
          EntityKind::episode, EntityKind::assessment, EntityKind::enquiry, EntityKind::conference}) {
      if (id && id->kind == kind) continue;
      try {
        parse_id_of(kind, text, "id");
        FUZZ_EXPECT(!"parse_id_of took an id parse_id refuses or of another kind");
      } catch (const ics::InvalidInput& e) {
        FUZZ_EXPECT(e.field() == "id");
        FUZZ_EXPECT(e.value() == text);
        ics::fuzz::expect_printable(e);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
