#include <ics/io/xlsx_writer.hpp>
#include <ics/util/date.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>

namespace ics::io {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, lxw_error error) {
  throw StorageError(fmt::format("cannot write '{}': {}", path.string(), lxw_strerror(error)));
}

}  // namespace

class XlsxWorkbook::Sheet : public util::RowSink {
 public:
  Sheet(const std::filesystem::path& path, lxw_worksheet* sheet, lxw_format* date, lxw_format* header)
      : m_path(path), m_sheet(sheet), m_date(date), m_header(header) {}

  void begin(const std::vector<util::Column>& columns) override {
    m_columns = columns;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      check(worksheet_write_string(m_sheet, 0, col(c), columns[c].name.c_str(), m_header));
      worksheet_set_column(m_sheet, col(c), col(c), columns[c].type == "date" ? 12 : 18, nullptr);
    }
    worksheet_freeze_panes(m_sheet, 1, 0);
  }

  void row(const std::vector<util::Value>& values) override {
    ++m_row;
    for (std::size_t c = 0; c < values.size() && c < m_columns.size(); ++c) write(c, values[c]);
  }

  void end() override {}

 private:
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }

  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) fail(m_path, error);
  }

  void write(std::size_t c, const util::Value& value) {
    if (util::is_null(value)) return;
    const auto& type = m_columns[c].type;
    if (const auto* number = std::get_if<std::int64_t>(&value))
      return check(worksheet_write_number(m_sheet, m_row, col(c), static_cast<double>(*number), nullptr));
    if (const auto* real = std::get_if<double>(&value))
      return check(worksheet_write_number(m_sheet, m_row, col(c), *real, nullptr));
    const auto& text = std::get<std::string>(value);
    if (type == "date") {
      if (auto day = util::Date::parse_iso(text)) {
        lxw_datetime when{day->year(), static_cast<int>(day->month()), static_cast<int>(day->day()), 0, 0, 0};
        return check(worksheet_write_datetime(m_sheet, m_row, col(c), &when, m_date));
      }
    }
    check(worksheet_write_string(m_sheet, m_row, col(c), text.c_str(), nullptr));
  }

  const std::filesystem::path& m_path;
  lxw_worksheet* m_sheet;
  lxw_format* m_date;
  lxw_format* m_header;
  std::vector<util::Column> m_columns;
  lxw_row_t m_row = 0;
};

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& path) : m_path(path) {
  // constant_memory: each row goes to a temporary file as it is written, so memory stays bounded
  // however long a list is (rows must then come in order, which a result's do).
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  m_workbook = workbook_new_opt(m_path.c_str(), &options);
  if (!m_workbook) throw StorageError(fmt::format("cannot write '{}': out of memory", m_path.string()));
  m_date = workbook_add_format(m_workbook);
  format_set_num_format(m_date, "dd/mm/yyyy");
  m_header = workbook_add_format(m_workbook);
  format_set_bold(m_header);
}

XlsxWorkbook::~XlsxWorkbook() {
  if (m_workbook) workbook_close(m_workbook);
}

util::RowSink& XlsxWorkbook::add_sheet(const std::string& name) {
  if (auto error = workbook_validate_sheet_name(m_workbook, name.c_str()); error != LXW_NO_ERROR)
    fail(m_path, error);
  auto* sheet = workbook_add_worksheet(m_workbook, name.c_str());
  if (!sheet)
    throw StorageError(fmt::format("cannot write '{}': cannot add sheet '{}'", m_path.string(), name));
  m_sheets.push_back(std::make_unique<Sheet>(m_path, sheet, m_date, m_header));
  return *m_sheets.back();
}

void XlsxWorkbook::close() {
  auto* workbook = m_workbook;
  m_workbook = nullptr;
  if (auto error = workbook_close(workbook); error != LXW_NO_ERROR) fail(m_path, error);
}

}  // namespace ics::io
