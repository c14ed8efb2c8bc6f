// The communication area: the overdue planned communications, their operation, the dashboard card
// (planned and overdue) and the overdue ones among what is due this month (the plan and the log are
// generic records).
#include <boost/json.hpp>

#include "app/areas/areas.hpp"
#include "http/handlers_raci.hpp"

namespace aims::app {
namespace json = boost::json;

void add_communication(AreaContext& a) {
  auto& overdue = a.services.make<communication::OverdueService>(a.infra.store, a.infra.clock);
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::CommunicationServices{overdue}), overdue_communications));
  a.dashboard.add("communication", [&overdue](const accounts::Actor& actor) -> result<json::value> {
    auto r = overdue.overdue(actor);
    if (!r) return r.error();
    return json::object{{"planned", r->at("planned")}, {"overdue", r->at("total")}};
  });
  a.dashboard.add_due("communication_overdue", [&overdue](const accounts::Actor& actor, Date today, Date) -> result<json::array> {
    auto r = overdue.overdue(actor);
    if (!r) return r.error();
    json::array out;
    for (const auto& e : r->at("items").as_array()) {
      const auto& o = e.as_object();
      out.push_back(dashboard::due_item("communication_overdue", records::doc_text(&o, "id") + " " + records::doc_text(&o, "title"),
                                        records::doc_text(&o, "due_on"), today, "/communication-plan/" + records::doc_text(&o, "id")));
    }
    return out;
  });
}

}  // namespace aims::app
