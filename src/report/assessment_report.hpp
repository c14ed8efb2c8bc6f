// The gap-assessment report as one JSON model, built once from what the API already serves (the
// assessment, its answers, results and roadmap). The HTML page and the PDF are both rendered from
// this model, so every figure they show is the same. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::report {

/// What the report is built from: the API's documents, as served.
struct AssessmentReportInput {
  std::string organization;
  std::string generated_at;                // RFC 3339
  const boost::json::object& assessment;   // Assessment
  const boost::json::object& answers;      // {"items": [Answer, ...]} in document order
  const boost::json::object& results;      // AssessmentResults
  const boost::json::object& roadmap;      // Roadmap
};

/// The report model (schema AssessmentReport in api/openapi.yaml): organization, assessment,
/// generated_at, summary (overall maturity, readiness with its formula, answered/total, top 10
/// gaps, roadmap phases), by_clause, by_area, items (one row per item in scope) and roadmap actions
/// (sorted by phase, then start date, then the roadmap's audit order; each with its action text).
boost::json::object assessment_report(const AssessmentReportInput& in);

/// How many gaps the executive summary lists.
constexpr std::size_t kTopGaps = 10;

/// A maturity figure as every rendering prints it: "2.78" (two decimals); "N/A" for null.
std::string maturity_text(const boost::json::value& v);
/// A readiness percentage as every rendering prints it: "90.6%" (one decimal).
std::string percent_text(const boost::json::value& v);
/// "Clauses 4–10 and Annex A" etc. for an approach.
std::string approach_text(const std::string& approach);
/// Human text of a gap priority ("Stage 1 audit", ...).
std::string priority_text(const std::string& priority);

/// An integer member (0 when absent or not an integer).
std::int64_t num(const boost::json::object& o, std::string_view key);

}  // namespace aims::report
