// `icsctl import register FILE|- --mapping MAPPING`: migrate a legacy register export.
#include "command.hpp"
#include "database_access.hpp"
#include "interrupt.hpp"
#include "private_file.hpp"
#include "session.hpp"
#include "standard_input.hpp"
#include "terminal.hpp"

#include <ics/io/register/import.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/limits.hpp>
#include <ics/util/resources.hpp>

#include <unistd.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace icsctl {

namespace {

struct Options {
  std::string file, mapping, rejects;
  bool dry_run = false;  // -n, --dry-run (the dispatcher's option: Session::dry_run)
};

constexpr int k_rejects_shown = 10;  // rejected rows listed on stderr without --rejects or --verbose

// A mapping file, or the name of a shipped one (schemas/mappings/NAME.yaml).
ics::io::Mapping load_mapping(const std::string& name) {
  if (std::filesystem::exists(name)) return ics::io::parse_mapping(ics::util::read_file(name), name);
  std::string builtin = "mappings/" + name + ".yaml";
  if (auto text = ics::util::resource(builtin)) return ics::io::parse_mapping(*text, "builtin:" + builtin);
  throw ics::NotFound(fmt::format("no mapping file '{}'", name));
}

// Refuses standard input as it is copied once it breaks a limit of README "Limits" that the import
// would refuse it for anyway: more bytes than an input may hold, or a line longer than a record may
// be (/dev/zero). So it never fills the temporary folder. `line_bytes`: of the line not yet ended.
void check_spooled(std::string_view bytes, long long& total, std::size_t& line_bytes, long& lines) {
  total += static_cast<long long>(bytes.size());
  if (total > ics::util::k_max_input_bytes)
    throw ics::InvalidInput(fmt::format("standard input is longer than {} bytes: icsctl reads no more of it",
                                        ics::util::k_max_input_bytes));
  for (std::size_t at = 0;;) {
    auto end = bytes.find('\n', at);
    line_bytes += (end == std::string_view::npos ? bytes.size() : end) - at;
    if (line_bytes > ics::util::k_max_record_bytes)
      throw ics::InvalidInput(fmt::format("standard input: line {} is longer than {} bytes: not a csv file",
                                          lines + 1, ics::util::k_max_record_bytes));
    if (end == std::string_view::npos) return;
    ++lines;
    line_bytes = 0;
    at = end + 1;
  }
}

// Standard input copied to an unnamed temporary file first: Ctrl-C is noticed while the input is
// awaited (the import itself checks it between rows), and progress knows the input's size.
std::unique_ptr<std::istream> spool_stdin() {
  auto file = std::make_unique<AnonymousFile>("a copy of standard input");
  std::vector<char> buffer(1 << 16);
  long long total = 0;
  std::size_t line_bytes = 0;
  long lines = 0;
  while (true) {
    ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    throw_if_interrupted();
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw ics::StorageError(fmt::format("cannot read standard input: {}", std::strerror(errno)));
    if (n == 0) break;
    check_spooled(std::string_view(buffer.data(), static_cast<std::size_t>(n)), total, line_bytes, lines);
    if (!file->write(buffer.data(), n))
      throw ics::StorageError(
          "cannot write a temporary copy of standard input (is the temporary folder full?)");
  }
  if (!file->flush()) throw ics::StorageError("cannot write a temporary copy of standard input");
  file->seekg(0);
  return file;
}

std::unique_ptr<std::istream> open_input(const std::string& name) {
  if (name == "-") return spool_stdin();
  if (!std::filesystem::is_regular_file(name)) throw ics::NotFound(fmt::format("no file '{}'", name));
  auto in = std::make_unique<std::ifstream>(name, std::ios::binary);
  if (!*in) throw ics::NotFound(fmt::format("cannot read '{}'", name));
  return in;
}

std::string one_line(std::string text) {
  for (size_t at = 0; (at = text.find_first_of("\r\n", at)) != std::string::npos;)
    text.replace(at, 1, text[at] == '\r' ? "\\r" : "\\n");
  return text;
}

std::string describe(const ics::io::RowIssue& issue) {
  std::string text = fmt::format("line {} {}: '{}' {}", issue.line, issue.rejected ? "rejected" : "warning",
                                 issue.field, issue.reason);
  if (!issue.value.empty()) text += fmt::format(": '{}'", one_line(issue.value));
  if (!issue.ref.empty()) text += fmt::format(" (ref {})", one_line(issue.ref));
  return text;
}

void print_summary(Session& s, const Options& o, const ics::io::RegisterResult& r) {
  const auto& c = r.counts;
  std::string batch = r.batch_id ? ics::model::format_id(ics::model::EntityKind::batch, *r.batch_id) : "";
  if (s.machine_output()) {  // one row: the json contract is an array of objects, even of one
    auto out = s.output();
    out->begin({{"rows_read", "integer"},
                {"plans_created", "integer"},
                {"already_imported", "integer"},
                {"rejected", "integer"},
                {"children_created", "integer"},
                {"children_matched", "integer"},
                {"warnings", "integer"},
                {"batch_id"},
                {"dry_run", "integer"}});
    out->row({std::int64_t{c.rows_read}, std::int64_t{c.plans_created}, std::int64_t{c.already_imported},
              std::int64_t{c.rejected}, std::int64_t{c.children_created}, std::int64_t{c.children_matched},
              std::int64_t{c.warnings}, r.batch_id ? ics::util::Value(batch) : ics::util::Value(),
              std::int64_t{o.dry_run ? 1 : 0}});
    out->end();
  }
  s.info(fmt::format("{} '{}': {} rows read: {} plans {}, {} already imported, {} rejected",
                     o.dry_run ? "dry run of" : "imported", o.file, c.rows_read, c.plans_created,
                     o.dry_run ? "would be created" : "created", c.already_imported, c.rejected));
  s.info(fmt::format("children: {} created, {} matched in the database; {} warnings{}", c.children_created,
                     c.children_matched, c.warnings, o.dry_run ? "" : "; batch " + batch));
  if (o.dry_run) s.info("dry run: nothing was written");
}

// The summary, and exit 3 when rows were rejected.
void report_imported(Session& s, const Options& o, const ics::io::RegisterResult& result) {
  print_summary(s, o, result);
  if (result.counts.rejected == 0) return;
  std::string where = o.rejects.empty() ? "" : fmt::format(" (listed in '{}')", o.rejects);
  if (o.rejects.empty() && result.counts.rejected > k_rejects_shown)
    where = fmt::format(" (the first {} are shown; --rejects FILE lists them all)", k_rejects_shown);
  throw ics::InvalidInput(fmt::format("{} of {} rows rejected{}; the other rows were {}",
                                      result.counts.rejected, result.counts.rows_read, where,
                                      o.dry_run ? "checked" : "imported"));
}

}  // namespace

void register_import_register(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->file, "the export (CSV with a header row), or - for standard input")->required();
  app.add_option("--mapping", o->mapping, "mapping file, or the name of a shipped one (legacy-register)")
      ->required();
  app.add_option("--rejects", o->rejects, "write rejected rows here as CSV: line,ref,field,value,reason");
  app.footer(R"(Each row becomes one child protection plan; rows of the same person (legacy person id or
NHS number) become one child. Rows read = plans created + already imported + rejected.
Exit 0 when no row was rejected, 3 when some were (the other rows are imported).
-o json prints the summary as an array of one object. The shipped mapping legacy-register
(share/icsctl/mappings/legacy-register.yaml) documents every rule; copy it to make your own.)");
  run = [o](Session& s, DatabaseAccess& access) {
    refuse_terminal_input(o->file, s.command());
    auto mapping = load_mapping(o->mapping);
    auto input = open_input(o->file);
    o->dry_run = s.dry_run();
    if (o->dry_run) access.own_dry_run_report();  // the counts, the rejects file written as in a real run
    auto& db = access.connection();
    std::optional<PrivateFile> rejects;
    if (!o->rejects.empty()) rejects.emplace(o->rejects);
    auto plan_template = s.templates().find("child-protection");
    auto calendar = s.calendar(plan_template.calendar);
    ProgressLine progress(s.terminal(), std::cerr, "import register");
    bool started = false;
    long shown = 0;
    ics::io::RegisterImport request;
    request.input = input.get();
    request.file_name = o->file == "-" ? "(standard input)" : o->file;
    request.mapping = &mapping;
    request.plan_template = &plan_template;
    request.calendar = &calendar;
    request.today = s.today();
    request.dry_run = o->dry_run;
    request.rejects = rejects ? &rejects->stream() : nullptr;
    request.on_progress = [&](const ics::io::ImportProgress& p) {
      if (interrupt_requested()) return false;
      if (!started) s.detail("import register: importing rows");
      started = true;
      progress.update(p.rows, p.bytes, p.total_bytes);
      return true;
    };
    request.on_issue = [&](const ics::io::RowIssue& issue) {
      progress.clear();
      if (issue.rejected && o->rejects.empty() && shown < k_rejects_shown) {
        ++shown;
        s.info(describe(issue));
      } else {
        s.detail(describe(issue));
      }
    };
    auto result = ics::io::import_register(db, s.audit_context(), request);
    progress.clear();
    if (rejects) rejects->commit();
    access.after_commit([&s, o, result] { report_imported(s, *o, result); });
  };
}

}  // namespace icsctl
