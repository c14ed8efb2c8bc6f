// Handlers of the certification cycle (ISO/IEC 42001 certification: stage 1, stage 2,
// surveillance, recertification).
#include "http/handlers_certification.hpp"

#include "core/date.hpp"
#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "report/file_names.hpp"
#include "report/readiness_pdf.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_certification_cycle(Context& c, const CertificationServices& s) {
  if (!c.req.query.empty())
    return problem(make_error(errc::bad_request, "The parameters are not valid.",
                              {{c.req.query.front().first, 0, "is not a parameter of the cycle"}}),
                   c.req.path);
  return json_or_problem(c, s.certification.cycle(*c.actor));
}

Response get_certification_readiness(Context& c, const CertificationServices& s) {
  return json_or_problem(c, s.certification.readiness(*c.actor, c.req.query));
}

Response export_certification_readiness(Context& c, const CertificationServices& s) {
  // `format` is the export's own parameter; the rest are the checklist's filters.
  records::Params filters;
  std::string format = "csv";
  for (const auto& [k, v] : c.req.query) {
    if (k == "format") format = v;
    else filters.emplace_back(k, v);
  }
  if (format != "csv" && format != "json" && format != "pdf")
    return problem(make_error(errc::bad_request, "The parameters are not valid.", {{"format", 0, "must be csv, json or pdf"}}), c.req.path);
  if (format == "pdf") {
    auto model = s.certification.readiness_model(*c.actor, filters);
    if (!model) return problem(model.error(), c.req.path);
    std::string chosen;
    for (const auto& [k, v] : filters) chosen += (chosen.empty() ? "" : " and ") + k + " " + v;
    auto pdf = report::readiness_pdf(*model, c.actor->org_name, chosen);
    if (!pdf) return problem(pdf.error(), c.req.path);
    Response res;
    res.content_type = "application/pdf";
    res.body = std::move(*pdf);
    auto today = model->contains("today") && model->at("today").is_string() ? std::string(model->at("today").as_string()) : std::string();
    res.set_header("Content-Disposition",
                   content_disposition("attachment", report::file_stem(c.actor->org_name, "stage 1 readiness", today) + ".pdf"));
    return res;
  }
  auto r = format == "csv" ? s.certification.readiness_csv(*c.actor, filters) : s.certification.readiness(*c.actor, filters);
  if (!r) return problem(r.error(), c.req.path);
  Response res;
  res.status = 200;
  res.content_type = format == "csv" ? "text/csv; charset=utf-8" : "application/json";
  res.body = std::move(*r);
  res.set_header("Content-Disposition", content_disposition("attachment", c.actor->org_name + " stage 1 readiness." + format));
  return res;
}

Response get_certification_evidence_index(Context& c, const CertificationServices& s) {
  return json_or_problem(c, s.certification.evidence_index(*c.actor, c.req.query));
}

}  // namespace aims::http::handlers
