// The systems card: AI systems not archived, in total and per EU AI Act class, life-cycle stage and
// status — the totals of GET /api/v1/systems?limit=1 with each filter (counted by the store).
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"
#include "domain/inventory/system_fields.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_systems_card(Dashboard& d, inventory::SystemService& systems) {
  d.add("systems", [&systems](const accounts::Actor& a) -> result<json::value> {
    using Field = std::optional<std::string> inventory::ListParams::*;
    auto count = [&](Field field, std::string_view value) -> result<std::int64_t> {
      inventory::ListParams p;
      p.limit = "1";
      if (field) p.*field = std::string(value);
      auto r = systems.list(a, p);
      if (!r) return r.error();
      return r->total;
    };
    auto by = [&](Field field, std::span<const std::string_view> values) -> result<json::object> {
      json::object o;
      for (auto v : values) {
        auto n = count(field, v);
        if (!n) return n.error();
        o[v] = *n;
      }
      return o;
    };
    auto total = count(nullptr, "");
    if (!total) return total.error();
    auto by_class = by(&inventory::ListParams::eu_ai_act_class, inventory::eu_ai_act_classes());
    if (!by_class) return by_class.error();
    auto by_stage = by(&inventory::ListParams::lifecycle_stage, inventory::lifecycle_stages());
    if (!by_stage) return by_stage.error();
    auto by_status = by(&inventory::ListParams::status, inventory::statuses());
    if (!by_status) return by_status.error();
    return json::object{{"total", *total}, {"by_class", std::move(*by_class)}, {"by_stage", std::move(*by_stage)},
                        {"by_status", std::move(*by_status)}};
  });
}

}  // namespace aims::dashboard
