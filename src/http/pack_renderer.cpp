#include "http/pack_renderer.hpp"

#include <chrono>

#include "core/clock.hpp"
#include "report/assessment_pdf.hpp"
#include "report/assessment_report.hpp"
#include "report/soa_pdf.hpp"

namespace aims::http {

namespace {

boost::json::object object_of(const std::string& s) { return boost::json::parse(s).as_object(); }

}  // namespace

result<boost::json::object> assessment_report_model(assessment::AssessmentService& svc, const accounts::Actor& a,
                                                    const std::string& id) {
  auto assessment = svc.get(a, id);
  if (!assessment) return assessment.error();
  auto answers = svc.answers(a, id);
  if (!answers) return answers.error();
  auto results = svc.results(a, id);
  if (!results) return results.error();
  auto roadmap = svc.roadmap(a, id);
  if (!roadmap) return roadmap.error();
  auto as = object_of(assessment->json), ans = object_of(*answers), res = object_of(*results), rm = object_of(*roadmap);
  return report::assessment_report({a.org_name, format_time(std::chrono::system_clock::now()), as, ans, res, rm});
}

result<std::string> ReportPackRenderer::soa_pdf(const boost::json::object& soa, const std::string& org_name) {
  return report::soa_pdf(soa, org_name);
}

result<std::string> ReportPackRenderer::assessment_pdf(const accounts::Actor& a, const std::string& id) {
  auto model = assessment_report_model(assessments_, a, id);
  if (!model) return model.error();
  return report::assessment_report_pdf(*model);
}

}  // namespace aims::http
