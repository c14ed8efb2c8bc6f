// The PDF reports of the auditor package drawn by the report layer: the SoA PDF from its JSON
// export, and the gap-assessment report PDF from the same model GET …/assessments/{id}/report
// renders (assessment_report_model, shared with that handler). Made by the package handler for one
// request; used by one thread.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/ledger/audit_pack.hpp"

namespace aims::http {

/// The gap-assessment report model of assessment `id` as `a` sees it, generated now.
result<boost::json::object> assessment_report_model(assessment::AssessmentService& svc, const accounts::Actor& a,
                                                    const std::string& id);

class ReportPackRenderer final : public ledger::PackRenderer {
 public:
  explicit ReportPackRenderer(assessment::AssessmentService& assessments) : assessments_(assessments) {}
  result<std::string> soa_pdf(const boost::json::object& soa, const std::string& org_name) override;
  result<std::string> assessment_pdf(const accounts::Actor& a, const std::string& id) override;

 private:
  assessment::AssessmentService& assessments_;
};

}  // namespace aims::http
