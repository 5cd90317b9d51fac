#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/returns/annex_a.hpp>
#include <ics/returns/annex_a_codes.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ics::returns {

namespace {

// Passes a list's rows on with its columns renamed to their Annex A headers (when asked) and each
// coded value written in its coding.
class AnnexASink : public util::RowSink {
 public:
  AnnexASink(const report::Definition& def, Headings headings, util::RowSink& next)
      : m_def(def), m_headings(headings), m_next(next) {}

  void begin(const std::vector<util::Column>& columns) override {
    auto out = columns;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto& column = m_def.columns[i];
      if (column.header.empty() || (!column.codes.empty() && !is_annex_a_coding(column.codes)))
        throw StorageError(fmt::format("{}: column '{}' needs a header and a known coding (one of {})",
                                       m_def.source, column.name, fmt::join(annex_a_codings(), ", ")));
      if (m_headings == Headings::annex_a) out[i].name = column.header;
    }
    m_next.begin(out);
  }

  void row(const std::vector<util::Value>& values) override {
    m_values = values;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
      const auto& coding = m_def.columns[i].codes;
      if (const auto* text = std::get_if<std::string>(&m_values[i]); text && !coding.empty())
        m_values[i] = annex_a_label(coding, *text);
    }
    m_next.row(m_values);
  }

  void end() override { m_next.end(); }

 private:
  const report::Definition& m_def;
  Headings m_headings;
  util::RowSink& m_next;
  std::vector<util::Value> m_values;
};

}  // namespace

const std::vector<AnnexAList>& annex_a_lists() {
  static const std::vector<AnnexAList> k_lists = {{3, "List 3", "annex-a-3"},
                                                  {4, "List 4", "annex-a-4"},
                                                  {5, "List 5", "annex-a-5"},
                                                  {6, "List 6", "annex-a-6"},
                                                  {7, "List 7", "annex-a-7"}};
  return k_lists;
}

const AnnexAList& annex_a_list(int number, std::string_view field) {
  for (const auto& list : annex_a_lists())
    if (list.number == number) return list;
  throw InvalidInput(
      std::string(field), std::to_string(number),
      "is not a list icsctl writes (3, 4, 5, 6 or 7: lists 1, 2 and 8-11 need contacts, early help "
      "and looked-after records, which icsctl does not hold)");
}

void write_annex_a_list(store::Database& db, const AnnexAList& list, util::Date from, util::Date to,
                        Headings headings, util::RowSink& sink) {
  if (to < from) throw InvalidInput("to", to.iso(), fmt::format("is before --from {}", from.iso()));
  const auto& def = report::find_definition(list.definition);
  AnnexASink annex(def, headings, sink);
  report::run_report(db, def, {{"as_of", to.iso()}, {"from", from.iso()}, {"to", to.iso()}}, annex);
}

}  // namespace ics::returns
