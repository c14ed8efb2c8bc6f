// Handlers of the AI incidents workflow (ISO/IEC 42001 10.2; EU AI Act Art. 73, 26(5)).
#include "http/handlers_incidents.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response qualify_incident(Context& c, const IncidentServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.incidents.qualify(*c.actor, c.req.params.at("id"), body, if_match(c));
  });
}

Response send_incident_report(Context& c, const IncidentServices& s) {
  return with_json_body(c, [&](json::value& body) {
    return json_or_problem(c, s.incidents.send_report(*c.actor, c.req.params.at("id"), body, if_match(c)), 201);
  });
}

Response list_incident_reports(Context& c, const IncidentServices& s) {
  return json_or_problem(c, s.incidents.reports(*c.actor, c.req.params.at("id")));
}

Response get_incident_clocks(Context& c, const IncidentServices& s) {
  return json_or_problem(c, s.incidents.clocks(*c.actor, c.req.params.at("id")));
}

Response list_incident_clocks(Context& c, const IncidentServices& s) {
  return json_or_problem(c, s.incidents.board(*c.actor, c.req.query));
}

Response export_incident(Context& c, const IncidentServices& s) {
  return json_or_problem(c, s.incidents.export_json(*c.actor, c.req.params.at("id")));
}

Response get_incident_clock_rules(Context& c, const IncidentServices& s) {
  (void)s;
  return json_response(200, json::serialize(incidents::ClockRules::embedded().document()));
}

}  // namespace aims::http::handlers
