// The impact-assessment card: the totals of GET /api/v1/impact-assessments?limit=1 unfiltered, due
// for re-assessment, restricted, sensitive and in review. (Status is counted in SQL; the outcome and
// re-assessment filters read the organization's assessments in memory.) And the reviews due this
// month: the next review dates of GET /api/v1/impact-assessments?sort=next_review_date.
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
  d.add_due("impact_reviews", [&impact](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto page = impact.list(a, records::Params{{"sort", "next_review_date"}, {"limit", "500"}});
    if (!page) return page.error();
    json::array out;
    auto last = format_date(until);
    for (const auto& i : page_items(*page)) {
      auto on = records::doc_text(&i, "next_review_date");
      if (on.empty() || on > last) continue;
      out.push_back(due_item("impact_review", records::doc_text(&i, "ref") + " " + records::doc_text(&i, "title"), on, today,
                             "/impact/" + records::doc_text(&i, "id")));
    }
    return out;
  });
}

}  // namespace aims::dashboard
