#include <ics/io/register/row.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/text_rules.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::io {

namespace {

constexpr RegisterField k_all_fields[] = {
    RegisterField::ref,         RegisterField::child_ref,     RegisterField::family_name,
    RegisterField::given_names, RegisterField::date_of_birth, RegisterField::sex,
    RegisterField::nhs_number,  RegisterField::upn,           RegisterField::category,
    RegisterField::start_date,  RegisterField::end_date,      RegisterField::end_reason,
    RegisterField::lead_worker, RegisterField::team};

// Whether every byte of every field is printable ASCII, and the size of the longest field: then no
// field breaks the text rules but by its length. Nearly every row of an export is plain.
bool all_plain(const std::vector<std::string>& fields, std::size_t& longest) {
  bool plain = true;
  longest = 0;
  for (const auto& field : fields) {
    plain &= util::is_plain_ascii(field);
    longest = std::max(longest, field.size());
  }
  return plain;
}

// Sets `out` to `text` trimmed, or to none when that is empty, reusing its memory (a row is read
// into the same RegisterRow as the row before).
void set_trimmed(std::optional<std::string>& out, std::string_view text) {
  auto trimmed = util::trim(text);
  if (trimmed.empty()) {
    out.reset();
    return;
  }
  if (!out) out.emplace();
  out->assign(trimmed);
}

}  // namespace

RowChecker::RowChecker(const Mapping& mapping, const std::vector<std::string>& header, util::Date today,
                       std::vector<std::string> categories)
    : m_mapping(mapping), m_width(header.size()), m_today(today), m_categories(std::move(categories)) {
  m_index.fill(-1);
  for (auto field : k_all_fields) {
    const auto& column = mapping.column(field);
    if (!column) continue;
    auto where = [&](const std::string& what) {
      return InvalidInput(fmt::format("{}:{}:{}: {}", mapping.source, column->line, column->column, what));
    };
    std::string wanted = value_key(column->header);
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (value_key(header[i]) != wanted) continue;
      if (m_index[static_cast<std::size_t>(field)] >= 0)
        throw where(fmt::format("column '{}' appears twice in the file's header", column->header));
      m_index[static_cast<std::size_t>(field)] = static_cast<int>(i);
    }
    if (m_index[static_cast<std::size_t>(field)] < 0)
      throw where(fmt::format("column '{}' (for '{}') is not in the file's header: {}", column->header,
                              field_name(field),
                              util::shown_text(fmt::format("{}", fmt::join(header, ", ")), 400)));
  }
  for (const auto& format : mapping.date_formats)
    m_formats += (m_formats.empty() ? "" : ", ") + format.text();
  m_ref_rule = model::text_rule(field_name(RegisterField::ref));
  m_smallest_cap = m_ref_rule.max_bytes;
  for (auto field : k_all_fields)
    if (field != RegisterField::ref && mapped(field))
      m_text_fields.push_back({field, static_cast<std::size_t>(m_index[static_cast<std::size_t>(field)]),
                               model::text_rule(field_name(field))});
  for (const auto& text : m_text_fields) m_smallest_cap = std::min(m_smallest_cap, text.rule.max_bytes);
}

std::string_view RowChecker::value(const std::vector<std::string>& fields, RegisterField field) const {
  int index = m_index[static_cast<std::size_t>(field)];
  if (index < 0 || static_cast<std::size_t>(index) >= fields.size()) return {};
  return fields[static_cast<std::size_t>(index)];
}

std::optional<RowIssue> RowChecker::read_ref(const std::vector<std::string>& fields, long line,
                                             std::string& ref) const {
  std::string_view raw = value(fields, RegisterField::ref);
  auto trimmed = util::trim(raw);
  auto fault = model::text_fault(trimmed, m_ref_rule);
  ref = fault ? std::string() : std::string(trimmed);
  auto reject = [&](std::string field, std::string value, std::string reason) {
    return RowIssue{.rejected = true,
                    .line = line,
                    .ref = util::escape_text(ref),
                    .field = std::move(field),
                    .value = std::move(value),
                    .reason = std::move(reason)};
  };
  if (fields.size() != m_width)
    return reject("row", "", fmt::format("has {} fields where the header has {}", fields.size(), m_width));
  if (fault) return reject("ref", util::shown_text(raw), std::move(*fault));
  if (ref.empty()) return reject("ref", util::shown_text(raw), "is empty");
  return std::nullopt;
}

// The text rules (model/text_rules.hpp) for every mapped field but the reference (read_ref's).
std::optional<RowIssue> RowChecker::break_text_rules(const std::vector<std::string>& fields, long line,
                                                     const std::string& ref) const {
  std::size_t longest = 0;
  bool plain = all_plain(fields, longest);
  if (plain && longest <= m_smallest_cap) return std::nullopt;  // every field within every cap
  for (const auto& text : m_text_fields) {
    std::string_view raw =
        text.index < fields.size() ? std::string_view(fields[text.index]) : std::string_view();
    if (plain && raw.size() <= text.rule.max_bytes) continue;
    auto fault = model::text_fault(util::trim(raw), text.rule);
    if (!fault) continue;
    return RowIssue{.rejected = true,
                    .line = line,
                    .ref = util::escape_text(ref),
                    .field = std::string(field_name(text.field)),
                    .value = util::shown_text(raw),
                    .reason = std::move(*fault)};
  }
  return std::nullopt;
}

std::optional<RowIssue> RowChecker::read(const std::vector<std::string>& fields, long line, RegisterRow& row,
                                         std::vector<RowIssue>& warnings) const {
  auto issue = [&](bool rejected, RegisterField field, std::string_view raw, std::string reason) {
    return RowIssue{.rejected = rejected,
                    .line = line,
                    .ref = util::escape_text(row.ref),
                    .field = std::string(field_name(field)),
                    .value = util::shown_text(raw),
                    .reason = std::move(reason)};
  };
  auto reject = [&](RegisterField field, std::string reason) {
    return issue(true, field, value(fields, field), std::move(reason));
  };
  auto warn = [&](RegisterField field, std::string reason) {
    warnings.push_back(issue(false, field, value(fields, field), std::move(reason)));
  };
  auto not_a_date = [&] {
    return fmt::format("is not a date in the mapping's date formats ({})", m_formats);
  };
  using F = RegisterField;
  row.line = line;

  if (auto broken = break_text_rules(fields, line, row.ref)) return broken;

  row.family_name = util::trim(value(fields, F::family_name));
  if (row.family_name.empty()) return reject(F::family_name, "is empty");

  if (util::trim(value(fields, F::start_date)).empty()) return reject(F::start_date, "is missing");
  auto start = m_mapping.parse_date(value(fields, F::start_date));
  if (!start) return reject(F::start_date, not_a_date());
  if (*start > m_today) return reject(F::start_date, "is after today");
  row.start = *start;

  row.end.reset();
  if (!util::trim(value(fields, F::end_date)).empty()) {
    row.end = m_mapping.parse_date(value(fields, F::end_date));
    if (!row.end) return reject(F::end_date, not_a_date());
    if (*row.end < row.start)
      return reject(F::end_date, fmt::format("is before the start date ({})", row.start.iso()));
    if (*row.end > m_today) return reject(F::end_date, "is after today");
  }

  if (util::trim(value(fields, F::category)).empty()) return reject(F::category, "is missing");
  auto category = m_mapping.map_value(F::category, value(fields, F::category));
  if (!category) return reject(F::category, "has no mapping");
  if (!m_categories.empty() &&
      std::find(m_categories.begin(), m_categories.end(), *category) == m_categories.end())
    return reject(F::category,
                  fmt::format("maps to {}, which the child-protection template does not allow", *category));
  row.category = *category;

  // Imported from here on, perhaps with warnings.
  row.child_ref = util::trim(value(fields, F::child_ref));
  row.given_names = util::trim(value(fields, F::given_names));
  row.date_of_birth.reset();
  row.expected_dob.reset();
  if (!util::trim(value(fields, F::date_of_birth)).empty()) {
    row.date_of_birth = m_mapping.parse_date(value(fields, F::date_of_birth));
    if (!row.date_of_birth) warn(F::date_of_birth, not_a_date() + " (left unknown)");
  }
  row.sex = "U";
  if (mapped(F::sex)) {
    if (auto sex = m_mapping.map_value(F::sex, value(fields, F::sex)))
      row.sex = *sex;
    else
      warn(F::sex, "has no mapping (recorded as U)");
  }
  row.nhs_number.reset();
  if (!util::trim(value(fields, F::nhs_number)).empty()) {
    row.nhs_number = model::normalise_nhs_number(util::trim(value(fields, F::nhs_number)));
    if (!row.nhs_number) warn(F::nhs_number, "is not a valid NHS number (dropped)");
  }
  row.upn.reset();
  if (!util::trim(value(fields, F::upn)).empty()) {
    row.upn = model::normalise_upn(util::trim(value(fields, F::upn)));
    if (!row.upn) warn(F::upn, "is not a valid UPN (dropped)");
  }
  set_trimmed(row.legacy_end_reason, value(fields, F::end_reason));
  if (row.end)
    set_trimmed(row.end_reason,
                m_mapping.map_value(F::end_reason, value(fields, F::end_reason)).value_or("other"));
  else
    row.end_reason.reset();
  set_trimmed(row.lead_worker, value(fields, F::lead_worker));
  set_trimmed(row.team, value(fields, F::team));

  bool unborn =
      m_mapping.is_unborn_marker(row.given_names) || (row.date_of_birth && *row.date_of_birth > row.start);
  if (unborn) {
    row.expected_dob = row.date_of_birth;
    row.date_of_birth.reset();
  }
  row.details = details_fingerprint(row);
  return std::nullopt;
}

// One 64-bit hash of the details, each hashed (with its length) and mixed in turn, without copying
// them. A later row is only ever compared with its own child's fingerprint: for a hundred thousand
// later rows the odds that a collision drops an update that would have changed something are
// about 1 in 10^14.
std::uint64_t details_fingerprint(const RegisterRow& row) {
  std::uint64_t hash = 0;
  auto mix = [&hash](std::uint64_t value) {
    hash = (hash ^ value) * 0x9E3779B97F4A7C15ULL;
    hash ^= hash >> 29;
  };
  constexpr std::uint64_t k_none = UINT64_MAX;  // a value not given
  auto text = [&](std::string_view value) {
    mix(value.size());
    mix(std::hash<std::string_view>{}(value));
  };
  auto optional_text = [&](const std::optional<std::string>& value) { value ? text(*value) : mix(k_none); };
  auto date = [&](const std::optional<util::Date>& value) {
    mix(value ? static_cast<std::uint64_t>(value->days().time_since_epoch().count()) : k_none);
  };
  text(row.given_names);
  text(row.family_name);
  date(row.date_of_birth);
  date(row.expected_dob);
  text(row.sex);
  optional_text(row.nhs_number);
  optional_text(row.upn);
  return hash == 0 ? 1 : hash;
}

}  // namespace ics::io
