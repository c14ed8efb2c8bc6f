// The AI risks card: GET /api/v1/risks/heatmap (all systems) as it is.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {

void add_risks_card(Dashboard& d, risk::RiskService& risks) {
  d.add("risks", [&risks](const accounts::Actor& a) -> result<boost::json::value> {
    auto m = risks.heatmap(a, std::nullopt);
    if (!m) return m.error();
    return boost::json::parse(*m);
  });
}

}  // namespace aims::dashboard
