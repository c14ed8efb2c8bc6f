#include "domain/nonconformity/nonconformity_kinds.hpp"

#include <algorithm>

#include "domain/catalog/catalog.hpp"
#include "domain/common/stored.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/record_lock.hpp"
#include "domain/records/stored_rules.hpp"

namespace aims::nonconformity {
namespace json = boost::json;
using namespace records;
using store::FacetSlot;

namespace {

const std::vector<EnumValue> kNcSources{{"internal_audit", "Internal audit"},
                                        {"external_audit", "External audit"},
                                        {"incident", "Incident"},
                                        {"complaint", "Complaint"},
                                        {"monitoring", "Monitoring or measurement"},
                                        {"management_review", "Management review"},
                                        {"other", "Other"}};

/// The same JSON value under `key` in both documents (missing counts as null).
bool same(const json::object& before, const json::object& after, const char* key) {
  const auto* a = before.if_contains(key);
  const auto* b = after.if_contains(key);
  return (a ? *a : json::value(nullptr)) == (b ? *b : json::value(nullptr));
}

/// The facets of `base` with the open-due slot: the due date while the record is not `finished`.
FacetsFn with_open_due(FacetsFn base, std::vector<std::string> finished) {
  return [base = std::move(base), finished = std::move(finished)](const store::RecordRow& row, const json::object* doc) {
    auto out = base(row, doc);
    auto state = doc_text(doc, "status");
    bool done = std::find(finished.begin(), finished.end(), state) != finished.end();
    out.text[static_cast<std::size_t>(kOpenDueSlot) - static_cast<std::size_t>(FacetSlot::text0)] =
        done ? "" : doc_text(doc, "due_date");
    return out;
  };
}

void check_requirement(const json::object& doc, std::vector<FieldError>& errors) {
  auto req = doc_text(&doc, "requirement");
  if (!req.empty() && !is_requirement(req))
    errors.push_back({"requirement", 0, req + " is not a clause or an Annex A control of ISO/IEC 42001 (e.g. 9.2.2 or A.6.2.4)"});
}

/// The source_ref of a create, or of a change that changes it, names a record of the organization.
status check_source_ref(store::ReadTx& tx, const std::string& org_id, const json::object* before, const json::object& after) {
  if (before && same(*before, after, "source_ref")) return ok();
  auto ref = doc_text(&after, "source_ref");
  if (ref.empty()) return ok();
  return check_record_id(tx, org_id, "source_ref", ref);
}

// ---- nonconformity ----

/// The members the NC workflow writes, served as stored (null when not done yet), and the next step.
void nc_derive(const json::object& doc, json::object& view) {
  for (const char* key : {"containment", "cause_analysis", "elsewhere", "effectiveness_check"})
    view[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
  for (const char* key : {"updates", "earlier_checks"})
    view[key] = doc.contains(key) && doc.at(key).is_array() ? doc.at(key) : json::value(json::array{});
  auto state = doc_text(&doc, "status");
  const json::object* check = doc.contains("effectiveness_check") && doc.at("effectiveness_check").is_object()
                                  ? &doc.at("effectiveness_check").as_object()
                                  : nullptr;
  std::string next = state == "open"        ? "containment"
                     : state == "contained" ? "cause_analysis"
                     : state == "analysed"  ? "elsewhere_check"
                     : state == "actions_planned" ? "effectiveness_check"
                     : state == "verifying" ? (doc_text(check, "result").empty() ? "effectiveness_result" : "close")
                                            : "";
  view["next_step"] = next.empty() ? json::value(nullptr) : json::value(next);
}

void nc_check(const json::object& doc, std::vector<FieldError>& errors) {
  check_requirement(doc, errors);
  auto opened = doc_text(&doc, "opened_on");
  auto due = doc_text(&doc, "due_date");
  if (!opened.empty() && !due.empty() && due < opened)
    errors.push_back({"due_date", 0, "cannot be before the day the nonconformity was opened (" + opened + ")"});
}

/// Status and closing date move only through the steps; the source record exists; the owner is
/// never the verifier of the check.
status nc_stored(store::ReadTx& tx, const std::string& org_id, const json::object* before, const json::object& after) {
  std::vector<FieldError> errs;
  if (!before) {
    if (auto s = doc_text(&after, "status"); !s.empty() && s != "open")
      errs.push_back({"status", 0, "a new nonconformity is open; its status moves on through its steps (containment, cause analysis, …)"});
    if (!doc_text(&after, "closed_on").empty())
      errs.push_back({"closed_on", 0, "is set when the nonconformity is closed after an effective check"});
  } else {
    if (!same(*before, after, "status"))
      errs.push_back({"status", 0, "moves only through the nonconformity's steps (containment, cause analysis, elsewhere check, "
                                   "effectiveness check, close)"});
    if (!same(*before, after, "closed_on"))
      errs.push_back({"closed_on", 0, "is set when the nonconformity is closed after an effective check"});
    const json::object* check = after.contains("effectiveness_check") && after.at("effectiveness_check").is_object()
                                    ? &after.at("effectiveness_check").as_object()
                                    : nullptr;
    if (check && doc_text(check, "verifier") == doc_text(&after, "owner") && !doc_text(&after, "owner").empty())
      errs.push_back({"owner", 0, "is the verifier of the effectiveness check; the verifier cannot be the nonconformity's owner"});
  }
  if (!errs.empty()) return make_error(errc::validation, "The nonconformity is not valid.", std::move(errs));
  return check_source_ref(tx, org_id, before, after);
}

KindSpec make_nc() {
  auto k = worded_kind({"nonconformity", "nonconformity", "Nonconformity", "NC-", "Nonconformities", "nonconformities", "nc",
                        "10.2"});
  k.check = nc_check;
  k.derive = nc_derive;
  auto source = choice_field("source", "Source", "Where the nonconformity was found.", kNcSources, FacetSlot::text0);
  auto source_ref = note_field("source_ref", "Source record",
                               "The number of the record it came from (an audit finding, an incident, a review …), if any.", 40);
  source_ref.filter = FacetSlot::text4;
  auto requirement = note_field("requirement", "Requirement not fulfilled",
                                "The clause or Annex A control that is not fulfilled, by its number (e.g. 9.2.2 or A.6.2.4).", 20);
  requirement.required = true;
  requirement.column = true;
  requirement.search = true;
  auto severity = choice_field("severity", "Severity", "Major: the requirement is not met at all or the system is at risk; minor: a lapse.",
                               {{"major", "Major"}, {"minor", "Minor"}}, FacetSlot::text2);
  auto owner = member_field("owner", "Owner", "The member who handles the nonconformity to its closure.",
                            {true, FacetSlot::text3});
  auto status = choice_field("status", "Status", "Where the nonconformity stands; it moves on through its steps only.",
                             {{"open", "Open"},
                              {"contained", "Contained"},
                              {"analysed", "Cause analysed"},
                              {"actions_planned", "Actions planned"},
                              {"verifying", "Effectiveness check"},
                              {"closed", "Closed"}},
                             FacetSlot::text1, "open");
  auto opened = date_field("opened_on", "Opened on", "The day the nonconformity was recorded or found.", std::nullopt, true);
  auto due = date_field("due_date", "Due date", "When the nonconformity should be closed.", FacetSlot::text7);
  auto closed = date_field("closed_on", "Closed on", "Set when the nonconformity is closed after an effective check.", std::nullopt);
  closed.column = false;
  k.fields = {name_field("title", "Title", "The nonconformity in a few words."),
              long_field("description", "Description", "What does not conform, where it was seen, and the evidence.", true, 8000),
              source,
              source_ref,
              requirement,
              severity,
              owner,
              status,
              opened,
              due,
              closed};
  auto spec = field_kind(std::move(k));
  spec.facets = with_open_due(spec.facets, {"closed"});
  spec.extra_params.push_back("overdue");
  declare_stored_rules(spec.kind, {nc_stored, kOpenDueSlot});
  // A closed nonconformity is the record an auditor relies on: it no longer changes (a problem that
  // comes back is a new nonconformity).
  declare_lock(spec.kind, [](const json::object& doc) -> std::optional<std::string> {
    if (doc_text(&doc, "status") == "closed") return std::string("is closed; its record no longer changes (raise a new nonconformity if the problem comes back)");
    return std::nullopt;
  });
  return spec;
}

// ---- corrective action ----

void capa_check(const json::object& doc, std::vector<FieldError>& errors) {
  auto state = doc_text(&doc, "status");
  auto done_on = doc_text(&doc, "done_on");
  if (state == "done" && done_on.empty()) errors.push_back({"done_on", 0, "is required once the action is done"});
  if (state != "done" && !done_on.empty()) errors.push_back({"done_on", 0, "is set only when the action is done"});
}

/// A corrective action belongs to a nonconformity whose cause is analysed and that is not closed;
/// it never moves to another one.
status capa_stored(store::ReadTx& tx, const std::string& org_id, const json::object* before, const json::object& after) {
  if (before && !same(*before, after, "nc_id"))
    return make_error(errc::validation, "The corrective action is not valid.",
                      {{"nc_id", 0, "a corrective action stays with its nonconformity; record a new one for another"}});
  auto nc_id = doc_text(&after, "nc_id");
  auto nc = tx.find_record(org_id, nonconformity_kind().kind, "", nc_id);
  if (!nc) return ok();  // check_refs named it already
  auto doc = stored::parse_object(nc->doc);
  auto state = doc_text(&doc, "status");
  if (!before && state != "analysed" && state != "actions_planned")
    return make_error(errc::conflict, "Nonconformity " + nc_id + " is " +
                                          (state == "closed" ? std::string("closed")
                                                             : state == "verifying" ? "being checked for effectiveness"
                                                                                    : "not analysed yet (" + state + ")") +
                                          ": corrective actions are planned once its cause is analysed and before the "
                                          "effectiveness check.");
  if (before && state == "closed")
    return make_error(errc::conflict, "Nonconformity " + nc_id + " is closed; its corrective actions no longer change.");
  return ok();
}

KindSpec make_capa() {
  auto k = worded_kind({"corrective_action", "corrective action", "Corrective action", "CAPA-", "Corrective actions",
                        "corrective-actions", "corrective-action", "10.2"});
  k.check = capa_check;
  auto nc = ref_field("nc_id", "Nonconformity", "The nonconformity the action removes the cause of.", "nonconformity", true,
                      FacetSlot::text0);
  auto owner = member_field("owner", "Owner", "The member who carries the action out.", {true, FacetSlot::text3});
  auto due = date_field("due_date", "Due date", "When the action should be done.", FacetSlot::text7);
  auto status = choice_field("status", "Status", "Open, in progress, done or cancelled.",
                             {{"open", "Open"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}},
                             FacetSlot::text1, "open");
  auto done_on = date_field("done_on", "Done on", "The day the action was completed.", std::nullopt);
  done_on.column = false;
  k.fields = {name_field("title", "Title", "What is done to remove the cause."),
              long_field("description", "Description", "How the action removes the cause, and what it changes."),
              nc,
              owner,
              due,
              status,
              done_on};
  auto spec = field_kind(std::move(k));
  spec.facets = with_open_due(spec.facets, {"done", "cancelled"});
  spec.extra_params.push_back("overdue");
  declare_stored_rules(spec.kind, {capa_stored, kOpenDueSlot});
  return spec;
}

// ---- improvement ----

KindSpec make_ofi() {
  auto k = worded_kind({"improvement", "improvement", "Improvement", "OFI-", "Improvements", "improvements", "improvement",
                        "10.1"});
  auto source = choice_field("source", "Source", "Where the opportunity came from.",
                             {{"internal_audit", "Internal audit"},
                              {"external_audit", "External audit"},
                              {"management_review", "Management review"},
                              {"metrics", "Metrics and monitoring"},
                              {"staff", "Staff suggestion"},
                              {"incident", "Incident"},
                              {"other", "Other"}},
                             FacetSlot::text0);
  auto source_ref = note_field("source_ref", "Source record", "The number of the record it came from (a finding, a review …), if any.", 40);
  source_ref.filter = FacetSlot::text4;
  auto owner = member_field("owner", "Owner", "The member who takes the opportunity forward.", {false, FacetSlot::text3});
  auto decision = choice_field("decision", "Decision", "Proposed, accepted, rejected or implemented.",
                               {{"proposed", "Proposed"}, {"accepted", "Accepted"}, {"rejected", "Rejected"}, {"implemented", "Implemented"}},
                               FacetSlot::text1, "proposed");
  auto due = date_field("due_date", "Due date", "When an accepted improvement should be implemented.", FacetSlot::text7);
  k.fields = {name_field("title", "Title", "The opportunity in a few words."),
              long_field("description", "Description", "What could be better, and the expected benefit."),
              source,
              source_ref,
              owner,
              decision,
              long_field("decision_note", "Decision note", "Why it was accepted or rejected, and by whom.", false, 2000),
              due};
  k.check = [](const json::object& doc, std::vector<FieldError>& errors) {
    if (doc_text(&doc, "decision") == "rejected" && !doc_text(&doc, "due_date").empty())
      errors.push_back({"due_date", 0, "a rejected improvement has no due date"});
  };
  k.demo = {
      R"({"title":"Automate the evidence freshness reminders","description":"Evidence owners learn late that evidence expired; a weekly reminder would keep the vault current.","source":"internal_audit","decision":"accepted","decision_note":"Accepted by the AIMS manager: low effort, clear benefit.","due_date":"2027-03-31"})",
      R"({"title":"Share model drift dashboards with the business owners","description":"Drift figures are only seen by data scientists; business owners could react sooner.","source":"metrics","decision":"proposed"})",
      R"({"title":"A short course on writing good cause analyses","description":"Cause analyses often stop at the first why; staff suggested a one-hour course.","source":"staff","decision":"implemented","decision_note":"Course held twice; material in the training campaign."})",
      R"({"title":"Monthly AI newsletter for all staff","description":"A newsletter was proposed to raise awareness; the intranet page already does this.","source":"management_review","decision":"rejected","decision_note":"The intranet page and the training campaign cover it."})",
  };
  auto spec = field_kind(std::move(k));
  declare_stored_rules(spec.kind, {check_source_ref, std::nullopt});
  return spec;
}

}  // namespace

bool is_requirement(const std::string& id) {
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();
  const auto* it = cat.find("iso42001", id);
  return it && (it->kind == "clause" || it->kind == "control");
}

const KindSpec* kind_of_id(const std::string& id) {
  const KindSpec* best = nullptr;
  for (const auto* k : kinds::all_kinds())
    if (!k->prefix.empty() && id.size() > k->prefix.size() && id.compare(0, k->prefix.size(), k->prefix) == 0 &&
        (!best || k->prefix.size() > best->prefix.size()))
      best = k;
  return best;
}

status check_record_id(store::ReadTx& tx, const std::string& org_id, const std::string& field, const std::string& id) {
  const auto* k = kind_of_id(id);
  if (!k)
    return make_error(errc::bad_request, "The record " + id + " is not known.",
                      {{field, 0, id + " is not the number of a record aims keeps (e.g. INC-3, AF-2, R-1)"}});
  if (!tx.find_record(org_id, k->kind, "", id))
    return make_error(errc::bad_request, "The record " + id + " is not known.",
                      {{field, 0, "no " + k->noun + " " + id + " in this organization"}});
  return ok();
}

const KindSpec& nonconformity_kind() { return built_once<make_nc>(); }
const KindSpec& corrective_action_kind() { return built_once<make_capa>(); }
const KindSpec& improvement_kind() { return built_once<make_ofi>(); }

}  // namespace aims::nonconformity
