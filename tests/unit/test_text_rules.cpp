// The one set of text rules (model/text_rules.hpp) and how refused text is shown (util/text.hpp), on
// every path: the single commands' require_text, the bulk readers, the register import's row checks;
// and the limits every reader keeps (util/limits.hpp).
#include <doctest/doctest.h>
#include <ics/io/bulk/input.hpp>
#include <ics/io/bulk/reader.hpp>
#include <ics/io/register/read.hpp>
#include <ics/model/text_rules.hpp>
#include <ics/model/validate.hpp>
#include <ics/util/csv.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/limits.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sstream>
#include <string>

using namespace ics;
using util::Unprintable;

namespace {

std::optional<Unprintable> kind_of(std::string_view text) {
  auto bad = util::first_unprintable(text);
  if (!bad) return std::nullopt;
  return bad->kind;
}

// The message of what `f` throws, or "" when it throws nothing.
template <class F>
std::string thrown(F f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("text rules: what is not printable text") {
  CHECK_FALSE(util::first_unprintable(""));
  CHECK_FALSE(util::first_unprintable("Ó Briain, Zoë-Amélie 😀 ‘quoted’ \\ back"));
  CHECK_FALSE(util::first_unprintable("a\ttab"));                    // a tab is text
  CHECK_FALSE(util::first_unprintable("\u200f\u202f\u2065\u206a"));  // marks and neighbours of the ranges
  for (int c = 0; c < 0x20; ++c) {
    if (c == '\t') continue;
    std::string text = "abc";
    text += static_cast<char>(c);
    CHECK(kind_of(text) == Unprintable::control);
  }
  CHECK(kind_of(std::string_view("a\0b", 3)) == Unprintable::control);  // NUL
  CHECK(kind_of("red \x1b[31m") == Unprintable::control);               // an escape sequence
  CHECK(kind_of("\x7f") == Unprintable::control);                       // DEL
  CHECK(kind_of("\xC2\x80") == Unprintable::control);                   // C1: U+0080 ...
  CHECK(kind_of("\xC2\x85") == Unprintable::control);                   // NEL
  CHECK(kind_of("\xC2\x9B"
                "2J") == Unprintable::control);        // CSI
  CHECK(kind_of("\xC2\x9F") == Unprintable::control);  // ... U+009F
  CHECK_FALSE(util::first_unprintable("\xC2\xA0"));    // U+00A0 is text
  CHECK(kind_of("\u2028") == Unprintable::control);    // line separator
  CHECK(kind_of("\u2029") == Unprintable::control);    // paragraph separator
  for (char32_t code : {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069}) {
    std::string text = "gpj.";
    text += static_cast<char>(0xE0 | (code >> 12));
    text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (code & 0x3F));
    text += "exe";
    CHECK(kind_of(text) == Unprintable::bidi_control);
  }
  CHECK(kind_of("Zo\xEB") == Unprintable::invalid_utf8);
  CHECK(kind_of("\xC0\xAF") == Unprintable::invalid_utf8);      // overlong
  CHECK(kind_of("\xED\xA0\x80") == Unprintable::invalid_utf8);  // a surrogate
  for (std::size_t at = 0; at < 20; ++at) {                     // before, inside and after whole 8-byte words
    std::string text(20, 'a');
    text[at] = '\x1b';
    auto bad = util::first_unprintable(text);
    REQUIRE(bad);
    CHECK(bad->offset == at);
    CHECK_FALSE(util::is_plain_ascii(text));
  }
  CHECK(util::is_plain_ascii(std::string(100, '~') + " !"));
  CHECK_FALSE(util::is_plain_ascii("x\t"));
  CHECK_FALSE(util::is_plain_ascii("\x80"));
}

TEST_CASE("text rules: shown escaped, never raw") {
  CHECK(util::escape_text("Smith") == "Smith");
  CHECK(util::escape_text("Ó Briain") == "Ó Briain");
  CHECK(util::escape_text("\x1b[2J\x1b]0;owned\x07") == "\\x1b[2J\\x1b]0;owned\\x07");
  CHECK(util::escape_text("evil\u202egpj.exe") == "evil\\u202egpj.exe");
  CHECK(util::escape_text("\u2066x\u2069") == "\\u2066x\\u2069");
  CHECK(util::escape_text("\xC2\x9B"
                          "31m") == "\\u009b31m");
  CHECK(util::escape_text(std::string_view("a\0b", 3)) == "a\\x00b");
  CHECK(util::escape_text("a\tb\nc\rd\x7f") == "a\\tb\\nc\\rd\\x7f");
  CHECK(util::escape_text("Zo\xEB \xFF") == "Zo\\xeb \\xff");
  CHECK(util::escape_text("C:\\path") == "C:\\path");  // a backslash stays as it is
  // Idempotent on what it wrote: a message escaped twice reads the same.
  CHECK(util::escape_text(util::escape_text("\x1b\u202e")) == "\\x1b\\u202e");

  CHECK(util::shown_text("short") == "short");
  CHECK(util::shown_text(std::string(1000, 'a')) == std::string(80, 'a') + "... (1000 bytes)");
  CHECK(util::shown_text(std::string(79, 'a') + "é" + std::string(100, 'b')) ==
        std::string(79, 'a') + "... (181 bytes)");  // cut before a character, not inside it
}

TEST_CASE("text rules: the caps per field") {
  CHECK(model::text_rule("given_names").max_bytes == 200);
  CHECK(model::text_rule("family_name").max_bytes == 200);
  CHECK(model::text_rule("lead_worker").max_bytes == 200);
  CHECK(model::text_rule("team").max_bytes == 200);
  CHECK(model::text_rule("ref").max_bytes == 100);
  CHECK(model::text_rule("child_ref").max_bytes == 100);
  CHECK(model::text_rule("what").max_bytes == 2000);
  CHECK(model::text_rule("contingency").max_bytes == 2000);
  CHECK_FALSE(model::text_fault(std::string(200, 'x'), {200}));
  CHECK(model::text_fault(std::string(201, 'x'), {200}) == "is longer than 200 bytes");
  CHECK(model::text_fault("a\x1b"
                          "b",
                          {200}) == "holds control characters");
  CHECK(model::text_fault("a\u202e", {200}) == "holds bidirectional control characters");
  CHECK(model::text_fault("\xFF", {200}) == "is not valid UTF-8");
  // Line breaks (LF, CRLF) only in free text of several lines, never a CR alone.
  CHECK_FALSE(model::text_rule("family_name").line_breaks);
  CHECK_FALSE(model::text_rule("team").line_breaks);
  for (auto field : {"what", "outcome", "reason", "cancel_reason", "contingency", "end_reason"}) {
    CHECK(model::text_rule(field).line_breaks);
    CHECK_FALSE(model::text_fault("Moved away\r\nref: note\nmore", model::text_rule(field)));
    CHECK(model::text_fault("Moved\raway", model::text_rule(field)) == "holds control characters");
    CHECK(model::text_fault("Moved\n\x1b[2J", model::text_rule(field)) == "holds control characters");
    CHECK(model::text_fault("a\n\u202e", model::text_rule(field)) ==
          "holds bidirectional control characters");
  }
  CHECK(model::text_fault("Two\nLines", model::text_rule("given_names")) == "holds control characters");
}

TEST_CASE(
    "text rules: require_text, the single commands' and bulk imports' check, names the field and shows the "
    "value escaped") {
  CHECK(model::require_text("  Amy Rose \r\n", "given_names") == "Amy Rose");
  CHECK(model::require_text("Tab\tName", "given_names") == "Tab\tName");
  CHECK(thrown([] { model::require_text("A\x1b[2Jb", "given_names"); }) ==
        "'given_names' holds control characters: 'A\\x1b[2Jb'");
  CHECK(thrown([] { model::require_text("Lee\u202e", "family_name"); }) ==
        "'family_name' holds bidirectional control characters: 'Lee\\u202e'");
  CHECK(thrown([] { model::require_text(std::string_view("a\0b", 3), "what"); }) ==
        "'what' holds control characters: 'a\\x00b'");
  CHECK(thrown([] { model::require_text("x\xC2\x85y", "team"); }) ==
        "'team' holds control characters: 'x\\u0085y'");
  CHECK(thrown([] { model::require_text(std::string(201, 'n'), "family_name"); }) ==
        "'family_name' is longer than 200 bytes: '" + std::string(80, 'n') + "... (201 bytes)'");
  CHECK(thrown([] { model::require_text(std::string(50 << 20, 'n'), "what"); }).size() < 200);
  CHECK_FALSE(model::optional_text(" \t ", "team"));
  CHECK(thrown([] { model::optional_text("\x1b", "team"); }) == "'team' holds control characters: '\\x1b'");
  // Any InvalidInput shows its value escaped, with its line.
  CHECK(std::string(InvalidInput("dob", "\x1b[31m", "is not a date", 7).what()) ==
        "'dob' is not a date: '\\x1b[31m' (line 7)");
}

TEST_CASE(
    "text rules: the register import rejects a row that breaks them, with the field and the value escaped") {
  const std::string mapping_text = R"(date_formats: ["%d/%m/%Y"]
columns:
  ref: ref
  family_name: surname
  given_names: forenames
  category: category
  start_date: start
  lead_worker: worker
  team: team
values:
  category: {Neglect: NEG}
)";
  auto mapping = io::parse_mapping(mapping_text, "m.yaml");
  auto check = [&](std::vector<std::string> fields) {
    std::istringstream in("ref,surname,forenames,category,start,worker,team,notes\n" +
                          fmt::format("{}\n", fmt::join(fields, ",")));
    io::ChildMatcher matcher({}, 1);
    io::CheckedRows rows(
        {.input = &in, .file_name = "export.csv", .mapping = &mapping, .today = util::Date(2026, 11, 22)},
        matcher);
    const io::CheckedRow* row = rows.next();
    REQUIRE(row != nullptr);
    if (row->ref_issue) return *row->ref_issue;
    return row->row_issue.value_or(io::RowIssue{});
  };
  std::vector<std::string> good{"R1", "Smith", "Amy", "Neglect", "01/03/2020", "Sam Patel", "CP Team A", "x"};
  CHECK_FALSE(check(good).rejected);
  auto with = [&](size_t column, std::string value) {
    auto fields = good;
    fields[column] = std::move(value);
    return check(fields);
  };
  auto issue = with(1, "Smith\x1b[2J");
  CHECK(issue.rejected);
  CHECK(issue.line == 2);
  CHECK(issue.ref == "R1");
  CHECK(issue.field == "family_name");
  CHECK(issue.value == "Smith\\x1b[2J");
  CHECK(issue.reason == "holds control characters");
  issue = with(2, "Amy\u202e");
  CHECK(issue.field == "given_names");
  CHECK(issue.value == "Amy\\u202e");
  CHECK(issue.reason == "holds bidirectional control characters");
  issue = with(5, std::string("Sam\0Patel", 9));
  CHECK(issue.field == "lead_worker");
  CHECK(issue.value == "Sam\\x00Patel");
  issue = with(6, "Team\xC2\x9B");
  CHECK(issue.field == "team");
  CHECK(issue.reason == "holds control characters");
  issue = with(6, std::string(201, 't'));
  CHECK(issue.field == "team");
  CHECK(issue.reason == "is longer than 200 bytes");
  CHECK(issue.value.size() < 120);
  issue = with(0,
               "R\x1b"
               "1");
  CHECK(issue.field == "ref");
  CHECK(issue.ref.empty());
  CHECK(issue.value == "R\\x1b1");
  CHECK(issue.reason == "holds control characters");
  CHECK(with(0, std::string(101, 'r')).reason == "is longer than 100 bytes");
  // Padding is trimmed, as before; an unmapped column is never stored, so never checked.
  CHECK_FALSE(with(6, "  CP Team A \t").rejected);
  CHECK_FALSE(with(7, "\x1b\u202e").rejected);
  CHECK_FALSE(with(2, "Amélie\tRose").rejected);
}

TEST_CASE("limits: a csv or tsv record longer than 1 MiB ends the reading with its line") {
  for (char separator : {',', '\t'}) {
    std::string zeros(util::k_max_record_bytes + 10, '\0');
    std::istringstream in("a,b\n1,2\n" + zeros);
    util::CsvReader reader(in, separator);
    std::vector<std::string> fields;
    CHECK(reader.next(fields));
    CHECK(reader.next(fields));
    CHECK(thrown([&] { reader.next(fields); }).starts_with("line 3: a record is longer than 1048576 bytes"));
  }
  std::istringstream commas(std::string(util::k_max_record_bytes + 10, ','));  // fields of nothing
  util::CsvReader reader(commas);
  std::vector<std::string> fields;
  CHECK(thrown([&] { reader.next(fields); }).starts_with("line 1: a record is longer"));
  std::istringstream open_quote("a\n\"" + std::string(util::k_max_record_bytes, 'x') + "\n");
  util::CsvReader quoted(open_quote);
  CHECK(quoted.next(fields));
  CHECK(thrown([&] { quoted.next(fields); }).find("a quoted field never closed") != std::string::npos);
  std::istringstream at_limit("a\n" + std::string(util::k_max_record_bytes - 1, 'x') + "\n");
  util::CsvReader fits(at_limit);
  CHECK(fits.next(fields));
  CHECK(fits.next(fields));
  CHECK(fields[0].size() == util::k_max_record_bytes - 1);
}

TEST_CASE("limits: ndjson nesting and line length") {
  auto rows_of = [](const std::string& text) {
    std::istringstream in(text);
    io::BulkInput input(in);
    io::BulkReader reader(input.stream(), io::BulkFormat::ndjson, io::RecordKind::child);
    std::vector<io::BulkRow> rows;
    io::BulkRow row;
    while (reader.next(row)) rows.push_back(row);
    return rows;
  };
  // 70,000 levels deep: a row error with its line, not a stack overflow.
  std::string deep = "{\"given_names\":" + std::string(70000, '[') + std::string(70000, ']') + "}";
  auto rows = rows_of("{\"given_names\":\"Amy\"}\n" + deep + "\n{\"given_names\":\"Bo\"}\n");
  REQUIRE(rows.size() == 3);
  CHECK_FALSE(rows[0].error);
  REQUIRE(rows[1].error);
  CHECK(rows[1].error->line == 2);
  CHECK(rows[1].error->reason == "nests arrays or objects deeper than 64 levels");
  CHECK(rows[1].error->value.size() < 120);
  CHECK_FALSE(rows[2].error);
  // Brackets inside strings are text; 64 levels are read (and refused as a value that is not text).
  rows = rows_of("{\"given_names\":\"" + std::string(100, '[') + "\"}\n");
  CHECK_FALSE(rows[0].error);
  rows = rows_of("{\"given_names\":" + std::string(63, '[') + std::string(63, ']') + "}\n");
  REQUIRE(rows[0].error);
  CHECK(rows[0].error->reason == "must be a string, a whole number or null");
  // A key or value that is hostile text is shown escaped.
  rows = rows_of("{\"\\u001b[2J\":\"x\"}\n");
  REQUIRE(rows[0].error);
  CHECK(rows[0].error->field == "\\x1b[2J");
  // A line longer than 1 MiB ends the import, with its line.
  CHECK(thrown([&] {
          rows_of("{}\n" + std::string(util::k_max_record_bytes + 1, '\0'));
        }).starts_with("line 2: a line is longer than 1048576 bytes"));
}

TEST_CASE("limits: what is read of an input is capped") {
  std::istringstream in("child_id\n" + std::string(300000, '\n'));
  io::BulkInput input(in, 200000);
  io::BulkReader reader(input.stream(), io::BulkFormat::csv, io::RecordKind::child);
  io::BulkRow row;
  CHECK(thrown([&] {
          while (reader.next(row)) {
          }
        }) == "the input is longer than 200000 bytes: icsctl reads no more of a file or stream");
  // A template, calendar or mapping file is read to 1 MiB at most.
  CHECK(thrown([] { util::read_file("/dev/zero"); }).find("is longer than 1048576 bytes") !=
        std::string::npos);
}
