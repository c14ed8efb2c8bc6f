// The gap-assessment card: the newest assessment (GET /api/v1/assessments?limit=1) and its overall
// maturity, target and readiness (GET /api/v1/assessments/{id}/results); null without one. And the
// two lead sections: where the organization stands — the latest completed assessment, the one the
// SoA takes its answers from (soa::answer_source), with its results and any newer draft — and the
// next five open actions of that assessment's roadmap by start date (GET …/{id}/roadmap).
#include <boost/json.hpp>

#include <algorithm>

#include "domain/dashboard/cards/cards.hpp"
#include "domain/soa/soa_rules.hpp"

namespace aims::dashboard {
namespace json = boost::json;

namespace {

constexpr std::size_t kNextActions = 5;

/// The newest assessment (also the role check: the list refuses who may not read assessments).
result<std::optional<json::object>> newest(assessment::AssessmentService& assessments, const accounts::Actor& a) {
  auto list = assessments.list(a, std::string("1"), std::nullopt);
  if (!list) return list.error();
  auto items = json::parse(*list).at("items").as_array();
  if (items.empty()) return std::optional<json::object>();
  return std::optional<json::object>(items.front().as_object());
}

/// The id of the latest completed assessment, or "" without one.
result<std::string> latest_completed(store::Store& store, const accounts::Actor& a) {
  std::string id;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    if (auto s = soa::answer_source(tx, a.org_id).assessment) id = std::string(s->at("assessment_id").as_string());
    return ok();
  });
  if (!st) return st.error();
  return id;
}

}  // namespace

void add_assessment_card(Dashboard& d, assessment::AssessmentService& assessments) {
  d.add("assessment", [&assessments](const accounts::Actor& a) -> result<json::value> {
    auto latest = newest(assessments, a);
    if (!latest) return latest.error();
    if (!*latest) return json::value(nullptr);
    auto results = assessments.results(a, std::string((*latest)->at("id").as_string()));
    if (!results) return results.error();
    auto r = json::parse(*results).as_object();
    return json::object{{"assessment", std::move(**latest)},
                        {"results", json::object{{"overall_maturity", r.at("overall_maturity")},
                                                 {"target_maturity", r.at("target_maturity")},
                                                 {"readiness", r.at("readiness")}}}};
  });
  d.add_lead("where_we_stand", [&assessments, &store = d.store()](const accounts::Actor& a) -> result<json::value> {
    auto latest = newest(assessments, a);
    if (!latest) return latest.error();
    auto id = latest_completed(store, a);
    if (!id) return id.error();
    json::value draft = nullptr;
    if (*latest && records::doc_text(&**latest, "status") != "completed")
      draft = json::object{{"id", (*latest)->at("id")},
                           {"name", (*latest)->at("name")},
                           {"answered_count", (*latest)->at("answered_count")},
                           {"item_count", (*latest)->at("item_count")}};
    if (id->empty()) return json::object{{"assessment", nullptr}, {"draft", std::move(draft)}};
    auto one = assessments.get(a, *id);
    if (!one) return one.error();
    auto doc = json::parse(one->json).as_object();
    auto results = assessments.results(a, *id);
    if (!results) return results.error();
    auto r = json::parse(*results).as_object();
    return json::object{{"assessment", json::object{{"id", *id},
                                                    {"name", doc.at("name")},
                                                    {"assessment_date", doc.at("assessment_date")},
                                                    {"answered_count", doc.at("answered_count")},
                                                    {"item_count", doc.at("item_count")}}},
                        {"overall_maturity", r.at("overall_maturity")},
                        {"target_maturity", r.at("target_maturity")},
                        {"readiness", r.at("readiness")},
                        {"draft", std::move(draft)}};
  });
  d.add_lead("next_actions", [&assessments, &store = d.store()](const accounts::Actor& a) -> result<json::value> {
    if (auto role = newest(assessments, a); !role) return role.error();
    auto id = latest_completed(store, a);
    if (!id) return id.error();
    if (id->empty()) return json::object{{"assessment_id", nullptr}, {"saved", false}, {"total_open", 0}, {"items", json::array{}}};
    auto roadmap = assessments.roadmap(a, *id);
    if (!roadmap) return roadmap.error();
    auto doc = json::parse(*roadmap).as_object();
    std::vector<json::object> open;
    for (const auto& v : doc.at("actions").as_array())
      if (records::doc_text(&v.as_object(), "status") != "done") open.push_back(v.as_object());
    std::stable_sort(open.begin(), open.end(), [](const json::object& x, const json::object& y) {
      return records::doc_text(&x, "start_date") < records::doc_text(&y, "start_date");
    });
    json::array items;
    for (std::size_t i = 0; i < open.size() && i < kNextActions; ++i) {
      const auto& o = open[i];
      items.push_back(json::object{{"id", o.at("id")},
                                   {"item_id", o.at("item_id")},
                                   {"title", o.at("title")},
                                   {"phase", o.at("phase")},
                                   {"owner", o.at("owner")},
                                   {"start_date", o.at("start_date")},
                                   {"target_date", o.at("target_date")},
                                   {"status", o.at("status")}});
    }
    return json::object{{"assessment_id", *id},
                        {"saved", doc.at("saved")},
                        {"total_open", open.size()},
                        {"link", "/assessments/" + *id + "/roadmap"},
                        {"items", std::move(items)}};
  });
}

}  // namespace aims::dashboard
