#include "domain/certification/certification_kinds.hpp"

#include "core/date_months.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::certification {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

using records::doc_text;

/// A certificate runs at most three years (one certification cycle) from its issue.
void check_certificate(const json::object& doc, std::vector<FieldError>& errors) {
  auto issued = parse_date(doc_text(&doc, "issued_on"));
  auto expires = parse_date(doc_text(&doc, "expires_on"));
  if (!issued || !expires) return;
  if (*expires <= *issued) errors.push_back({"expires_on", 0, "must come after the issue date (" + format_date(*issued) + ")"});
  else if (*expires > add_months(*issued, kCycleMonths))
    errors.push_back({"expires_on", 0, "a certificate runs at most three years: no later than " +
                                           format_date(add_months(*issued, kCycleMonths))});
}

/// The expiry as served (the stored one or the default), so every client reads the same date.
void derive_certificate(const json::object& doc, json::object& view) {
  auto e = expiry_of(doc);
  view["expiry"] = e ? json::value(format_date(*e)) : json::value(nullptr);
}

records::KindSpec make_certificate() {
  using namespace records;
  auto k = worded_kind({"certificate", "certificate", "Certificate", "CERT-", "Certificates", "certificates", "certificate", "4.3"});
  k.write = accounts::Action::approve;  // the certificate is the organization's claim: approve roles keep it
  k.check = check_certificate;
  k.derive = derive_certificate;
  auto number = name_field("certificate_number", "Certificate number", "The number the certification body gave the certificate.", 100);
  FieldSpec body{"certification_body", "Certification body", "The accredited body that issued the certificate.", FieldType::text, true};
  body.max_length = 200;
  body.column = true;
  body.search = true;
  FieldSpec scope{"scope_version", "Scope version", "The version of the approved AIMS scope (clause 4.3) the certificate covers.",
                  FieldType::integer, true};
  scope.min = 1;
  scope.max = 1'000'000;
  auto standard = choice_field("standard", "Standard", "The management system standard certified against.",
                               {{"iso42001:2023", "ISO/IEC 42001:2023"}}, std::nullopt, "iso42001:2023");
  standard.column = false;
  auto issued = date_field("issued_on", "Issued on", "The day of the certification decision.", FacetSlot::text2, true);
  auto expires = date_field("expires_on", "Expires on", "Leave empty for three years after the issue date.", FacetSlot::text3);
  auto status = choice_field("status", "Status", "The body's decision: valid, suspended or withdrawn (expired is worked out from the expiry).",
                             {{"valid", "Valid"}, {"suspended", "Suspended"}, {"withdrawn", "Withdrawn"}}, FacetSlot::text1, "valid");
  k.fields = {number, body, scope, standard, issued, expires, status,
              long_field("notes", "Notes", "Conditions, exclusions or remarks of the body.")};
  k.demo = {
      R"j({"certificate_number":"AIMS-42001-2026-0117","certification_body":"Nordcert Assurance GmbH","scope_version":1,"standard":"iso42001:2023","issued_on":"2026-03-16","status":"valid","notes":"Issued after the stage 2 audit; the two minor nonconformities were closed within 90 days."})j",
  };
  return field_kind(std::move(k));
}

void check_audit(const json::object& doc, std::vector<FieldError>& errors) {
  records::dates_in_order("planned_start", "planned_end", "cannot be before the planned start")(doc, errors);
  records::dates_in_order("actual_start", "actual_end", "cannot be before the actual start")(doc, errors);
  auto status = doc_text(&doc, "status");
  if (status == "completed" && doc_text(&doc, "actual_end").empty())
    errors.push_back({"actual_end", 0, "a completed audit needs the day it ended"});
  if (status == "planned" && !doc_text(&doc, "actual_start").empty())
    errors.push_back({"status", 0, "an audit that has started is in progress or completed, not planned"});
}

records::KindSpec make_audit() {
  using namespace records;
  auto k = worded_kind({"certification_audit", "certification audit", "Certification audit", "CERTA-", "Certification audits",
                        "certification-audits", "certification-audit", "9"});
  k.check = check_audit;
  auto type = choice_field("type", "Type", "Which audit of the three-year cycle it is.",
                           {{"stage1", "Stage 1"}, {"stage2", "Stage 2"}, {"surveillance1", "Surveillance 1"},
                            {"surveillance2", "Surveillance 2"}, {"recertification", "Recertification"}},
                           FacetSlot::text0);
  auto status = choice_field("status", "Status", "Planned, in progress, completed or cancelled.",
                             {{"planned", "Planned"}, {"in_progress", "In progress"}, {"completed", "Completed"}, {"cancelled", "Cancelled"}},
                             FacetSlot::text1, "planned");
  auto cert = ref_field("certificate_id", "Certificate", "The certificate the audit belongs to (none before the first certificate is issued).",
                        "certificate", false, FacetSlot::text2);
  auto planned = date_field("planned_start", "Planned start", "The first planned audit day.", FacetSlot::text3, true);
  auto planned_end = date_field("planned_end", "Planned end", "The last planned audit day.", std::nullopt);
  planned_end.column = false;
  auto actual = date_field("actual_start", "Actual start", "The day the audit started.", FacetSlot::text4);
  auto actual_end = date_field("actual_end", "Actual end", "The day the audit ended.", std::nullopt);
  actual_end.column = false;
  auto auditors = note_field("auditors", "Auditors", "The body's auditors, by name, the lead first.", 500);
  k.fields = {name_field("title", "Title", "The audit in a few words, e.g. Surveillance audit 2027."),
              type, status, cert, planned, planned_end, actual, actual_end, auditors,
              long_field("conclusion", "Conclusion", "The body's conclusion or recommendation.")};
  k.demo = {
      R"j({"title":"Stage 1 audit: documentation and readiness","type":"stage1","status":"completed","planned_start":"2026-01-12","planned_end":"2026-01-13","actual_start":"2026-01-12","actual_end":"2026-01-13","auditors":"Dr. Lena Brandt (lead), Tomas Weiss","conclusion":"Ready for stage 2; the impact assessment procedure and the internal audit programme were to be completed first."})j",
      R"j({"title":"Stage 2 audit: implementation","type":"stage2","status":"completed","certificate_id":"CERT-1","planned_start":"2026-02-16","planned_end":"2026-02-18","actual_start":"2026-02-16","actual_end":"2026-02-18","auditors":"Dr. Lena Brandt (lead), Tomas Weiss, Aylin Demir","conclusion":"Certification recommended once the corrective action plans for the two minor nonconformities are accepted."})j",
      R"j({"title":"Surveillance audit 1","type":"surveillance1","status":"planned","certificate_id":"CERT-1","planned_start":"2027-02-15","planned_end":"2027-02-16","auditors":"Dr. Lena Brandt (lead)"})j",
  };
  return field_kind(std::move(k));
}

void check_finding(const json::object& doc, std::vector<FieldError>& errors) {
  auto req = doc_text(&doc, "requirement");
  if (!req.empty() && !is_requirement(req))
    errors.push_back({"requirement", 0, "'" + req + "' is not a clause or an Annex A control of ISO/IEC 42001 (e.g. 6.1.2 or A.6.2.4)"});
  auto nc = doc_text(&doc, "nc_id");
  if (!nc.empty()) {
    bool ok = nc.size() > 3 && nc.rfind("NC-", 0) == 0 && nc.find_first_not_of("0123456789", 3) == std::string::npos;
    if (!ok) errors.push_back({"nc_id", 0, "must be the number of a nonconformity, e.g. NC-12"});
  }
}

records::KindSpec make_finding() {
  using namespace records;
  auto k = worded_kind({"certification_finding", "certification finding", "Certification finding", "CF-", "Certification findings",
                        "certification-findings", "certification-finding", "10.2"});
  k.check = check_finding;
  auto audit = ref_field("audit_id", "Audit", "The certification audit that raised the finding.", "certification_audit", true,
                         FacetSlot::text0);
  auto type = choice_field("type", "Type", "Major or minor nonconformity, observation, or opportunity for improvement.",
                           {{"major_nc", "Major nonconformity"}, {"minor_nc", "Minor nonconformity"}, {"observation", "Observation"},
                            {"ofi", "Opportunity for improvement"}},
                           FacetSlot::text1);
  FieldSpec req{"requirement", "Requirement", "The clause or Annex A control concerned, e.g. 6.1.2 or A.6.2.4.", FieldType::text, true};
  req.max_length = 20;
  req.column = true;
  req.filter = FacetSlot::text2;
  req.search = true;
  FieldSpec nc{"nc_id", "Nonconformity", "The nonconformity (NC-…) raised for the finding, once raised.", FieldType::text};
  nc.max_length = 20;
  nc.column = true;
  k.fields = {audit, type, req, long_field("description", "Description", "What the auditor found, in our words.", true), nc};
  k.demo = {
      R"j({"audit_id":"CERTA-2","type":"minor_nc","requirement":"9.2.2","description":"The internal audit programme did not yet plan the Annex A controls of the data area (A.7) within the cycle."})j",
      R"j({"audit_id":"CERTA-2","type":"minor_nc","requirement":"A.5.3","description":"Two impact assessments were approved without the record of who was consulted."})j",
      R"j({"audit_id":"CERTA-2","type":"ofi","requirement":"A.6.2.6","description":"Drift monitoring of the credit scoring model could raise alerts to the owner directly instead of by weekly report."})j",
      R"j({"audit_id":"CERTA-1","type":"observation","requirement":"6.1.4","description":"The impact assessment procedure existed in draft only at the time of the stage 1 audit."})j",
  };
  return field_kind(std::move(k));
}

}  // namespace

std::optional<Date> expiry_of(const json::object& doc) {
  if (auto e = parse_date(doc_text(&doc, "expires_on"))) return e;
  if (auto i = parse_date(doc_text(&doc, "issued_on"))) return add_months(*i, kCycleMonths);
  return std::nullopt;
}

std::string status_on(const json::object& doc, Date today) {
  auto decided = doc_text(&doc, "status");
  if (decided == "withdrawn") return decided;
  auto e = expiry_of(doc);
  if (e && today > *e) return "expired";
  return decided.empty() ? "valid" : decided;
}

bool is_requirement(const std::string& id) {
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();
  const auto* it = cat.find("iso42001", id);
  return it && (it->kind == "clause" || it->kind == "control");
}

const records::KindSpec& certificate_kind() { return records::built_once<make_certificate>(); }
const records::KindSpec& certification_audit_kind() { return records::built_once<make_audit>(); }
const records::KindSpec& certification_finding_kind() { return records::built_once<make_finding>(); }

}  // namespace aims::certification
