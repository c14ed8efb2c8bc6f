// The AI objectives card: GET /api/v1/objectives/summary as it is.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {

void add_objectives_card(Dashboard& d, objectives::ObjectiveService& objectives) {
  d.add("objectives", [&objectives](const accounts::Actor& a) -> result<boost::json::value> {
    auto s = objectives.summary(a);
    if (!s) return s.error();
    return boost::json::parse(*s);
  });
}

}  // namespace aims::dashboard
