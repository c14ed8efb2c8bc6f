// The AI objectives card: GET /api/v1/objectives/summary as it is; and the readings due this month:
// the active objectives of GET /api/v1/objectives?status=active whose derived next_reading_due is
// at the latest the month's last day.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_objectives_card(Dashboard& d, objectives::ObjectiveService& objectives) {
  d.add("objectives", [&objectives](const accounts::Actor& a) -> result<json::value> {
    auto s = objectives.summary(a);
    if (!s) return s.error();
    return json::parse(*s);
  });
  d.add_due("objective_readings", [&objectives](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto page = objectives.list(a, records::Params{{"status", "active"}, {"sort", "key"}, {"limit", "500"}});
    if (!page) return page.error();
    json::array out;
    auto last = format_date(until);
    for (const auto& o : page_items(*page)) {
      auto derived = o.if_contains("derived");
      auto on = derived && derived->is_object() ? records::doc_text(&derived->as_object(), "next_reading_due") : std::string();
      if (on.empty() || on > last) continue;
      out.push_back(due_item("objective_reading", records::doc_text(&o, "key") + " " + records::doc_text(&o, "title"), on, today,
                             "/objectives/" + records::doc_text(&o, "id")));
    }
    return out;
  });
}

}  // namespace aims::dashboard
