// `export cin-census --year YYYY`: the children in need census XML of a year (returns-spec §1), checked
// against the census rules on the way (the same records `check census` checks) and refused when they
// find an error, unless --force.
#include "census_header.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "private_file.hpp"
#include "session.hpp"

#include <ics/returns/census_check.hpp>
#include <ics/returns/census_xml.hpp>
#include <ics/store/census.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace icsctl {

namespace {

struct Options {
  int year = 0;
  std::string out, la;
  bool force = false;
};

constexpr const char* k_footer =
    R"(Writes the census of the period 1 April YEAR-1 to 31 March YEAR: every child with an episode
referred on or before 31 March and not closed before 1 April, with what of each episode the period
holds (README, "Children in need census"). The header comes from the settings (icsctl settings set
la_code|software_code|release|serial_no VALUE); --la overrides la_code. The census rules are applied
first: with an error among their findings nothing is written and the exit code is 3 (list them with
'icsctl check census --year YEAR'); --force writes the file anyway. --out FILE is created owner-only
and appears only when complete.)";

// The census as written before the checker's verdict is known: an owner-only file that appears only on
// commit (--out), or for standard output a temporary file, unlinked at once, copied out on commit.
// Either way memory stays bounded and a refused census leaves nothing behind. With --force there is no
// verdict to wait for: standard output gets the census as it is made (copying it through a temporary
// file took a third of the export's time).
class CensusOutput {
 public:
  CensusOutput(const std::string& path, bool force) {
    if (!path.empty())
      m_file.emplace(path);
    else if (!force)
      m_temporary.emplace("the census's temporary file");
  }
  std::ostream& stream() {
    if (m_file) return m_file->stream();
    if (m_temporary) return *m_temporary;
    return std::cout;
  }
  void commit() {
    if (m_file) return m_file->commit();
    if (!m_temporary) {
      std::cout.flush();
      if (!std::cout) throw ics::StorageError("cannot write the census to standard output");
      return;
    }
    m_temporary->flush();
    if (!*m_temporary) throw ics::StorageError("cannot write the census to a temporary file");
    m_temporary->seekg(0);
    // copied in blocks of 1 MiB: through rdbuf() it went 8 KiB a system call
    std::vector<char> block(std::size_t{1} << 20);
    while (m_temporary->read(block.data(), static_cast<std::streamsize>(block.size())) ||
           m_temporary->gcount() > 0)
      std::cout.write(block.data(), m_temporary->gcount());
    if (!std::cout) throw ics::StorageError("cannot write the census to standard output");
  }

 private:
  std::optional<PrivateFile> m_file;
  std::optional<AnonymousFile> m_temporary;
};

}  // namespace

void register_export_cin_census(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("--year", o->year, "census year: the year of the 31 March the period ends on")->required();
  app.add_option("--out", o->out, "write to FILE (owner-only) instead of standard output");
  app.add_option("--la", o->la,
                 "the DfE LA number (3 digits) for the header, instead of the la_code setting");
  app.add_flag("--force", o->force, "write the census even when the census rules find errors");
  app.footer(k_footer);
  run = [o](Session& s, DatabaseAccess& access) {
    auto period = ics::returns::census_period(o->year);
    auto& db = access.read();
    ics::store::ReadTransaction snapshot(db);
    auto header = census_header(db, s, o->la);
    CensusOutput output(o->out, o->force);
    ics::returns::CensusXmlWriter xml(output.stream(), period, header);
    ics::returns::CensusChecker checker(period, header);
    std::vector<ics::returns::Finding> findings;
    long errors = 0, queries = 0, children = 0;
    auto tally = [&] {
      for (const auto& f : findings) ++(f.severity == ics::returns::Severity::error ? errors : queries);
      findings.clear();
    };
    ics::store::read_census(db, period, [&](const ics::returns::CensusChild& child) {
      checker.check(child, findings);
      tally();
      xml.child(child);
      ++children;
    });
    checker.finish(findings);
    tally();
    xml.finish();
    auto counts = fmt::format("{} error{} and {} quer{}", errors, errors == 1 ? "" : "s", queries,
                              queries == 1 ? "y" : "ies");
    if (errors > 0 && !o->force)
      throw ics::InvalidInput(fmt::format(
          "the census of {} has {}: nothing written; list them with 'icsctl check census --year {}', "
          "or give --force to write it anyway",
          o->year, counts, o->year));
    output.commit();
    if (errors > 0) s.warn(fmt::format("census written with {} (--force)", counts));
    s.info(fmt::format("census {}: {} children, {}{}", o->year, children, counts,
                       o->out.empty() ? "" : fmt::format("; written to {}", o->out)));
  };
}

}  // namespace icsctl
