#include "domain/audits/audit_kinds.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::audits {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

const catalog::Catalog& embedded() {
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();
  return cat;
}

const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> all = [] {
    std::vector<Requirement> out;
    const auto* fw = embedded().framework("iso42001");
    if (!fw) return out;
    for (const auto& it : fw->items)
      if (it.leaf && (it.kind == "clause" || it.kind == "control")) out.push_back({it.id, it.kind, it.title});
    return out;
  }();
  return all;
}


/// The audit `audit_id` of a finding or request must not be signed off.
status parent_open(store::ReadTx& tx, const std::string& org_id, const json::object& doc) {
  auto audit_id = records::doc_text(&doc, "audit_id");
  if (records::stored_text(tx, org_id, "internal_audit", audit_id, "status") == "signed_off") return audit_frozen(audit_id);
  return ok();
}

// ---- internal_audit

void audit_check(const json::object& doc, std::vector<FieldError>& errors) {
  for (const auto& id : clause_list(records::doc_text(&doc, "clauses")))
    if (!is_clause(id)) {
      errors.push_back({"clauses", 0, "'" + id + "' is not a clause of ISO/IEC 42001 (4 to 10, e.g. 6.1.2)"});
      break;
    }
  static const auto planned = records::dates_in_order("planned_start", "planned_end", "cannot be before the planned start");
  static const auto actual = records::dates_in_order("actual_start", "actual_end", "cannot be before the actual start");
  planned(doc, errors);
  actual(doc, errors);
}

void audit_derive(const json::object& doc, json::object& view) {
  view["signoffs"] = doc.contains("signoffs") ? doc.at("signoffs") : json::value(json::array{});
  view["report_sha256"] = doc.contains("report_sha256") ? doc.at("report_sha256") : json::value(nullptr);
  view["checklist_rows"] = doc.contains("checklist_rows") ? doc.at("checklist_rows") : json::value(0);
  view["samples"] = doc.contains("samples") ? doc.at("samples") : json::value(json::array{});
}

/// Status changes go through the workflow (start, report, sign-off); a PATCH may only cancel an
/// audit that is not reported. A signed-off audit is frozen.
status audit_guard(store::ReadTx&, const std::string&, const json::object& before, const json::object& after) {
  const auto to = audit_status(after);
  if (before.empty()) {
    if (to != "planned")
      return make_error(errc::validation, "The internal audit is not valid.",
                        {{"status", 0, "a new audit is planned; it is started, reported and signed off by its workflow"}});
    return ok();
  }
  const auto from = audit_status(before);
  auto id = records::doc_text(&before, "id");
  if (from == "signed_off") return make_error(errc::conflict, "The internal audit is signed off and frozen; nothing in it can change.");
  if (from != to) {
    if (to == "cancelled" && (from == "planned" || from == "in_progress")) return ok();
    return make_error(errc::conflict, "An audit's status changes through its workflow (start, report, sign-off); a change may only "
                                      "cancel an audit that is planned or in progress.");
  }
  (void)id;
  return ok();
}

records::KindSpec make_audit() {
  auto k = records::worded_kind({"internal_audit", "internal audit", "Internal audit", "IA-", "Internal audits",
                                 "internal-audits", "internal-audit", "9.2"});
  k.write = accounts::Action::conduct_audit;
  k.check = audit_check;
  k.derive = audit_derive;
  k.guard = audit_guard;
  auto clauses = records::note_field("clauses", "Clauses",
                                     "The clauses audited, by id and separated by commas (e.g. 4, 6.1, 9.2); a main clause "
                                     "covers its subclauses.",
                                     300);
  auto lead = records::member_field("lead_auditor", "Lead auditor", "The member who leads the audit and signs its report.",
                                    {true, FacetSlot::text0, 0, true});
  auto team = records::member_field("team", "Audit team", "The other auditors.", {false, std::nullopt, 10, false});
  auto status = records::choice_field("status", "Status",
                                      "Planned, in progress (checklist generated), reported (conclusion written), signed off "
                                      "(frozen) or cancelled.",
                                      {{"planned", "Planned"},
                                       {"in_progress", "In progress"},
                                       {"reported", "Reported"},
                                       {"signed_off", "Signed off"},
                                       {"cancelled", "Cancelled"}},
                                      kAuditStatusSlot, "planned");
  auto planned_start = records::date_field("planned_start", "Planned start", "When the audit is planned to start.", FacetSlot::text7, true);
  auto planned_end = records::date_field("planned_end", "Planned end", "When the audit is planned to end.", std::nullopt);
  planned_end.column = false;
  auto actual_start = records::date_field("actual_start", "Actual start", "When the audit started (set when it is started).", std::nullopt);
  actual_start.column = false;
  auto actual_end = records::date_field("actual_end", "Actual end", "When the audit ended (set when it is reported).", std::nullopt);
  actual_end.column = false;
  auto controls = records::refs_field("controls", "Annex A controls", "The Annex A controls audited.", "control", 40);
  auto systems = records::refs_field("system_ids", "AI systems", "The AI systems in the audit's scope.", "system", 200);
  k.fields = {records::name_field("title", "Title", "The audit's reference and subject, e.g. 2026 audit of risk management."),
              records::long_field("objectives", "Objectives", "What the audit sets out to establish."),
              records::long_field("criteria", "Criteria",
                                  "What the audit measures against: the standard, the AI policy, procedures, legal requirements."),
              clauses,
              controls,
              systems,
              records::note_field("units", "Units", "The organizational units or sites in scope.", 500),
              lead,
              team,
              records::long_field("independence", "Independence declaration",
                                  "Each auditor's declaration that they do not audit their own work, in their own words."),
              planned_start,
              planned_end,
              actual_start,
              actual_end,
              status,
              records::long_field("conclusion", "Conclusion",
                                  "The audit's conclusion on the conformity and effectiveness of what was audited.", false, 8000)};
  return records::field_kind(std::move(k));
}

// ---- audit_finding

void finding_check(const json::object& doc, std::vector<FieldError>& errors) {
  auto req = records::doc_text(&doc, "requirement");
  if (!req.empty() && !requirement_of(req) && !is_clause(req))
    errors.push_back({"requirement", 0, "'" + req + "' is not a clause or Annex A control of ISO/IEC 42001 (e.g. 6.1.2 or A.6.2.4)"});
  static const std::regex nc(R"(NC-[1-9][0-9]{0,9})");
  auto id = records::doc_text(&doc, "nc_id");
  if (!id.empty() && !std::regex_match(id, nc)) errors.push_back({"nc_id", 0, "must be the number of a nonconformity, e.g. NC-3"});
}

status finding_guard(store::ReadTx& tx, const std::string& org_id, const json::object& before, const json::object& after) {
  if (!before.empty())
    if (auto s = parent_open(tx, org_id, before); !s) return s;
  return parent_open(tx, org_id, after);
}

records::KindSpec make_finding() {
  auto k = records::worded_kind({"audit_finding", "audit finding", "Audit finding", "AF-", "Audit findings", "audit-findings",
                                 "audit-finding", "9.2"});
  k.write = accounts::Action::conduct_audit;
  k.check = finding_check;
  k.guard = finding_guard;
  auto audit = records::ref_field("audit_id", "Audit", "The internal audit that found it.", "internal_audit", true, FacetSlot::text0);
  auto type = records::choice_field("type", "Type", "A major or minor nonconformity, an observation or an opportunity for improvement.",
                                    {{"major_nc", "Major nonconformity"},
                                     {"minor_nc", "Minor nonconformity"},
                                     {"observation", "Observation"},
                                     {"ofi", "Opportunity for improvement"}},
                                    FacetSlot::text1);
  FieldSpec req{"requirement", "Requirement",
                "The clause or Annex A control (e.g. 6.1.2 or A.6.2.4); the finding belongs to the audit's checklist row of it.",
                FieldType::text, true};
  req.max_length = 20;
  req.column = true;
  req.filter = FacetSlot::text2;
  FieldSpec nc{"nc_id", "Nonconformity", "The nonconformity it opened (NC-…), once raised.", FieldType::text};
  nc.max_length = 20;
  nc.column = true;
  nc.filter = FacetSlot::text3;
  k.fields = {audit, type, req,
              records::name_field("title", "Title", "The finding in a few words."),
              records::long_field("description", "Description", "What was found, against which requirement, on what evidence.", true),
              nc};
  return records::field_kind(std::move(k));
}

// ---- audit_request

void request_check(const json::object& doc, std::vector<FieldError>& errors) {
  if (audit_status(doc) == "answered" && records::doc_text(&doc, "answer").empty())
    errors.push_back({"answer", 0, "an answered request needs its answer"});
}

records::KindSpec make_request() {
  auto k = records::worded_kind({"audit_request", "request for information", "Request for information", "RFI-",
                                 "Requests for information", "audit-requests", "audit-request", "9.2"});
  k.write = accounts::Action::conduct_audit;
  k.check = request_check;
  k.guard = finding_guard;
  auto audit = records::ref_field("audit_id", "Audit", "The internal audit that asks.", "internal_audit", true, FacetSlot::text0);
  auto owner = records::member_field("owner", "Auditee", "The member who must answer.", {true, FacetSlot::text1, 0, true});
  auto due = records::date_field("due_date", "Due date", "When the answer is due.", FacetSlot::text7, true);
  auto status = records::choice_field("status", "Status", "Open until answered; closed once the auditor has what was asked for.",
                                      {{"open", "Open"}, {"answered", "Answered"}, {"closed", "Closed"}}, FacetSlot::text2, "open");
  k.fields = {audit,
              records::name_field("title", "Title", "What is asked for, in a few words."),
              records::long_field("request", "Request", "What the auditee is asked to provide or explain."),
              owner,
              due,
              status,
              records::long_field("answer", "Answer", "The auditee's answer.", false, 8000)};
  return records::field_kind(std::move(k));
}

// ---- checklist rows

records::KindSpec make_row() {
  auto k = records::named_kind("audit_checklist_row", "checklist row", "Checklist row", "", [](const store::RecordRow& row, const json::object* doc) {
    store::RecordFacets f;
    f.text[static_cast<std::size_t>(kRowResultSlot)] = records::doc_text(doc, "result");
    f.text[1] = records::doc_text(doc, "kind");
    f.number = row.position;
    f.search = text::lower(row.id + " " + records::doc_text(doc, "title"));
    return f;
  });
  k.write = accounts::Action::conduct_audit;
  return k;
}

}  // namespace

std::string audit_status(const json::object& doc) { return records::doc_text(&doc, "status"); }

Error audit_frozen(const std::string& id) {
  return make_error(errc::conflict, "Internal audit " + id + " is signed off and frozen; nothing in it can change.");
}

std::vector<std::string> clause_list(const std::string& text) {
  std::vector<std::string> out;
  for (auto& id : text::split_list(text, ','))
    if (!id.empty()) out.push_back(id);
  return out;
}

bool is_clause(const std::string& id) {
  const auto* it = embedded().find("iso42001", id);
  return it && it->kind == "clause";
}

std::vector<std::string> leaf_clauses_of(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& r : requirements()) {
    if (r.kind != "clause") continue;
    for (const auto& id : ids)
      if (r.id == id || r.id.rfind(id + ".", 0) == 0) {
        out.push_back(r.id);
        break;
      }
  }
  return out;
}

const std::vector<Requirement>& all_requirements() { return requirements(); }

const Requirement* requirement_of(const std::string& id) {
  for (const auto& r : requirements())
    if (r.id == id) return &r;
  return nullptr;
}

const records::KindSpec& internal_audit_kind() { return records::built_once<make_audit>(); }
const records::KindSpec& audit_finding_kind() { return records::built_once<make_finding>(); }
const records::KindSpec& audit_request_kind() { return records::built_once<make_request>(); }
const records::KindSpec& checklist_row_kind() { return records::built_once<make_row>(); }

}  // namespace aims::audits
