#include <ics/model/identifiers.hpp>
#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/returns/cpis.hpp>
#include <ics/store/cpis.hpp>

#include <nlohmann/json.hpp>

namespace ics::returns {

namespace {

// The definition's rows (child_id, plan_id, nhs_number, date_of_birth, plan_type, start_date,
// end_date) as the extract's columns, those without a valid NHS number set aside.
class CpisSink : public util::RowSink {
 public:
  CpisSink(const CpisAuthority& authority, util::RowSink& next, CpisExtract& result)
      : m_authority(authority), m_next(next), m_result(result) {}

  void begin(const std::vector<util::Column>&) override {
    m_next.begin({{"nhs_number", "text"},
                  {"date_of_birth", "date"},
                  {"plan_type", "text"},
                  {"start_date", "date"},
                  {"end_date", "date"},
                  {"la_code", "text"},
                  {"la_name", "text"}});
  }

  void row(const std::vector<util::Value>& v) override {
    auto child = util::to_text(v[0]), plan = util::to_text(v[1]), nhs = util::to_text(v[2]);
    bool unborn = util::to_text(v[4]) == "UCPP";
    if (nhs.empty() || !model::is_valid_nhs_number(nhs)) {
      std::string whose = unborn ? "the mother's NHS number (unborn child)" : "the NHS number";
      m_result.left_out.push_back(
          {child, plan, whose + (nhs.empty() ? " is not recorded" : " is not valid: " + nhs)});
      return;
    }
    util::Value la_name = m_authority.la_name.empty() ? util::Value{} : util::Value{m_authority.la_name};
    m_next.row({nhs, v[3], v[4], v[5], v[6], m_authority.la_code, la_name});
    ++m_result.rows;
  }

  void end() override { m_next.end(); }

 private:
  const CpisAuthority& m_authority;
  util::RowSink& m_next;
  CpisExtract& m_result;
};

}  // namespace

util::Date cpis_since(store::Database& db, util::Date as_of) {
  if (auto latest = store::latest_cpis_extract_as_of(db))
    if (auto day = util::Date::parse_iso(*latest)) return *day;
  return as_of.plus_months(-12);
}

CpisExtract write_cpis(store::Database& db, util::Date as_of, util::Date since,
                       const CpisAuthority& authority, util::RowSink& sink) {
  CpisExtract result;
  CpisSink cpis(authority, sink, result);
  report::run_report(db, report::find_definition("cp-is"), {{"as_of", as_of.iso()}, {"since", since.iso()}},
                     cpis);
  return result;
}

void record_cpis_extract(store::WriteTransaction& tx, util::Date as_of, util::Date since, std::int64_t rows) {
  auto id = store::insert_cpis_extract(tx, as_of.iso(), rows);
  nlohmann::json image = {
      {"extract", id}, {"as_of", as_of.iso()}, {"ended_after", since.iso()}, {"rows", rows}};
  tx.audit("cp-is:" + std::to_string(id), std::nullopt, image.dump());
}

}  // namespace ics::returns
