#include <ics/report/runner.hpp>
#include <ics/util/date.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace ics::report {

namespace {

bool is_listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const Threshold* threshold_of(const Definition& def, std::string_view name) {
  for (const auto& t : def.thresholds)
    if (t.name == name) return &t;
  return nullptr;
}

// A date parameter's value as YYYY-MM-DD text; throws InvalidInput naming it otherwise.
std::string checked_date(const store::Params& params, const std::string& name) {
  const auto* text = std::get_if<std::string>(&params.at(name));
  if (!text || !util::Date::parse_iso(*text))
    throw InvalidInput(name, text ? *text : "", "is not a date (YYYY-MM-DD)");
  return *text;
}

// The parameters to bind: the given ones, checked, a null for each optional one left out, and
// known_at (every report's) when left out.
store::Params checked_params(const Definition& def, const store::Params& params) {
  for (const auto& [name, value] : params)
    if (name != k_known_at && !is_listed(def.parameters, name) && !is_listed(def.optional_parameters, name) &&
        !threshold_of(def, name) && !find_filter(def, name))
      throw InvalidInput(fmt::format("report '{}' has no parameter '{}'", def.name, name));
  for (const auto& name : def.parameters) {
    auto it = params.find(name);
    if (it == params.end() || std::holds_alternative<std::monostate>(it->second))
      throw InvalidInput(fmt::format("report '{}' needs the parameter '{}'", def.name, name));
  }
  if (!params.contains("as_of"))
    throw InvalidInput(fmt::format("report '{}' needs the parameter 'as_of'", def.name));
  checked_date(params, "as_of");
  store::Params out = params;
  auto known_at = out.find(k_known_at);
  if (known_at == out.end() || std::holds_alternative<std::monostate>(known_at->second))
    out[k_known_at] = std::string(k_known_always);
  else
    checked_date(out, k_known_at);
  for (const auto& name : def.optional_parameters) out.try_emplace(name, std::monostate{});
  for (const auto& f : def.filters) out.try_emplace(f.name, std::monostate{});
  for (const auto& t : def.thresholds) {
    auto& value = out.try_emplace(t.name, std::monostate{}).first->second;
    if (std::holds_alternative<std::monostate>(value)) value = t.value;
    if (const auto* text = std::get_if<std::string>(&value)) {
      auto number = parse_threshold(*text);
      if (!number) throw InvalidInput(t.name, *text, "is not a whole number of at most 9 digits");
      value = *number;
    }
  }
  return out;
}

// Passes a result on after checking that its columns are the declared ones, and gives them their types.
class CheckedSink : public util::RowSink {
 public:
  CheckedSink(const Definition& def, util::RowSink& next) : m_def(def), m_next(next) {}

  void begin(const std::vector<util::Column>& columns) override {
    std::vector<std::string> declared, found;
    for (const auto& c : m_def.columns) declared.push_back(c.name);
    for (const auto& c : columns) found.push_back(c.name);
    if (declared != found)
      throw StorageError(fmt::format("the query returns the columns ({}), not those declared in {} ({})",
                                     fmt::join(found, ", "), m_def.source, fmt::join(declared, ", ")));
    m_next.begin(columns_of(m_def));
  }
  void row(const std::vector<util::Value>& values) override { m_next.row(values); }
  void end() override { m_next.end(); }

 private:
  const Definition& m_def;
  util::RowSink& m_next;
};

}  // namespace

std::vector<util::Column> columns_of(const Definition& def) {
  std::vector<util::Column> out;
  for (const auto& c : def.columns) out.push_back({c.name, c.type});
  return out;
}

void run_report(store::Database& db, const Definition& def, const store::Params& params,
                util::RowSink& sink) {
  store::Params bound = checked_params(def, params);
  CheckedSink checked(def, sink);
  try {
    // Unnamed columns: named after the query's own, for CheckedSink to compare.
    store::run_report_query(db, def.query, bound, checked);
  } catch (const StorageError& e) {
    throw StorageError(fmt::format("report '{}': {}", def.name, e.what()));
  }
}

}  // namespace ics::report
