#include "fields.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>
#include <algorithm>

namespace icsctl {

namespace {

class ProjectingSink : public ics::util::RowSink {
 public:
  ProjectingSink(std::unique_ptr<ics::util::RowSink> next, std::vector<std::string> fields)
      : m_next(std::move(next)), m_fields(std::move(fields)) {}
  void begin(const std::vector<ics::util::Column>& columns) override {
    m_positions = field_positions(columns, m_fields);
    std::vector<ics::util::Column> chosen;
    for (auto at : m_positions) chosen.push_back(columns[at]);
    m_next->begin(chosen);
  }
  void row(const std::vector<ics::util::Value>& values) override {
    m_row.clear();
    for (auto at : m_positions) m_row.push_back(values[at]);
    m_next->row(m_row);
  }
  void end() override { m_next->end(); }

 private:
  std::unique_ptr<ics::util::RowSink> m_next;
  std::vector<std::string> m_fields;
  std::vector<std::size_t> m_positions;
  std::vector<ics::util::Value> m_row;  // reused: one allocation for the whole result
};

}  // namespace

std::vector<std::string> parse_fields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t from = 0;
  while (true) {
    auto comma = text.find(',', from);
    auto item = text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos)
      throw CLI::ValidationError("--fields", fmt::format("'{}' has an empty field name", text));
    item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
    if (std::find(fields.begin(), fields.end(), item) != fields.end())
      throw CLI::ValidationError("--fields", fmt::format("'{}' names the field '{}' twice", text, item));
    fields.push_back(item);
    if (comma == std::string::npos) return fields;
    from = comma + 1;
  }
}

std::vector<std::size_t> field_positions(const std::vector<ics::util::Column>& columns,
                                         const std::vector<std::string>& fields,
                                         const std::vector<std::string>& also) {
  std::vector<std::size_t> positions;
  for (const auto& name : fields) {
    auto at = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.name == name; });
    if (at != columns.end()) {
      positions.push_back(static_cast<std::size_t>(at - columns.begin()));
    } else if (std::find(also.begin(), also.end(), name) != also.end()) {
      positions.push_back(std::string::npos);
    } else {
      std::vector<std::string> valid;
      for (const auto& c : columns) valid.push_back(c.name);
      valid.insert(valid.end(), also.begin(), also.end());
      throw CLI::ValidationError(
          "--fields", fmt::format("no field '{}' here: the fields are {}", name, fmt::join(valid, ", ")));
    }
  }
  return positions;
}

std::unique_ptr<ics::util::RowSink> project_fields(std::unique_ptr<ics::util::RowSink> next,
                                                   std::vector<std::string> fields) {
  return std::make_unique<ProjectingSink>(std::move(next), std::move(fields));
}

}  // namespace icsctl
