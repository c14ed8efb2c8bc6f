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

AIMS_HANDLERS(IncidentServices, qualify_incident, send_incident_report, list_incident_reports, get_incident_clocks,
              list_incident_clocks, export_incident, get_incident_clock_rules)

}  // namespace aims::http
