#include <charconv>
#include <chrono>

#include "core/clock.hpp"
#include "core/json_text.hpp"
#include "core/text.hpp"
#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/pack_renderer.hpp"
#include "http/problem.hpp"
#include "report/assessment_html.hpp"
#include "report/assessment_pdf.hpp"
#include "report/assessment_report.hpp"
#include "report/file_names.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

/// The report format: `?format=` if given (pdf, html or json), else the best of those three the
/// Accept header asks for (by q-value, then order), else json.
result<std::string> report_format(const Request& req) {
  if (auto f = req.query_param("format")) {
    if (*f == "pdf" || *f == "html" || *f == "json") return *f;
    return make_error(errc::bad_request, "format must be pdf, html or json.", {{"format", 0, "must be pdf, html or json"}});
  }
  std::string best = "json";
  double best_q = 0;
  auto accept = req.header("accept").value_or("");
  std::string_view rest = accept;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto part = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto semi = part.find(';');
    auto type = text::lower(text::trim(part.substr(0, semi)));
    double q = 1;
    if (semi != std::string_view::npos) {
      auto params = part.substr(semi + 1);
      auto qpos = params.find("q=");
      if (qpos != std::string_view::npos) {
        auto v = text::trim(params.substr(qpos + 2));
        if (std::from_chars(v.data(), v.data() + v.size(), q).ec != std::errc()) q = 0;
      }
    }
    std::string fmt = type == "application/pdf" ? "pdf" : type == "text/html" ? "html" : type == "application/json" ? "json" : "";
    if (!fmt.empty() && q > best_q) {
      best = fmt;
      best_q = q;
    }
  }
  return best;
}

}  // namespace

Response list_assessments(Context& c, const AssessmentServices& s) {
  return json_or_problem(c, s.assessments.list(*c.actor, c.req.query_param("limit"), c.req.query_param("cursor")));
}

Response create_assessment(Context& c, const AssessmentServices& s) {
  return with_json_body(c, [&](const boost::json::value& b) {
    auto r = s.assessments.create(*c.actor, b);
    if (!r) return problem(r.error(), c.req.path);
    auto res = view_json(201, *r);
    auto id = boost::json::parse(r->json).at("id").as_string();
    res.set_header("Location", "/api/v1/assessments/" + std::string(id));
    return res;
  });
}

Response get_assessment(Context& c, const AssessmentServices& s) { return record_view(c, s.assessments); }

Response update_assessment(Context& c, const AssessmentServices& s) {
  return changed_view(c, [&](json::value& b) {
    return s.assessments.update(*c.actor, c.req.params.at("id"), b, if_match(c));
  });
}

Response list_answers(Context& c, const AssessmentServices& s) { return json_or_problem(c, s.assessments.answers(*c.actor, c.req.params.at("id"))); }

Response get_answer(Context& c, const AssessmentServices& s) {
  return view_or_problem(c, s.assessments.answer(*c.actor, c.req.params.at("id"), c.req.params.at("item_id")));
}

Response put_answer(Context& c, const AssessmentServices& s) {
  return changed_view(c, [&](json::value& b) {
    return s.assessments.put_answer(*c.actor, c.req.params.at("id"), c.req.params.at("item_id"), b, if_match(c));
  });
}

Response assessment_results(Context& c, const AssessmentServices& s) {
  return json_or_problem(c, s.assessments.results(*c.actor, c.req.params.at("id")));
}

Response assessment_suggestions(Context& c, const AssessmentServices& s) {
  return json_or_problem(c, s.assessments.suggestions(*c.actor, c.req.params.at("id")));
}

Response assessment_report(Context& c, const AssessmentServices& s) {
  auto format = report_format(c.req);
  if (!format) return problem(format.error(), c.req.path);
  const auto& id = c.req.params.at("id");
  auto model = assessment_report_model(s.assessments, *c.actor, id);
  if (!model) return problem(model.error(), c.req.path);
  std::string name = report::gap_assessment_file_stem(*model);
  Response r;
  if (*format == "json") {
    r = json_response(200, to_json_text(*model));
  } else if (*format == "html") {
    r.content_type = "text/html; charset=utf-8";
    r.body = report::assessment_report_html(*model);
    // Our own page, with no scripts: shown inline under a policy stricter than the web UI's.
    r.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
                 "base-uri 'none'; form-action 'none'");
    r.set_header("Content-Disposition", content_disposition("inline", name + ".html"));
  } else {
    auto pdf = report::assessment_report_pdf(*model);
    if (!pdf) return problem(pdf.error(), c.req.path);
    r = attachment("application/pdf", std::move(*pdf), name + ".pdf");
  }
  if (!c.req.query_param("format")) r.set_header("Vary", "Accept");
  return r;
}

Response compare_assessments(Context& c, const AssessmentServices& s) {
  return json_or_problem(c, s.assessments.compare(*c.actor, c.req.params.at("id"), c.req.params.at("other_id")));
}

Response get_roadmap(Context& c, const AssessmentServices& s) { return json_or_problem(c, s.assessments.roadmap(*c.actor, c.req.params.at("id"))); }

Response generate_roadmap(Context& c, const AssessmentServices& s) {
  return with_json_body(c, [&](const boost::json::value& b) {
    return json_or_problem(c, s.assessments.generate_roadmap(*c.actor, c.req.params.at("id"), b));
  });
}

Response update_roadmap_action(Context& c, const AssessmentServices& s) {
  return changed_view(c, [&](json::value& b) {
    return s.assessments.update_action(*c.actor, c.req.params.at("id"), c.req.params.at("action_id"), b, if_match(c));
  });
}

}  // namespace aims::http::handlers
