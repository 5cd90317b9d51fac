#pragma once
// One register row read through a mapping: the checks that reject a row, the warnings with which a
// row is still imported, and the values of the plan and child it becomes.
#include <ics/io/mapping.hpp>
#include <ics/io/register/import.hpp>
#include <ics/model/text_rules.hpp>
#include <ics/util/date.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::io {

// A registration that can be imported.
struct RegisterRow {
  long line = 0;
  std::string ref;
  std::string child_ref;  // the legacy person id; empty when none
  std::string family_name;
  std::string given_names;
  std::optional<util::Date> date_of_birth;
  std::optional<util::Date> expected_dob;  // an unborn child
  std::string sex = "U";
  std::optional<std::string> nhs_number;  // valid and normalised
  std::optional<std::string> upn;         // valid and normalised
  std::string category;
  util::Date start;
  std::optional<util::Date> end;
  std::optional<std::string> end_reason;         // a code; set when `end` is
  std::optional<std::string> legacy_end_reason;  // the reason as the file has it
  std::optional<std::string> lead_worker;
  std::optional<std::string> team;
  std::uint64_t details = 0;  // details_fingerprint of the row as read; 0 when not known
};

// The text, if any, as a view (store::RegisterWrites takes rows of views).
inline std::optional<std::string_view> optional_view(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return std::string_view(*text);
}

// A fingerprint (never 0) of the child a row describes: its names, date of birth, expected date
// of birth, sex, NHS number and UPN. Rows with equal fingerprints have equal details.
std::uint64_t details_fingerprint(const RegisterRow& row);

class RowChecker {
 public:
  // Finds each mapped column in the header (trimmed, ignoring ASCII case); a missing one throws
  // InvalidInput "<mapping>:<line>:<col>: ...". `categories`: the template's categories (empty: any).
  RowChecker(const Mapping& mapping, const std::vector<std::string>& header, util::Date today,
             std::vector<std::string> categories);

  // The row's register reference (trimmed), or why the row is rejected without it.
  std::optional<RowIssue> read_ref(const std::vector<std::string>& fields, long line, std::string& ref) const;
  // Reads the rest of the row into `row` and appends its warnings; returns the first reason to
  // reject it instead (then `row` and `warnings` are incomplete). A mapped field that breaks the text
  // rules (model/text_rules.hpp: invalid UTF-8, control or bidirectional control characters, longer
  // than its cap) rejects the row. An issue's value is shown escaped and cut (util::shown_text).
  std::optional<RowIssue> read(const std::vector<std::string>& fields, long line, RegisterRow& row,
                               std::vector<RowIssue>& warnings) const;

 private:
  std::string_view value(const std::vector<std::string>& fields, RegisterField field) const;
  bool mapped(RegisterField field) const { return m_index[static_cast<std::size_t>(field)] >= 0; }
  std::optional<RowIssue> break_text_rules(const std::vector<std::string>& fields, long line,
                                           const std::string& ref) const;

  const Mapping& m_mapping;
  std::array<int, k_register_field_count> m_index;  // column position per field, -1 when unmapped
  struct TextField {
    RegisterField field;
    std::size_t index;  // its column
    model::TextRule rule;
  };
  std::vector<TextField> m_text_fields;  // the mapped fields but the reference, checked by the text rules
  model::TextRule m_ref_rule{};
  std::size_t m_smallest_cap = 0;  // of every field checked, the reference's included
  std::size_t m_width;             // the header's number of columns
  util::Date m_today;
  std::vector<std::string> m_categories;
  std::string m_formats;  // the date formats, for messages
};

}  // namespace ics::io
