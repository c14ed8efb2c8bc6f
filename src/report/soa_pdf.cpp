#include "report/soa_pdf.hpp"

#include <cctype>

#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;

std::string text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "Yes" : "No";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v.as_array()) out += (out.empty() ? "" : "; ") + text(e);
    return out;
  }
  return "";
}

std::string label(std::string s) {
  for (auto& c : s)
    if (c == '_') c = ' ';
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

result<std::string> soa_pdf(const json::object& soa, const std::string& org) {
  const auto& version = soa.at("version");
  std::string which = version.is_int64() ? "Approved version " + std::to_string(version.as_int64())
                                         : "Working copy (not approved)";
  PdfDocument doc(true, "Statement of Applicability — " + org + " — " + which,
                  org + " · Statement of Applicability · " + which + " · exported " + text(soa.at("exported_at")));
  doc.paragraph("Statement of Applicability — ISO/IEC 42001:2023 Annex A", Style{16, true, 0x1f5fa8}, 6);
  doc.paragraph("Organization: " + org + "     Version: " + which + "     Exported at (UTC): " + text(soa.at("exported_at")),
                Style{9}, 3);
  std::string counts;
  for (const auto& [k, n] : soa.at("summary").as_object())
    counts += (counts.empty() ? "" : " · ") + label(std::string(k)) + ": " + text(n);
  doc.paragraph(counts, Style{9, false, 0x5b6675}, 10);

  std::vector<std::vector<std::string>> rows;
  for (const auto& v : soa.at("items").as_array()) {
    const auto& e = v.as_object();
    std::string maturity, assessment;
    if (e.at("latest_answer").is_object()) {
      const auto& la = e.at("latest_answer").as_object();
      maturity = la.at("not_applicable").as_bool() ? "n/a" : text(la.at("maturity"));
      assessment = text(la.at("assessment_name")) + " (" + text(la.at("assessment_date")) + ")";
    }
    std::string reasons;
    for (const auto& r : e.at("reasons").as_array()) reasons += (reasons.empty() ? "" : "; ") + label(std::string(r.as_string()));
    rows.push_back({text(e.at("control_id")), text(e.at("area_id")), text(e.at("title")), text(e.at("applicable")),
                    text(e.at("justification")), reasons, label(text(e.at("implementation_status"))),
                    text(e.at("owner")), text(e.at("evidence_refs")), text(e.at("policy_refs")), maturity, assessment});
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
  return doc.finish();
}

}  // namespace aims::report
