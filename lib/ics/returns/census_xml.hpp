#pragma once
// The children in need census as XML (returns-spec §1.3-1.11): no namespace, the elements in the
// spec's order, no empty element, ISO dates, ReferralNFA and ICPCnotRequired as 1/0, UTF-8. Streams:
// each child is written as it is given, so memory stays bounded however large the return.
#include <ics/api.hpp>
#include <ics/returns/census.hpp>

#include <iosfwd>
#include <string>

ICS_API_BEGIN
namespace ics::returns {

class CensusXmlWriter {
 public:
  // Writes the declaration and the header.
  CensusXmlWriter(std::ostream& out, const CensusPeriod& period, const CensusHeader& header);
  void child(const CensusChild& child);
  // Closes the document; nothing may be written after it.
  void finish();

 private:
  void write_buffer();
  static constexpr std::size_t k_write_bytes = 256 * 1024;

  std::ostream& m_out;
  std::string m_buffer;  // the elements not yet written, up to about k_write_bytes
  bool m_children_open = false;
};

}  // namespace ics::returns
ICS_API_END
