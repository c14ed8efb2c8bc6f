// The EU AI Act obligations card: the totals of GET /api/v1/obligations?limit=1 per status and
// overdue, and how many systems GET /api/v1/eu-ai-act/rechecks lists.
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
}

}  // namespace aims::dashboard
