// The EU AI Act obligations card: the totals of GET /api/v1/obligations?limit=1 per status and
// overdue, and how many systems GET /api/v1/eu-ai-act/rechecks lists.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_obligations_card(Dashboard& d, euact::ObligationService& obligations) {
  d.add("obligations", [&obligations](const accounts::Actor& a) -> result<json::value> {
    auto total = [&](euact::ObligationParams p) -> result<json::value> {
      p.limit = "1";
      auto r = obligations.list(a, p);
      if (!r) return r.error();
      return json::parse(*r).at("total");
    };
    json::object by_status;
    for (const char* s : {"not_started", "in_progress", "met", "not_applicable"}) {
      euact::ObligationParams p;
      p.status = s;
      auto n = total(p);
      if (!n) return n.error();
      by_status[s] = *n;
    }
    euact::ObligationParams overdue_params;
    overdue_params.overdue = "true";
    auto overdue = total(overdue_params);
    if (!overdue) return overdue.error();
    auto rechecks = obligations.rechecks(a);
    if (!rechecks) return rechecks.error();
    return json::object{{"by_status", std::move(by_status)},
                        {"overdue", *overdue},
                        {"recheck", json::parse(*rechecks).at("items").as_array().size()}};
  });
}

}  // namespace aims::dashboard
