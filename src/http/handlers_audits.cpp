// Handlers of the internal audit workflow (ISO/IEC 42001 9.2).
#include "http/handlers_audits.hpp"

#include "core/json_members.hpp"
#include "http/handler_util.hpp"
#include "report/file_names.hpp"
#include "report/internal_audit_pdf.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response start_internal_audit(Context& c, const InternalAuditServices& s) {
  return view_or_problem(c, s.audits.start(*c.actor, id_of(c), if_match(c)));
}

Response list_audit_checklist(Context& c, const InternalAuditServices& s) {
  return json_or_problem(c, s.audits.checklist(*c.actor, id_of(c), c.req.query));
}

Response update_audit_checklist_row(Context& c, const InternalAuditServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.audits.update_row(*c.actor, id_of(c), c.req.params.at("row"), body, if_match(c));
  });
}

Response draw_audit_sample(Context& c, const InternalAuditServices& s) {
  return with_json_body(c, [&](json::value& body) {
    return view_or_problem(c, s.audits.add_sample(*c.actor, id_of(c), body, if_match(c)), 201);
  });
}

Response record_audit_sample_results(Context& c, const InternalAuditServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.audits.sample_results(*c.actor, id_of(c), c.req.params.at("n"), body, if_match(c));
  });
}

Response report_internal_audit(Context& c, const InternalAuditServices& s) {
  return changed_view(c, [&](json::value& body) { return s.audits.report(*c.actor, id_of(c), body, if_match(c)); });
}

Response sign_off_internal_audit(Context& c, const InternalAuditServices& s) {
  return changed_view(c, [&](json::value& body) { return s.audits.sign_off(*c.actor, id_of(c), body, if_match(c)); });
}

Response get_internal_audit_report(Context& c, const InternalAuditServices& s) {
  auto format = c.req.query_param("format").value_or("pdf");
  if (format != "pdf" && format != "json")
    return problem(make_error(errc::bad_request, "format must be pdf or json.", {{"format", 0, "must be pdf or json"}}), c.req.path);
  auto content = s.audits.report_content(*c.actor, id_of(c));
  if (!content) return problem(content.error(), c.req.path);
  if (format == "json") return json_response(200, json::serialize(*content));
  auto pdf = report::internal_audit_pdf(*content, c.actor->org_name);
  if (!pdf) return problem(pdf.error(), c.req.path);
  const auto& audit = content->at("audit").as_object();
  auto title = string_at(audit, "title");
  auto date = audit.contains("actual_end") && audit.at("actual_end").is_string() ? std::string(audit.at("actual_end").as_string())
                                                                                 : std::string(audit.at("updated_at").as_string()).substr(0, 10);
  return attachment("application/pdf", std::move(*pdf),
                    report::file_stem(c.actor->org_name, id_of(c) + " " + title + " audit report", date) + ".pdf");
}

Response get_internal_audit_independence(Context& c, const InternalAuditServices& s) {
  return json_or_problem(c, s.audits.independence(*c.actor, id_of(c)));
}

Response get_audit_programme_coverage(Context& c, const InternalAuditServices& s) {
  return json_or_problem(c, s.audits.coverage(*c.actor, c.req.query));
}

Response answer_audit_request(Context& c, const InternalAuditServices& s) {
  return changed_view(c, [&](json::value& body) { return s.audits.answer_request(*c.actor, id_of(c), body, if_match(c)); });
}

}  // namespace aims::http::handlers
