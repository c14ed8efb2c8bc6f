// Handlers of the AI system impact assessments: parse, call ImpactService, map the result.
#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"
#include "report/impact_json.hpp"
#include "report/impact_pdf.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response list_impact_assessments(Context& c, const ImpactServices& s) {
  return json_or_problem(c, s.impact.list(*c.actor, c.req.query));
}

Response create_impact_assessment(Context& c, const ImpactServices& s) {
  return created_view(c, "/api/v1/impact-assessments/", [&](json::value& body) {
    return s.impact.create(*c.actor, body);
  });
}

Response get_impact_assessment(Context& c, const ImpactServices& s) { return record_view(c, s.impact); }

Response update_impact_assessment(Context& c, const ImpactServices& s) {
  return record_update(c, s.impact);
}

Response impact_assessment_history(Context& c, const ImpactServices& s) {
  return record_history(c, s.impact);
}

Response submit_impact_assessment(Context& c, const ImpactServices& s) { return view_or_problem(c, s.impact.submit(*c.actor, id_of(c), if_match(c))); }

Response approve_impact_assessment(Context& c, const ImpactServices& s) {
  auto body = optional_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  std::int64_t number = 0;
  auto r = s.impact.approve(*c.actor, id_of(c), *body, if_match(c), number);
  if (!r) return problem(r.error(), c.req.path);
  auto res = json_response(201, *r);
  res.set_header("Location", "/api/v1/impact-assessments/" + id_of(c) + "/versions/" + std::to_string(number));
  return res;
}

Response list_impact_versions(Context& c, const ImpactServices& s) { return json_or_problem(c, s.impact.versions(*c.actor, id_of(c))); }

Response get_impact_version(Context& c, const ImpactServices& s) {
  return json_or_problem(c, s.impact.version(*c.actor, id_of(c), c.req.params.at("n")));
}

Response get_impact_fria(Context& c, const ImpactServices& s) {
  return json_or_problem(c, s.impact.fria(*c.actor, id_of(c), c.req.query_param("version")));
}

Response export_impact_assessment(Context& c, const ImpactServices& s) {
  // The record first: another organization's id answers 404 whatever the parameters.
  auto model = s.impact.export_model(*c.actor, id_of(c), c.req.query_param("version"));
  if (!model) return problem(model.error(), c.req.path);
  auto format = c.req.query_param("format");
  if (!format || (*format != "pdf" && *format != "json"))
    return problem(make_error(errc::bad_request, "format must be pdf or json.", {{"format", 0, "must be pdf or json"}}),
                   c.req.path);
  Response res;
  if (*format == "pdf") {
    auto pdf = report::impact_pdf(*model);
    if (!pdf) return problem(pdf.error(), c.req.path);
    res.content_type = "application/pdf";
    res.body = std::move(*pdf);
  } else {
    res.content_type = "application/json";
    res.body = report::impact_json(*model);
  }
  res.set_header("Content-Disposition", content_disposition("attachment", report::impact_file_stem(*model) + "." + *format));
  return res;
}

Response get_impact_settings(Context& c, const ImpactServices& s) { return view_or_problem(c, s.impact.settings(*c.actor)); }

Response put_impact_settings(Context& c, const ImpactServices& s) {
  return changed_view(c, [&](json::value& body) { return s.impact.put_settings(*c.actor, body, if_match(c)); });
}

}  // namespace aims::http::handlers
