// The AI risks card: GET /api/v1/risks/heatmap (all systems) as it is; and what is due this month:
// the reviews of risks not closed (GET /api/v1/risks?sort=review_date) and the acceptances that
// lapse (GET /api/v1/risks?acceptance=accepted, their expires_on).
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

namespace {

std::string risk_title(const json::object& r) {
  auto n = r.if_contains("number");
  return (n && n->is_int64() ? "R-" + std::to_string(n->as_int64()) + " " : std::string()) + records::doc_text(&r, "title");
}

}  // namespace

void add_risks_card(Dashboard& d, risk::RiskService& risks) {
  d.add("risks", [&risks](const accounts::Actor& a) -> result<json::value> {
    auto m = risks.heatmap(a, std::nullopt);
    if (!m) return m.error();
    return json::parse(*m);
  });
  d.add_due("risk_reviews", [&risks](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto page = risks.list(a, records::Params{{"sort", "review_date"}, {"limit", "500"}});
    if (!page) return page.error();
    json::array out;
    auto last = format_date(until);
    for (const auto& r : page_items(page->items_json)) {
      auto on = records::doc_text(&r, "review_date");
      if (on.empty() || on > last || records::doc_text(&r, "status") == "closed") continue;
      out.push_back(due_item("risk_review", risk_title(r), on, today, "/risks/" + records::doc_text(&r, "id")));
    }
    return out;
  });
  d.add_due("acceptances_lapsing", [&risks](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto page = risks.list(a, records::Params{{"acceptance", "accepted"}, {"limit", "500"}});
    if (!page) return page.error();
    json::array out;
    auto first = format_date(today), last = format_date(until);
    for (const auto& r : page_items(page->items_json)) {
      auto acc = r.if_contains("acceptance");
      auto on = acc && acc->is_object() ? records::doc_text(&acc->as_object(), "expires_on") : std::string();
      if (on.empty() || on < first || on > last) continue;
      out.push_back(due_item("acceptance_lapsing", risk_title(r), on, today, "/risks/" + records::doc_text(&r, "id")));
    }
    return out;
  });
}

}  // namespace aims::dashboard
