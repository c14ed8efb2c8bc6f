#include "domain/ledger/audit_pack_reports.hpp"

#include <algorithm>
#include <tuple>

#include "domain/ledger/audit_pack_format.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

const json::object* obj(const json::value* v) { return v && v->is_object() ? &v->as_object() : nullptr; }

std::string str(const json::object* o, std::string_view k) {
  auto* v = o ? o->if_contains(k) : nullptr;
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

/// A value printed in the index: printable ASCII only, so no record can add lines to it.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out;
}

}  // namespace

std::string ReportPlan::assessment_pdf_path() const {
  return "reports/gap-assessment-" + safe_file_title(assessment_id.value_or("")) + ".pdf";
}

ReportPlan plan_reports(const json::array& soa_versions, const json::array& assessments, const json::array& risks) {
  ReportPlan p;
  for (const auto& rv : soa_versions) {
    const auto* doc = obj(obj(&rv) ? obj(&rv)->if_contains("doc") : nullptr);
    auto* n = doc ? doc->if_contains("number") : nullptr;
    if (!n || !n->is_int64() || n->as_int64() < 1) continue;
    if (!p.soa_version || n->as_int64() > p.soa_number) {
      p.soa_number = n->as_int64();
      p.soa_version = *doc;
    }
  }
  std::tuple<std::string, std::string, std::string> best;
  for (const auto& rv : assessments) {
    const auto* row = obj(&rv);
    auto id = str(row, "id");
    if (id.empty()) continue;
    std::tuple<std::string, std::string, std::string> key{str(obj(row->if_contains("doc")), "assessment_date"),
                                                           str(row, "created_at"), id};
    if (!p.assessment_id || key > best) {
      best = key;
      p.assessment_id = id;
      p.assessment_date = std::get<0>(key);
    }
  }
  p.risks = risks.size();
  return p;
}

std::vector<std::string> report_paths(const ReportPlan& plan) {
  std::vector<std::string> out{std::string(kReportsIndex), std::string(kRiskRegisterCsv)};
  if (plan.soa_version) {
    out.push_back(plan.soa_csv_path());
    out.push_back(plan.soa_pdf_path());
  }
  if (plan.assessment_id) out.push_back(plan.assessment_pdf_path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string reports_index(const ReportPlan& plan) {
  std::string t =
      "Reports of this package\n"
      "=======================\n"
      "\n"
      "Readable copies of records of this package, made from them when the package was made. The\n"
      "records files are what the audit log vouches for; `aims audit verify --pack` checks that each\n"
      "CSV report is exactly the one its records file gives, and that this index is the one they give.\n"
      "\n";
  t += std::string(kRiskRegisterCsv) + "\n  The AI risk register: " + std::to_string(plan.risks) +
       (plan.risks == 1 ? " risk" : " risks") + ", one row each in order of number (records/risk.json).\n";
  if (plan.soa_version) {
    auto n = std::to_string(plan.soa_number);
    t += plan.soa_csv_path() + "\n" + plan.soa_pdf_path() + "\n  The Statement of Applicability as approved in version " +
         n + " (records/soa_versions.json).\n";
  } else {
    t += "No version of the Statement of Applicability is approved: the package holds no SoA report.\n";
  }
  if (plan.assessment_id) {
    t += plan.assessment_pdf_path() + "\n  The report of the latest gap assessment, " + printable(*plan.assessment_id) +
         (plan.assessment_date.empty() ? "" : " of " + printable(plan.assessment_date)) +
         " (records/assessments.json and its answers).\n";
  } else {
    t += "The organization has no gap assessment: the package holds no gap-assessment report.\n";
  }
  return t;
}

const json::array& soa_items(const ReportPlan& plan) {
  static const json::array kNone;
  if (!plan.soa_version) return kNone;
  auto* items = plan.soa_version->if_contains("items");
  return items && items->is_array() ? items->as_array() : kNone;
}

}  // namespace aims::ledger
