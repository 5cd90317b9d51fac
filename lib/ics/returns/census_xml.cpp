#include <ics/returns/census_xml.hpp>

#include <ostream>

namespace ics::returns {

namespace {

void append_escaped(std::string& out, std::string_view text) {
  if (text.find_first_of("&<>\"'") == std::string_view::npos) {
    out += text;
    return;
  }
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
}

// Appends elements at one depth of indentation to a buffer; an element with no value is not written at
// all. (A child is built in a buffer and written at once: writing element by element to the stream
// took most of the export's time.)
class Elements {
 public:
  Elements(std::string& out, int depth) : m_out(out), m_depth(static_cast<std::size_t>(depth) * 2) {}
  void text(std::string_view name, std::string_view value) {
    if (value.empty()) return;
    m_out.append(m_depth, ' ').append(1, '<').append(name).append(1, '>');
    append_escaped(m_out, value);
    m_out.append("</").append(name).append(">\n");
  }
  void maybe(std::string_view name, const std::optional<std::string>& value) {
    if (value) text(name, *value);
  }
  void date(std::string_view name, const std::optional<util::Date>& value) {
    if (value) text(name, value->iso());
  }
  void flag(std::string_view name, bool value) { text(name, value ? "1" : "0"); }
  void open(std::string_view name) { m_out.append(m_depth, ' ').append(1, '<').append(name).append(">\n"); }
  void close(std::string_view name) { m_out.append(m_depth, ' ').append("</").append(name).append(">\n"); }

 private:
  std::string& m_out;
  std::size_t m_depth;
};

void write_assessment(std::string& out, const CensusAssessment& a) {
  Elements group(out, 4), el(out, 5), factor(out, 6);
  group.open("Assessments");
  el.date("AssessmentActualStartDate", a.start);
  el.date("AssessmentAuthorisationDate", a.authorised);
  if (!a.factors.empty()) {
    el.open("FactorsIdentifiedAtAssessment");
    for (const auto& f : a.factors) factor.text("AssessmentFactors", f);
    el.close("FactorsIdentifiedAtAssessment");
  }
  group.close("Assessments");
}

void write_cin_plan(std::string& out, const CensusCinPlan& p) {
  Elements group(out, 4), el(out, 5);
  group.open("CINPlanDates");
  el.date("CINPlanStartDate", p.start);
  el.date("CINPlanEndDate", p.end);
  group.close("CINPlanDates");
}

void write_section47(std::string& out, const CensusSection47& s) {
  Elements group(out, 4), el(out, 5);
  group.open("Section47");
  el.date("S47ActualStartDate", s.start);
  el.date("InitialCPCtarget", s.icpc_target);
  el.date("DateOfInitialCPC", s.icpc);
  el.flag("ICPCnotRequired", s.icpc_not_required);
  group.close("Section47");
}

void write_cpp(std::string& out, const CensusCpp& p) {
  Elements group(out, 4), el(out, 5), review(out, 6);
  group.open("ChildProtectionPlans");
  el.date("CPPstartDate", p.start);
  el.date("CPPendDate", p.end);
  el.maybe("InitialCategoryOfAbuse", p.initial_category);
  el.maybe("LatestCategoryOfAbuse", p.latest_category);
  el.text("NumberOfPreviousCPP", std::to_string(p.previous_plans));
  if (!p.reviews.empty()) {
    el.open("Reviews");
    for (auto d : p.reviews) review.date("CPPreviewDate", d);
    el.close("Reviews");
  }
  group.close("ChildProtectionPlans");
}

void write_episode(std::string& out, const CensusEpisode& e) {
  Elements group(out, 3), el(out, 4);
  group.open("CINdetails");
  el.date("CINreferralDate", e.referral);
  el.maybe("ReferralSource", e.referral_source);
  el.maybe("PrimaryNeedCode", e.primary_need);
  el.date("CINclosureDate", e.closure);
  el.maybe("ReasonForClosure", e.closure_reason);
  el.date("DateOfInitialCPC", e.icpc);
  for (const auto& a : e.assessments) write_assessment(out, a);
  for (const auto& p : e.cin_plans) write_cin_plan(out, p);
  for (const auto& s : e.section47s) write_section47(out, s);
  el.flag("ReferralNFA", e.nfa);
  for (const auto& p : e.cp_plans) write_cpp(out, p);
  group.close("CINdetails");
}

}  // namespace

CensusXmlWriter::CensusXmlWriter(std::ostream& out, const CensusPeriod& period, const CensusHeader& header)
    : m_out(out) {
  m_buffer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n";
  Elements top(m_buffer, 1), group(m_buffer, 2), el(m_buffer, 3);
  top.open("Header");
  group.open("CollectionDetails");
  el.text("Collection", "CIN");
  el.text("Year", std::to_string(period.year));
  el.date("ReferenceDate", period.reference);
  group.close("CollectionDetails");
  group.open("Source");
  el.text("SourceLevel", "L");
  el.text("LEA", header.la_code);
  el.text("SoftwareCode", header.software_code);
  el.text("Release", header.release);
  el.text("SerialNo", header.serial_no);
  el.text("DateTime", header.date_time);
  group.close("Source");
  top.close("Header");
}

void CensusXmlWriter::child(const CensusChild& c) {
  Elements top(m_buffer, 1), person(m_buffer, 2), group(m_buffer, 3), el(m_buffer, 4), sub(m_buffer, 5);
  if (!m_children_open) top.open("Children");
  m_children_open = true;
  person.open("Child");
  group.open("ChildIdentifiers");
  el.text("LAchildID", "C" + std::to_string(c.id));
  el.maybe("UPN", c.upn);
  el.maybe("FormerUPN", c.former_upn);
  el.maybe("UPNunknown", c.upn_unknown);
  el.date("PersonBirthDate", c.birth);
  el.date("ExpectedPersonBirthDate", c.expected_birth);
  el.text("Sex", c.sex);
  el.date("PersonDeathDate", c.death);
  group.close("ChildIdentifiers");
  group.open("ChildCharacteristics");
  el.maybe("Ethnicity", c.ethnicity);
  if (!c.disabilities.empty()) {
    el.open("Disabilities");
    for (const auto& d : c.disabilities) sub.text("Disability", d);
    el.close("Disabilities");
  }
  group.close("ChildCharacteristics");
  for (const auto& e : c.episodes) write_episode(m_buffer, e);
  person.close("Child");
  if (m_buffer.size() >= k_write_bytes) write_buffer();
}

// The elements gathered so far, in one write: a stream writes a block of 1 KiB or more straight through
// (libstdc++'s filebuf), so a write per child was a system call per child.
void CensusXmlWriter::write_buffer() {
  m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
}

void CensusXmlWriter::finish() {
  write_buffer();
  if (m_children_open) m_out << "  </Children>\n";
  m_out << "</Message>\n";
  m_out.flush();
}

}  // namespace ics::returns
