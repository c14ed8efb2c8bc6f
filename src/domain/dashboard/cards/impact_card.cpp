// The impact-assessment card: the totals of GET /api/v1/impact-assessments?limit=1 unfiltered, due
// for re-assessment, restricted, sensitive and in review. (Status is counted in SQL; the outcome and
// re-assessment filters read the organization's assessments in memory.)
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_impact_card(Dashboard& d, impact::ImpactService& impact) {
  d.add("impact", [&impact](const accounts::Actor& a) -> result<json::value> {
    json::object out;
    const std::pair<const char*, std::pair<const char*, const char*>> figures[] = {
        {"total", {nullptr, ""}},
        {"reassessment_due", {"reassessment_due", "true"}},
        {"restricted", {"outcome", "restricted"}},
        {"sensitive", {"outcome", "sensitive"}},
        {"in_review", {"status", "in_review"}}};
    for (const auto& [name, filter] : figures) {
      records::Params p{{"limit", "1"}};
      if (filter.first) p.emplace_back(filter.first, filter.second);
      auto r = impact.list(a, p);
      if (!r) return r.error();
      out[name] = json::parse(*r).at("total");
    }
    return out;
  });
}

}  // namespace aims::dashboard
