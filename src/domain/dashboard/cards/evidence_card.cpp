// The evidence freshness card: GET /api/v1/evidence/freshness (default window) as it is.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {

void add_evidence_card(Dashboard& d, evidence::EvidenceService& evidence) {
  d.add("evidence", [&evidence](const accounts::Actor& a) -> result<boost::json::value> {
    auto f = evidence.freshness(a, std::nullopt);
    if (!f) return f.error();
    return boost::json::parse(*f);
  });
}

}  // namespace aims::dashboard
