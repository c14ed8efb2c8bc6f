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
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);

  const auto& version = soa.at("version");
  std::string which = version.is_int64() ? "Approved version " + std::to_string(version.as_int64()) : "Working copy (not approved)";

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Statement of Applicability");
  const char* headers[] = {"Control",      "Area",      "Title",         "Applicable",        "Justification",
                           "Reasons",      "Status",    "Owner",         "Evidence",          "Policies",
                           "Latest maturity", "Latest assessment"};
  const double widths[] = {10, 8, 42, 11, 48, 28, 14, 22, 36, 36, 10, 30};
  for (lxw_col_t c = 0; c < 12; ++c) {
    worksheet_set_column(ws, c, c, widths[c], wrap);
    worksheet_write_string(ws, 0, c, headers[c], head);
  }
  worksheet_freeze_panes(ws, 1, 1);
  lxw_row_t row = 1;
  for (const auto& v : soa.at("items").as_array()) {
    auto cells = soa_row(v.as_object());
    for (lxw_col_t c = 0; c < 12; ++c) worksheet_write_string(ws, row, c, cells[c].c_str(), wrap);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, 11);

  lxw_worksheet* sum = workbook_add_worksheet(wb, "Summary");
  worksheet_set_column(sum, 0, 0, 28, nullptr);
  worksheet_set_column(sum, 1, 1, 40, nullptr);
  worksheet_write_string(sum, 0, 0, "Statement of Applicability — ISO/IEC 42001:2023 Annex A", title);
  worksheet_write_string(sum, 2, 0, "Organization", head);
  worksheet_write_string(sum, 2, 1, org.c_str(), nullptr);
  worksheet_write_string(sum, 3, 0, "Version", head);
  worksheet_write_string(sum, 3, 1, which.c_str(), nullptr);
  worksheet_write_string(sum, 4, 0, "Exported at (UTC)", head);
  worksheet_write_string(sum, 4, 1, cell_text(soa.at("exported_at")).c_str(), nullptr);
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
