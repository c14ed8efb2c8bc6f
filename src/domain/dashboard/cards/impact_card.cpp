// The impact-assessment card: the totals of GET /api/v1/impact-assessments?limit=1 unfiltered, due
// for re-assessment, restricted, sensitive and in review. (The list filters in memory today: each
// total reads the organization's assessments.)
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_impact_card(Dashboard& d, impact::ImpactService& impact) {
  d.add("impact", [&impact](const accounts::Actor& a) -> result<json::value> {
    using Field = std::optional<std::string> impact::ListParams::*;
    json::object out;
    const std::pair<const char*, std::pair<Field, const char*>> figures[] = {
        {"total", {nullptr, ""}},
        {"reassessment_due", {&impact::ListParams::reassessment_due, "true"}},
        {"restricted", {&impact::ListParams::outcome, "restricted"}},
        {"sensitive", {&impact::ListParams::outcome, "sensitive"}},
        {"in_review", {&impact::ListParams::status, "in_review"}}};
    for (const auto& [name, filter] : figures) {
      impact::ListParams p;
      p.limit = "1";
      if (filter.first) p.*(filter.first) = std::string(filter.second);
      auto r = impact.list(a, p);
      if (!r) return r.error();
      out[name] = json::parse(*r).at("total");
    }
    return out;
  });
}

}  // namespace aims::dashboard
