// Handlers of the AI incidents workflow (ISO/IEC 42001 10.2; EU AI Act Art. 73, 26(5)).
#include "http/handlers_incidents.hpp"

#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "report/file_names.hpp"
#include "report/incident_pdf.hpp"

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
  std::string format = "json";
  for (const auto& [k, v] : c.req.query) {
    if (k == "format") format = v;
    else return problem(make_error(errc::bad_request, "The parameters are not valid.", {{k, 0, "is not a parameter of the export"}}), c.req.path);
  }
  if (format != "json" && format != "pdf")
    return problem(make_error(errc::bad_request, "The parameters are not valid.", {{"format", 0, "must be json or pdf"}}), c.req.path);
  const auto& id = c.req.params.at("id");
  auto exported = s.incidents.export_json(*c.actor, id);
  if (!exported || format == "json") return json_or_problem(c, std::move(exported));
  auto model = json::parse(*exported).as_object();
  auto pdf = report::incident_pdf(model, c.actor->org_name);
  if (!pdf) return problem(pdf.error(), c.req.path);
  Response res;
  res.content_type = "application/pdf";
  res.body = std::move(*pdf);
  const auto& inc = model.at("incident").as_object();
  auto title = inc.contains("title") && inc.at("title").is_string() ? std::string(inc.at("title").as_string()) : std::string();
  res.set_header("Content-Disposition",
                 content_disposition("attachment", report::file_stem(c.actor->org_name, id + " " + title + " incident report",
                                                                     std::string(model.at("exported_at").as_string())) + ".pdf"));
  return res;
}

Response get_incident_clock_rules(Context& c, const IncidentServices& s) {
  (void)s;
  return json_response(200, json::serialize(incidents::ClockRules::embedded().document()));
}

}  // namespace aims::http::handlers
