// The gap-assessment card: the newest assessment (GET /api/v1/assessments?limit=1) and its overall
// maturity, target and readiness (GET /api/v1/assessments/{id}/results); null without one.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_assessment_card(Dashboard& d, assessment::AssessmentService& assessments) {
  d.add("assessment", [&assessments](const accounts::Actor& a) -> result<json::value> {
    auto list = assessments.list(a, std::string("1"), std::nullopt);
    if (!list) return list.error();
    auto items = json::parse(*list).at("items").as_array();
    if (items.empty()) return json::value(nullptr);
    auto latest = items.front().as_object();
    auto results = assessments.results(a, std::string(latest.at("id").as_string()));
    if (!results) return results.error();
    auto r = json::parse(*results).as_object();
    return json::object{{"assessment", std::move(latest)},
                        {"results", json::object{{"overall_maturity", r.at("overall_maturity")},
                                                 {"target_maturity", r.at("target_maturity")},
                                                 {"readiness", r.at("readiness")}}}};
  });
}

}  // namespace aims::dashboard
