#pragma once
// An Excel workbook (.xlsx) written through libxlsxwriter: one sheet per result, each a header row
// then one row per row of values. A column typed "date" is written as an Excel date (a number with a
// date format), "integer" and "real" as numbers, the rest as text; null leaves the cell empty.
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

extern "C" {
struct lxw_workbook;
struct lxw_format;
}

ICS_API_BEGIN
namespace ics::io {

class XlsxWorkbook {
 public:
  // Nothing is written to `path` until close(); libxlsxwriter writes the file whole there, through
  // the file's name (a caller that wants it owner-only creates it so first: its mode is kept).
  explicit XlsxWorkbook(const std::filesystem::path& path);
  ~XlsxWorkbook();  // closes the workbook unclosed (its file is then the caller's to remove)
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // A new sheet called `name` (at most 31 characters) that the rows of one result are written to.
  util::RowSink& add_sheet(const std::string& name);
  // Writes the file; throws StorageError when it cannot.
  void close();

 private:
  class Sheet;
  std::filesystem::path m_path;
  lxw_workbook* m_workbook = nullptr;
  lxw_format* m_date = nullptr;
  lxw_format* m_header = nullptr;
  std::vector<std::unique_ptr<Sheet>> m_sheets;
};

}  // namespace ics::io
ICS_API_END
