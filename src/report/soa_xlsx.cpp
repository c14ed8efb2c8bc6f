#include "report/soa_xlsx.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "report/cells.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

constexpr lxw_col_t kColumns = 13;

/// Reads "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS…" into `dt`; false if `text` is neither.
bool parse_datetime(const std::string& text, lxw_datetime& dt) {
  dt = {};
  char sep = 0;
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%lf", &dt.year, &dt.month, &dt.day, &sep, &dt.hour, &dt.min, &dt.sec);
  bool date_only = n == 3 && text.size() == 10;
  bool date_time = n == 7 && sep == 'T';
  if (!date_only && !date_time) return false;
  if (date_time) dt.sec = static_cast<double>(static_cast<int>(dt.sec));  // whole seconds, as displayed
  return dt.year >= 1900 && dt.month >= 1 && dt.month <= 12 && dt.day >= 1 && dt.day <= 31;
}

/// Writes a date (or date-time) cell when `text` is one, otherwise the text as it is.
void write_when(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* date_format) {
  lxw_datetime dt;
  if (parse_datetime(text, dt)) worksheet_write_datetime(ws, r, c, &dt, date_format);
  else if (!text.empty()) worksheet_write_string(ws, r, c, text.c_str(), nullptr);
}

}  // namespace

result<std::string> soa_xlsx(const json::object& soa, const std::string& org) {
  namespace fs = std::filesystem;
  auto path = fs::temp_directory_path() / ("aims-soa-" + crypto::random_base32(12) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return make_error(errc::internal, "cannot create an XLSX workbook in " + path.parent_path().string());

  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDCE6F1);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, kXlsxDate);
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(date, LXW_ALIGN_LEFT);
  lxw_format* stamp = workbook_add_format(wb);
  format_set_num_format(stamp, kXlsxDateTime);
  format_set_align(stamp, LXW_ALIGN_LEFT);
  lxw_format* number = workbook_add_format(wb);
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(number, LXW_ALIGN_LEFT);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);

  const auto& version = soa.at("version");
  std::string which = version.is_int64() ? "Approved version " + std::to_string(version.as_int64()) : "Working copy (not approved)";

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Statement of Applicability");
  // Text columns from the shared SoA row; then the latest answer as a number (or "n/a"), the
  // assessment's name and its date as a date cell.
  const char* headers[] = {"Control",      "Area",      "Title",         "Applicable",        "Justification",
                           "Reasons",      "Status",    "Owner",         "Evidence",          "Policies",
                           "Latest maturity", "Latest assessment", "Assessed on"};
  const double widths[] = {10, 8, 42, 11, 48, 28, 14, 22, 36, 36, 10, 30, 12};
  for (lxw_col_t c = 0; c < kColumns; ++c) {
    worksheet_set_column(ws, c, c, widths[c], wrap);
    worksheet_write_string(ws, 0, c, headers[c], head);
  }
  worksheet_freeze_panes(ws, 1, 1);
  lxw_row_t row = 1;
  for (const auto& v : soa.at("items").as_array()) {
    const auto& e = v.as_object();
    auto cells = soa_row(e);
    for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(ws, row, c, cells[c].c_str(), wrap);
    if (const auto& la = e.at("latest_answer"); la.is_object()) {
      const auto& a = la.as_object();
      if (a.at("not_applicable").as_bool()) worksheet_write_string(ws, row, 10, "n/a", number);
      else if (a.at("maturity").is_int64())
        worksheet_write_number(ws, row, 10, static_cast<double>(a.at("maturity").as_int64()), number);
      worksheet_write_string(ws, row, 11, cell_text(a.at("assessment_name")).c_str(), wrap);
      write_when(ws, row, 12, cell_text(a.at("assessment_date")), date);
    }
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, kColumns - 1);

  lxw_worksheet* sum = workbook_add_worksheet(wb, "Summary");
  worksheet_set_column(sum, 0, 0, 28, nullptr);
  worksheet_set_column(sum, 1, 1, 40, nullptr);
  worksheet_write_string(sum, 0, 0, "Statement of Applicability — ISO/IEC 42001:2023 Annex A", title);
  worksheet_write_string(sum, 2, 0, "Organization", head);
  worksheet_write_string(sum, 2, 1, org.c_str(), nullptr);
  worksheet_write_string(sum, 3, 0, "Version", head);
  worksheet_write_string(sum, 3, 1, which.c_str(), nullptr);
  worksheet_write_string(sum, 4, 0, "Exported at (UTC)", head);
  write_when(sum, 4, 1, cell_text(soa.at("exported_at")), stamp);
  lxw_row_t r = 6;
  for (const auto& [k, n] : soa.at("summary").as_object()) {
    worksheet_write_string(sum, r, 0, label(std::string(k)).c_str(), head);
    worksheet_write_number(sum, r, 1, static_cast<double>(n.as_int64()), nullptr);
    ++r;
  }

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path.c_str());
    return make_error(errc::internal, std::string("writing the XLSX failed: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  in.close();
  std::remove(path.c_str());
  return buf.str();
}

}  // namespace aims::report
