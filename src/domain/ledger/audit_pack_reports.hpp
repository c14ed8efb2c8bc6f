// The reports/ files of the auditor package (docs/formats/audit-pack.md, "Reports"): which ones a
// package holds given its records files, their paths, the text of reports/index.txt and the bytes
// of the CSV reports. Shared by the packer and the verifier, so that both derive the same files
// from the same records. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aims::ledger {

inline constexpr std::string_view kReportsIndex = "reports/index.txt";
inline constexpr std::string_view kRiskRegisterCsv = "reports/risk-register.csv";

/// What the reports of a package are made from.
struct ReportPlan {
  /// The document of the latest approved SoA version (greatest "number"), if any is approved.
  std::optional<boost::json::object> soa_version;
  std::int64_t soa_number = 0;
  /// The latest gap assessment (greatest assessment_date, then created_at, then id), if any.
  std::optional<std::string> assessment_id;
  std::string assessment_date;
  std::size_t risks = 0;  // rows of records/risk.json

  std::string soa_csv_path() const { return "reports/soa-v" + std::to_string(soa_number) + ".csv"; }
  std::string soa_pdf_path() const { return "reports/soa-v" + std::to_string(soa_number) + ".pdf"; }
  std::string assessment_pdf_path() const;  // "reports/gap-assessment-<safe id>.pdf"
};

/// The plan from the rows of records/soa_versions.json, records/assessments.json and
/// records/risk.json. Never throws on rows of unexpected shapes (they are skipped).
ReportPlan plan_reports(const boost::json::array& soa_versions, const boost::json::array& assessments,
                        const boost::json::array& risks);

/// Every reports/ file of a package with this plan, sorted.
std::vector<std::string> report_paths(const ReportPlan& plan);

/// The bytes of reports/index.txt: what each report is, and which reports the package does not
/// hold and why (no approved SoA version, no gap assessment).
std::string reports_index(const ReportPlan& plan);

/// The items of the approved SoA version the SoA reports are made from ([] if none or malformed).
const boost::json::array& soa_items(const ReportPlan& plan);

}  // namespace aims::ledger
