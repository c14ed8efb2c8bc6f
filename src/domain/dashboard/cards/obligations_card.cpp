// The EU AI Act obligations card: the totals of GET /api/v1/obligations?limit=1 per status and
// overdue, and how many systems GET /api/v1/eu-ai-act/rechecks lists; and the open obligations due
// this month or overdue (GET /api/v1/obligations?due_before=<next month>&sort=due).
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_obligations_card(Dashboard& d, euact::ObligationService& obligations) {
  d.add("obligations", [&obligations](const accounts::Actor& a) -> result<json::value> {
    auto total = [&](const char* filter, const char* value) -> result<json::value> {
      auto r = obligations.list(a, records::Params{{"limit", "1"}, {filter, value}});
      if (!r) return r.error();
      return json::parse(*r).at("total");
    };
    json::object by_status;
    for (const char* s : {"not_started", "in_progress", "met", "not_applicable"}) {
      auto n = total("status", s);
      if (!n) return n.error();
      by_status[s] = *n;
    }
    auto overdue = total("overdue", "true");
    if (!overdue) return overdue.error();
    auto rechecks = obligations.rechecks(a);
    if (!rechecks) return rechecks.error();
    return json::object{{"by_status", std::move(by_status)},
                        {"overdue", *overdue},
                        {"recheck", json::parse(*rechecks).at("items").as_array().size()}};
  });
  d.add_due("obligations_due", [&obligations](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto page = obligations.list(a, records::Params{{"due_before", format_date(until + std::chrono::days{1})}, {"sort", "due"}, {"limit", "500"}});
    if (!page) return page.error();
    json::array out;
    for (const auto& o : page_items(*page)) {
      auto status = records::doc_text(&o, "status");
      if (status != "not_started" && status != "in_progress") continue;
      auto system = records::doc_text(&o, "system_id");
      out.push_back(due_item("obligation",
                             records::doc_text(&o, "system_name") + ": " + records::doc_text(&o, "article") + " " + records::doc_text(&o, "title"),
                             records::doc_text(&o, "due"), today, "/obligations?system=" + system));
    }
    return out;
  });
}

}  // namespace aims::dashboard
