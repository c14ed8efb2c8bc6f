// The Statement of Applicability card: the summary and latest approved version of GET /api/v1/soa.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_soa_card(Dashboard& d, soa::SoaService& soa) {
  d.add("soa", [&soa](const accounts::Actor& a) -> result<json::value> {
    auto w = soa.working(a);
    if (!w) return w.error();
    auto doc = json::parse(*w).as_object();
    return json::object{{"summary", doc.at("summary")}, {"latest_version", doc.at("latest_version")}};
  });
}

}  // namespace aims::dashboard
