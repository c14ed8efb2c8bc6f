#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "report/file_names.hpp"
#include "report/soa_pdf.hpp"
#include "report/soa_xlsx.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_soa(Context& c, const SoaServices& s) { return json_or_problem(c, s.soa.working(*c.actor)); }

Response update_soa_entry(Context& c, const SoaServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.soa.update(*c.actor, c.req.params.at("control_id"), body, if_match(c));
  });
}

Response list_soa_versions(Context& c, const SoaServices& s) { return json_or_problem(c, s.soa.versions(*c.actor)); }

Response approve_soa(Context& c, const SoaServices& s) {
  return with_json_body(c, [&](boost::json::value& body) {
    std::int64_t number = 0;
    auto r = s.soa.approve(*c.actor, body, number);
    if (!r) return problem(r.error(), c.req.path);
    auto res = json_response(201, *r);
    res.set_header("Location", "/api/v1/soa/versions/" + std::to_string(number));
    return res;
  });
}

Response get_soa_version(Context& c, const SoaServices& s) { return json_or_problem(c, s.soa.version(*c.actor, c.req.params.at("n"))); }

Response diff_soa(Context& c, const SoaServices& s) {
  return json_or_problem(c, s.soa.diff(*c.actor, c.req.query_param("from"), c.req.query_param("to")));
}

Response export_soa(Context& c, const SoaServices& s) {
  auto format = c.req.query_param("format");
  if (format && (*format == "xlsx" || *format == "pdf")) {
    // Documents for people are rendered from the JSON export of the same version.
    auto data = s.soa.export_file(*c.actor, std::string("json"), c.req.query_param("version"));
    if (!data) return problem(data.error(), c.req.path);
    auto soa = boost::json::parse(data->body).as_object();
    bool pdf = *format == "pdf";
    auto file = pdf ? report::soa_pdf(soa, c.actor->org_name) : report::soa_xlsx(soa, c.actor->org_name);
    if (!file) return problem(file.error(), c.req.path);
    return attachment(pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      std::move(*file), report::soa_file_stem(soa, c.actor->org_name) + "." + *format);
  }
  if (!format || (*format != "csv" && *format != "json"))
    return problem(make_error(errc::bad_request, "format must be csv, json, xlsx or pdf.",
                              {{"format", 0, "must be csv, json, xlsx or pdf"}}),
                   c.req.path);
  auto r = s.soa.export_file(*c.actor, format, c.req.query_param("version"));
  if (!r) return problem(r.error(), c.req.path);
  Response res;
  res.status = 200;
  res.content_type = r->content_type;
  res.body = std::move(r->body);
  res.set_header("Content-Disposition", "attachment; filename=\"" + r->filename + "\"");
  return res;
}

}  // namespace aims::http::handlers
