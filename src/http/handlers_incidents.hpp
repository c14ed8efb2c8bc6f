// Handlers of the AI incidents workflow (docs/incidents.md): qualification, reports, clocks, the
// clocks board and the export, bound by the incidents area (src/app/areas/incidents.cpp). The
// struct refers to a service the composition root owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/incidents/incident_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct IncidentServices {
  incidents::IncidentService& incidents;
};

namespace handlers {

Response qualify_incident(Context& c, const IncidentServices& s);
Response send_incident_report(Context& c, const IncidentServices& s);
Response list_incident_reports(Context& c, const IncidentServices& s);
Response get_incident_clocks(Context& c, const IncidentServices& s);
Response list_incident_clocks(Context& c, const IncidentServices& s);
Response export_incident(Context& c, const IncidentServices& s);
Response get_incident_clock_rules(Context& c, const IncidentServices& s);

}  // namespace handlers
}  // namespace aims::http
