// The rows of a register export (io/register/input and row) read through the shipped legacy-register
// mapping: the first byte picks the encoding (even: UTF-8, odd: windows-1252), the rest is the file,
// its first record the header. Properties: only ics::InvalidInput escapes; lines only grow; a rejected
// or warned row's issue names its line and field and shows its value escaped; a row taken has a
// trimmed reference and family name, a category code, a start date not after today, an end not before
// the start with an end reason, valid normalised identifiers, and a date of birth not after its start.
#include "fuzz_support.hpp"

#include <ics/io/mapping.hpp>
#include <ics/io/register/input.hpp>
#include <ics/io/register/row.hpp>
#include <ics/model/codes.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/text.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

const ics::io::Mapping& legacy_mapping() {
  static const ics::io::Mapping mapping = ics::io::parse_mapping(
      *ics::util::resource("mappings/legacy-register.yaml"), "builtin:mappings/legacy-register.yaml");
  return mapping;
}

void check_issue(const ics::io::RowIssue& issue, long line) {
  FUZZ_EXPECT(issue.line == line);
  FUZZ_EXPECT(!issue.field.empty() && !issue.reason.empty());
  for (char c : issue.value + issue.ref) {
    const auto byte = static_cast<unsigned char>(c);
    FUZZ_EXPECT(byte >= 0x20 && byte != 0x7f);
  }
}

bool trimmed(std::string_view text) {
  return ics::util::trim(text) == text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& mapping = legacy_mapping();
  const auto encoding = (data[0] & 1) ? ics::util::Encoding::windows_1252 : ics::util::Encoding::utf8;
  std::istringstream in(std::string(ics::fuzz::as_text(data + 1, size - 1)));
  const ics::util::Date today(2026, 1, 31);
  ics::fuzz::only_invalid_input([&] {
    ics::io::ExportReader reader(in, encoding);
    std::vector<std::string> header;
    if (!reader.next(header)) return;
    ics::io::RowChecker checker(mapping, header, today, {"NEG", "PHY", "SAB", "EMO", "MUL"});
    std::vector<std::string> fields;
    long last_line = reader.line();
    while (reader.next(fields)) {
      const long line = reader.line();
      FUZZ_EXPECT(line > last_line);
      last_line = line;
      std::string ref;
      if (auto issue = checker.read_ref(fields, line, ref)) {
        FUZZ_EXPECT(issue->rejected);
        check_issue(*issue, line);
        continue;
      }
      FUZZ_EXPECT(!ref.empty() && trimmed(ref));
      ics::io::RegisterRow row;
      row.ref = ref;
      std::vector<ics::io::RowIssue> warnings;
      if (auto issue = checker.read(fields, line, row, warnings)) {
        FUZZ_EXPECT(issue->rejected);
        check_issue(*issue, line);
        continue;
      }
      for (const auto& warning : warnings) {
        FUZZ_EXPECT(!warning.rejected);
        check_issue(warning, line);
      }
      FUZZ_EXPECT(row.line == line);
      FUZZ_EXPECT(!row.family_name.empty() && trimmed(row.family_name) && trimmed(row.given_names));
      const auto categories = ics::model::category_codes();
      FUZZ_EXPECT(std::find(categories.begin(), categories.end(), row.category) != categories.end());
      const auto sexes = ics::model::sex_codes();
      FUZZ_EXPECT(std::find(sexes.begin(), sexes.end(), row.sex) != sexes.end());
      FUZZ_EXPECT(row.start <= today);
      if (row.end) FUZZ_EXPECT(*row.end >= row.start && *row.end <= today && row.end_reason.has_value());
      if (!row.end) FUZZ_EXPECT(!row.end_reason.has_value());
      if (row.nhs_number) FUZZ_EXPECT(ics::model::normalise_nhs_number(*row.nhs_number) == row.nhs_number);
      if (row.upn) FUZZ_EXPECT(ics::model::normalise_upn(*row.upn) == row.upn);
      if (row.date_of_birth) FUZZ_EXPECT(*row.date_of_birth <= row.start && !row.expected_dob);
      FUZZ_EXPECT(row.details != 0);
    }
  });
  return 0;
}
