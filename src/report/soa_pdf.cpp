#include "report/soa_pdf.hpp"

#include "report/cells.hpp"

#include <cctype>

#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;


}  // namespace

result<std::string> soa_pdf(const json::object& soa, const std::string& org) {
  const auto& version = soa.at("version");
  std::string which = version.is_int64() ? "Approved version " + std::to_string(version.as_int64())
                                         : "Working copy (not approved)";
  PdfDocument::Info info{true, "Statement of Applicability — " + org + " — " + which, org,
                         "ISO/IEC 42001:2023 Annex A Statement of Applicability",
                         org + " · Statement of Applicability · " + which + " · exported " + people_date_time(cell_text(soa.at("exported_at")))};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.paragraph("Statement of Applicability — ISO/IEC 42001:2023 Annex A", Style{16, true, 0x1f5fa8}, 6);
    doc.paragraph("Organization: " + org + "     Version: " + which + "     Exported: " + people_date_time(cell_text(soa.at("exported_at"))),
                  Style{9}, 3);
    std::string counts;
    for (const auto& [k, n] : soa.at("summary").as_object())
      counts += (counts.empty() ? "" : " · ") + label(std::string(k)) + ": " + cell_text(n);
    doc.paragraph(counts, Style{9, false, 0x5b6675}, 10);

    std::vector<std::vector<std::string>> rows;
    for (const auto& v : soa.at("items").as_array()) {
      rows.push_back(soa_row(v.as_object()));
    }
    // The columns of the XLSX export, in its order.
    doc.table({{"Control", 15},
               {"Area", 10},
               {"Title", 34},
               {"Applicable", 18},
               {"Justification", 38},
               {"Reasons", 22},
               {"Status", 19},
               {"Owner", 18},
               {"Evidence", 28},
               {"Policies", 28},
               {"Latest maturity", 14},
               {"Latest assessment", 26}},
              rows, 7);
  });
}

}  // namespace aims::report
