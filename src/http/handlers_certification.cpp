// Handlers of the certification cycle (ISO/IEC 42001 certification: stage 1, stage 2,
// surveillance, recertification).
#include "http/handlers_certification.hpp"

#include <functional>

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

namespace {

/// What an export for the certification body is made of: its words in the file name, the model the
/// JSON serves (after the filters), and its CSV and PDF made from that model. Both exports go
/// through export_file.
struct BodyExport {
  std::string_view what;  // "stage 1 readiness"
  std::function<result<json::object>(const records::Params&)> model;
  std::function<std::string(const json::object&)> csv;
  std::function<result<std::string>(const json::object&, const std::string& chosen)> pdf;
};

/// `format` (csv, the default, json or pdf) is the export's own parameter; the rest are the
/// filters of what is exported, checked by the model. The file is an attachment named
/// "<organization> <what> <today>.<format>".
Response export_file(Context& c, const BodyExport& e) {
  records::Params filters;
  std::string format = "csv";
  for (const auto& [k, v] : c.req.query) {
    if (k == "format") format = v;
    else filters.emplace_back(k, v);
  }
  if (format != "csv" && format != "json" && format != "pdf")
    return problem(make_error(errc::bad_request, "The parameters are not valid.", {{"format", 0, "must be csv, json or pdf"}}), c.req.path);
  auto model = e.model(filters);
  if (!model) return problem(model.error(), c.req.path);
  result<std::string> body = std::string();
  if (format == "pdf") {
    std::string chosen;
    for (const auto& [k, v] : filters) chosen += (chosen.empty() ? "" : " and ") + k + " " + v;
    body = e.pdf(*model, chosen);
  } else {
    body = format == "csv" ? e.csv(*model) : json::serialize(*model);
  }
  if (!body) return problem(body.error(), c.req.path);
  Response res;
  res.status = 200;
  res.content_type = format == "pdf" ? "application/pdf" : format == "csv" ? "text/csv; charset=utf-8" : "application/json";
  res.body = std::move(*body);
  auto today = model->contains("today") && model->at("today").is_string() ? std::string(model->at("today").as_string()) : std::string();
  res.set_header("Content-Disposition", content_disposition("attachment", report::file_stem(c.actor->org_name, e.what, today) + "." + format));
  return res;
}

}  // namespace

Response export_certification_readiness(Context& c, const CertificationServices& s) {
  const auto& a = *c.actor;
  return export_file(c, {"stage 1 readiness", [&](const records::Params& f) { return s.certification.readiness_model(a, f); },
                         [](const json::object& m) { return certification::readiness_csv_of(m); },
                         [&](const json::object& m, const std::string& chosen) { return report::readiness_pdf(m, a.org_name, chosen); }});
}

Response get_certification_evidence_index(Context& c, const CertificationServices& s) {
  return json_or_problem(c, s.certification.evidence_index(*c.actor, c.req.query));
}

Response export_certification_evidence_index(Context& c, const CertificationServices& s) {
  const auto& a = *c.actor;
  return export_file(c, {"stage 2 evidence index", [&](const records::Params& f) { return s.certification.evidence_index_model(a, f); },
                         [](const json::object& m) { return certification::evidence_index_csv_of(m); },
                         [&](const json::object& m, const std::string& chosen) { return report::evidence_index_pdf(m, a.org_name, chosen); }});
}

}  // namespace aims::http::handlers
