// Review input: internal and external audit results — internal audits completed (reported or
// signed off) since the previous review, certification audits held, and the findings of both by
// type, read by kind name (internal_audit, certification_audit, audit_finding and, where external
// findings are kept apart, certification_finding): "no records" until those kinds exist.
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_audits(const PackInput& in) {
  Section s("audits", "9.2", "Internal and external audit results");
  std::int64_t internal = 0, external = 0;
  each_record(in, "internal_audit", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto status = text_of(doc, "status");
    s.count("internal_by_status." + (status.empty() ? std::string("planned") : status));
    bool completed = status == "reported" || status == "signed_off";
    if (completed && after_since(in, row.updated_at)) {
      ++internal;
      s.link("internal_audit", row.id, title_of(doc, {"title"}, row.id), "/internal-audits/" + row.id,
             status + (text_of(doc, "actual_end").empty() ? "" : ", ended " + text_of(doc, "actual_end")));
    }
  });
  each_record(in, "certification_audit", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto end = text_of(doc, "actual_end");
    if (end.empty() || !after_since(in, end)) return;
    ++external;
    s.link("certification_audit", row.id, title_of(doc, {"title", "type"}, row.id), "/certification-audits/" + row.id,
           text_of(doc, "type") + ", ended " + end);
  });
  for (const char* kind : {"audit_finding", "certification_finding"}) {
    each_record(in, kind, [&](const store::RecordRow& row, const boost::json::object& doc) {
      if (archived(doc)) return;
      s.saw_records();
      auto audit = text_of(doc, "audit_id");
      bool ext = audit.rfind("CERTA-", 0) == 0 || std::string_view(kind) == "certification_finding";
      auto type = text_of(doc, "type");
      s.count(std::string(ext ? "external_findings_by_type." : "internal_findings_by_type.") + (type.empty() ? "unknown" : type));
      if (after_since(in, row.created_at) && (type == "major_nc" || type == "minor_nc"))
        s.link(kind, row.id, title_of(doc, {"description", "requirement"}, row.id),
               std::string(std::string_view(kind) == "audit_finding" ? "/audit-findings/" : "/certification-findings/") + row.id,
               type + " on " + text_of(doc, "requirement") + " (" + audit + ")");
    });
  }
  s.set("internal_completed", internal);
  s.set("external_completed", external);
  return s.done(std::to_string(internal) + " internal and " + std::to_string(external) +
                " external audit(s) completed since the previous review.");
}

}  // namespace aims::review
