// The AI incidents area: the incident workflow service (the incident's fields are a field-driven
// kind of the records area), its operations and the incidents card of the dashboard (open and
// serious incidents, open and overdue reporting clocks, the next deadline).
#include "app/areas/areas.hpp"
#include "http/handlers_incidents.hpp"

namespace aims::app {

void add_incidents(AreaContext& a) {
  auto& service = a.services.make<incidents::IncidentService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::IncidentServices{service});
  a.operations.add(AIMS_OPERATIONS(h, qualify_incident, send_incident_report, list_incident_reports, get_incident_clocks,
                                   list_incident_clocks, export_incident, get_incident_clock_rules));
  a.dashboard.add("incidents", [&service](const accounts::Actor& actor) -> result<boost::json::value> {
    auto s = service.summary(actor);
    if (!s) return s.error();
    return boost::json::value(std::move(*s));
  });
}

}  // namespace aims::app
