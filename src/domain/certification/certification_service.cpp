#include "domain/certification/certification_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "domain/certification/certification_kinds.hpp"
#include "domain/common/stored.hpp"
#include "domain/dashboard/card_figures.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/evidence/linked_evidence.hpp"
#include "domain/inventory/csv.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/scope/scope_kind.hpp"

namespace aims::certification {
namespace json = boost::json;
using records::doc_text;

namespace {

constexpr const char* kFile = "catalog/documented-information/requirements.json";

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(std::string(kFile) + ": " + where + ": " + what);
}

std::string text_of(const json::object& o, const char* key, const std::string& where, bool required = true) {
  auto p = o.if_contains(key);
  if (p && p->is_string() && !p->as_string().empty()) return std::string(p->as_string());
  if (required) fail(where, std::string(key) + " must be a non-empty string");
  return "";
}

std::vector<Requirement> load_requirements() {
  auto text = embedded_file(kFile);
  if (!text) fail("/", "not embedded");
  auto doc = json::parse(*text);
  auto items = doc.as_object().if_contains("requirements");
  if (!items || !items->is_array()) fail("/", "requirements must be an array");
  std::vector<Requirement> out;
  std::set<std::string> ids;
  for (const auto& v : items->as_array()) {
    const auto& o = v.as_object();
    Requirement r;
    r.id = text_of(o, "id", "requirements");
    if (!ids.insert(r.id).second) fail(r.id, "id used twice");
    r.clause = text_of(o, "clause", r.id);
    if (!is_requirement(r.clause)) fail(r.id, "clause " + r.clause + " is not in the catalog");
    r.description = text_of(o, "description", r.id);
    r.how = text_of(o, "how", r.id);
    const auto& by = o.at("satisfied_by").as_object();
    r.source = text_of(by, "source", r.id);
    if (r.source == "records") {
      r.kind = text_of(by, "kind", r.id);
      r.review_field = text_of(by, "review_date", r.id, false);
      if (auto w = by.if_contains("where")) {
        r.where_field = text_of(w->as_object(), "field", r.id);
        for (const auto& x : w->as_object().at("values").as_array()) r.where_values.emplace_back(x.as_string());
      }
    } else if (r.source == "document") {
      r.document_type = text_of(by, "document_type", r.id);
      r.title_contains = text_of(by, "title_contains", r.id);
    } else if (r.source != "scope" && r.source != "soa") {
      fail(r.id, "unknown source " + r.source);
    }
    out.push_back(std::move(r));
  }
  return out;
}

/// Where the web shows a record of a kind (hand-made kinds have pages of their own).
std::string page_of(const std::string& kind, const std::string& id) {
  static const std::map<std::string, std::string> pages{
      {"risk", "risks"}, {"objective", "objectives"}, {"impact_assessment", "impact"}, {"evidence", "evidence"},
      {"obligation", "euact/obligations"}};
  if (auto it = pages.find(kind); it != pages.end()) return "/" + it->second + "/" + id;
  const auto* spec = kinds::kind_named(kind);
  return spec && !spec->path.empty() ? "/" + spec->path + "/" + id : "";
}

/// `updated_at`: when the record last changed (the evidence index's date), "" when none applies.
json::object ref_of(const std::string& type, const std::string& id, const std::string& label, const std::string& link,
                    const std::string& updated_at = "") {
  json::object o{{"type", type}, {"id", id}, {"label", label}, {"link", link}};
  if (!updated_at.empty()) o["updated_at"] = updated_at;
  return o;
}

/// A record's words for people: its title, name or number field, else its id.
std::string label_of(const json::object& doc, const std::string& id) {
  for (const char* key : {"title", "name", "certificate_number", "key"})
    if (auto t = doc_text(&doc, key); !t.empty()) return id + " " + t;
  return id;
}

struct Check {
  std::string status;  // present | missing | out_of_date
  std::string reason;
  json::array satisfied_by;
};

Check check_scope(store::ReadTx& tx, const std::string& org) {
  auto row = tx.find_record(org, scope::scope_kind().kind, "", scope::kScopeId);
  if (!row) return {"missing", "No AIMS scope has been saved yet.", {}};
  auto doc = stored::parse_object(row->doc);
  json::array by{ref_of("scope", "scope", "AIMS scope, version " + std::to_string(row->version), "/scope", row->updated_at)};
  if (doc_text(&doc, "status") == "approved") return {"present", "", std::move(by)};
  return {"out_of_date", "The current version of the scope is not approved.", std::move(by)};
}

Check check_soa(store::ReadTx& tx, const std::string& org) {
  auto versions = tx.list_soa_versions(org);
  if (versions.empty()) return {"missing", "No version of the Statement of Applicability has been approved.", {}};
  return {"present", "", json::array{ref_of("soa", std::to_string(versions.front().version),
                                            "Statement of Applicability, version " + std::to_string(versions.front().version), "/soa",
                                            versions.front().created_at)}};
}

Check check_document(store::ReadTx& tx, const std::string& org, const Requirement& r, const std::string& today) {
  const auto& spec = documents::document_kind();
  store::RecordQuery q;
  q.org_id = org;
  q.kind = spec.kind;
  q.parent_id = "";
  q.ref = "";  // live documents (an archived one's ref names it)
  for (const auto& f : spec.filters)
    if (f.name == "type") q.filters.push_back(store::FacetIn{f.slot, {r.document_type}});
  q.text = r.title_contains;
  q.limit = 50;
  q.count = false;
  Check best{"missing", "No " + r.document_type + " whose title contains \"" + r.title_contains + "\".", {}};
  for (const auto& row : tx.query_records(q).items) {
    auto doc = stored::parse_object(row.doc);
    if (text::lower(doc_text(&doc, "title")).find(r.title_contains) == std::string::npos) continue;
    auto by = ref_of("document", row.id, label_of(doc, row.id), "/documents/" + row.id, row.updated_at);
    auto review = doc_text(&doc, "next_review_date");
    if (!documents::detail::published_row(tx, org, row.id)) {
      if (best.status == "missing") best = {"out_of_date", row.id + " has no approved (published) version.", json::array{by}};
    } else if (!review.empty() && review < today) {
      if (best.status == "missing") best = {"out_of_date", row.id + " was due for review on " + review + ".", json::array{by}};
    } else {
      return {"present", "", json::array{by}};
    }
  }
  return best;
}

Check check_records(store::ReadTx& tx, const std::string& org, const Requirement& r, const std::string& today) {
  const auto* spec = kinds::kind_named(r.kind);
  if (!spec) return {"missing", "This server does not keep " + r.kind + " records yet.", {}};
  store::RecordQuery q;
  q.org_id = org;
  q.kind = spec->kind;
  q.parent_id = "";
  if (spec->generic) q.ref = "";  // live records of a field-driven kind
  if (!r.where_field.empty()) {
    bool found = false;
    for (const auto& f : spec->filters)
      if (f.name == r.where_field && f.where == records::Where::sql && !f.on_ref) {
        q.filters.push_back(store::FacetIn{f.slot, r.where_values});
        found = true;
      }
    if (!found) return {"missing", "The " + spec->noun + " list cannot be filtered by " + r.where_field + ".", {}};
  }
  bool by_review = false;
  if (!r.review_field.empty())
    for (const auto& s : spec->sorts)
      if (s.name == r.review_field && s.where == records::Where::sql) {
        q.sort = s.slot;
        q.descending = true;
        by_review = true;
      }
  q.limit = 20;
  auto page = tx.query_records(q);
  std::vector<std::pair<store::RecordRow, json::object>> live;
  for (auto& row : page.items) {
    auto doc = stored::parse_object(row.doc);
    if (!records::is_archived(doc)) live.emplace_back(std::move(row), std::move(doc));
  }
  std::string which = r.where_field.empty() ? "" : " (" + r.where_field + " " + text::join(r.where_values, " or ") + ")";
  if (live.empty()) return {"missing", "No " + spec->noun + " records" + which + " yet.", {}};
  json::array by;
  for (std::size_t i = 0; i < live.size() && i < 5; ++i)
    by.push_back(ref_of(spec->kind, live[i].first.id, label_of(live[i].second, live[i].first.id), page_of(spec->kind, live[i].first.id),
                        live[i].first.updated_at));
  if (by_review) {
    auto latest = doc_text(&live.front().second, r.review_field);
    if (!latest.empty() && latest < today)
      return {"out_of_date", "Every " + spec->noun + " is past its review date (the latest was " + latest + ").", std::move(by)};
  }
  return {"present", "", std::move(by)};
}

json::object item_json(const std::string& area, const std::string& id, const std::string& requirement, const std::string& title,
                       const std::string& description, const std::string& how, Check c) {
  return json::object{{"area", area},
                      {"id", id},
                      {"requirement", requirement},
                      {"title", title},
                      {"description", description},
                      {"how", how},
                      {"status", c.status},
                      {"reason", c.reason},
                      {"satisfied_by", std::move(c.satisfied_by)}};
}

/// The check of an applicable control from its SoA entry: implemented with live evidence (or a
/// policy reference) is present; implemented with only expired evidence is out of date.
Check check_control(const json::object& e, const std::string& today) {
  auto status = doc_text(&e, "implementation_status");
  json::array by;
  int live = 0, expired = 0;
  if (auto ev = e.if_contains("evidence"); ev && ev->is_array())
    for (const auto& v : ev->as_array()) {
      const auto& o = v.as_object();
      auto exp = doc_text(&o, "expires_on");
      bool gone = !exp.empty() && exp < today;
      (gone ? expired : live)++;
      auto id = doc_text(&o, "id");
      by.push_back(ref_of("evidence", id, doc_text(&o, "number") + " " + doc_text(&o, "title"), "/evidence/" + id));
    }
  int policies = 0;
  if (auto p = e.if_contains("policy_refs"); p && p->is_array())
    for (const auto& v : p->as_array())
      if (v.is_string()) {
        ++policies;
        by.push_back(ref_of("policy_ref", std::string(v.as_string()), std::string(v.as_string()), ""));
      }
  if (status != "implemented")
    return {"missing", "The SoA marks the control " + (status.empty() ? std::string("not started") : status) + ".", std::move(by)};
  if (live == 0 && policies == 0 && expired > 0) return {"out_of_date", "Every evidence linked to the control has expired.", std::move(by)};
  if (live == 0 && policies == 0) return {"missing", "No evidence is linked to the control.", std::move(by)};
  return {"present", "", std::move(by)};
}

/// A CSV file for the certification body: a byte order mark (spreadsheets read it as UTF-8), the
/// header row, then each row with every cell guarded against formulas. Both exports write this.
std::string csv_file(const csv::Row& header, const std::vector<csv::Row>& rows) {
  std::string out = "\xEF\xBB\xBF";
  csv::append_row(out, header);
  for (auto row : rows) {
    for (auto& c : row) c = csv::guard(std::move(c));
    csv::append_row(out, row);
  }
  return out;
}

result<std::map<std::string, std::string>> read_params(const records::Params& params, const std::set<std::string>& allowed,
                                                       const std::map<std::string, std::set<std::string>>& values) {
  std::map<std::string, std::string> out;
  std::vector<FieldError> errs;
  for (const auto& [k, v] : params) {
    if (!allowed.count(k)) {
      errs.push_back({k, 0, "is not a parameter of this list"});
      continue;
    }
    if (out.count(k)) {
      errs.push_back({k, 0, "is given twice"});
      continue;
    }
    if (auto it = values.find(k); it != values.end() && !it->second.count(v)) {
      std::vector<std::string> names(it->second.begin(), it->second.end());
      errs.push_back({k, 0, "must be one of " + text::join(names, ", ")});
      continue;
    }
    out[k] = v;
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The parameters are not valid.", std::move(errs));
  return out;
}

std::vector<json::object> docs_of(store::ReadTx& tx, const std::string& org, const std::string& kind) {
  store::RecordQuery q;
  q.org_id = org;
  q.kind = kind;
  q.parent_id = "";
  q.ref = "";
  q.limit = 0;
  q.count = false;
  std::vector<json::object> out;
  for (auto& row : tx.query_records(q).items) {
    auto doc = stored::parse_object(row.doc);
    doc["id"] = row.id;
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace

const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> all = load_requirements();
  return all;
}

result<std::string> CertificationService::cycle(const accounts::Actor& a) {
  if (auto st = records::require(a, accounts::Action::read, "read the certification cycle"); !st) return st.error();
  json::object out;
  auto today = date_of(clock_.now());
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto certs = docs_of(tx, a.org_id, certificate_kind().kind);
    // The current certificate: the latest issued (ties: the higher number).
    const json::object* current = nullptr;
    for (const auto& c : certs)
      if (!current || doc_text(&c, "issued_on") >= doc_text(current, "issued_on")) current = &c;
    std::vector<json::object> audits;
    for (auto& au : docs_of(tx, a.org_id, certification_audit_kind().kind)) {
      auto cert = doc_text(&au, "certificate_id");
      if (cert.empty() || (current && cert == doc_text(current, "id"))) audits.push_back(std::move(au));
    }
    out = cycle_of(current, audits, today);
    if (current) {
      auto row = tx.find_record(a.org_id, scope::scope_kind().kind, "", scope::kScopeId);
      auto covered = current->if_contains("scope_version");
      json::object sc{{"covered_version", covered ? *covered : json::value(nullptr)},
                      {"current_version", row ? json::value(row->version) : json::value(nullptr)}};
      sc["changed_since"] = row && covered && covered->is_int64() && covered->as_int64() != row->version;
      out["scope"] = std::move(sc);
    }
    // The findings of the cycle's audits, counted by type.
    json::object findings{{"major_nc", 0}, {"minor_nc", 0}, {"observation", 0}, {"ofi", 0}, {"open_nc", 0}};
    std::set<std::string> ids;
    for (const auto& au : audits) ids.insert(doc_text(&au, "id"));
    for (const auto& f : docs_of(tx, a.org_id, certification_finding_kind().kind)) {
      if (!ids.count(doc_text(&f, "audit_id"))) continue;
      auto type = doc_text(&f, "type");
      if (findings.contains(type)) findings[type] = findings[type].as_int64() + 1;
      if ((type == "major_nc" || type == "minor_nc") && doc_text(&f, "nc_id").empty())
        findings["open_nc"] = findings["open_nc"].as_int64() + 1;
    }
    out["findings"] = std::move(findings);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<json::object> CertificationService::summary(const accounts::Actor& a) {
  auto c = cycle(a);
  if (!c) return c.error();
  auto doc = json::parse(*c).as_object();
  json::object out{{"certificate", doc.at("certificate")}, {"next", doc.at("next")}};
  std::int64_t overdue = 0;
  for (const auto& m : doc.at("milestones").as_array())
    if (doc_text(&m.as_object(), "state") == "overdue") ++overdue;
  std::vector<dashboard::CardFigure> figures;
  if (const auto* next = doc.at("next").if_object()) {
    auto months = next->at("in_months");
    auto date = doc_text(next, "date");
    figures.push_back({"next_in_months", "months until " + doc_text(next, "label") + (date.empty() ? " (not planned)" : " (" + date + ")"),
                       months.is_int64() ? std::max<std::int64_t>(0, months.as_int64()) : 0, "/certification", false});
  }
  figures.push_back({"overdue", "audits of the cycle overdue", overdue, "/certification", true});
  figures.push_back({"open_nc", "nonconformities found without an NC raised", doc.at("findings").as_object().at("open_nc").as_int64(),
                     "/certification", true});
  dashboard::describe_card(out, "Certification", "/certification", figures);
  return out;
}

result<json::object> CertificationService::readiness_doc(const accounts::Actor& a, const records::Params& params) {
  if (auto st = records::require(a, accounts::Action::read, "read the readiness checklist"); !st) return st.error();
  auto p = read_params(params, {"status", "area"},
                       {{"status", {"present", "missing", "out_of_date"}}, {"area", {"clauses", "controls"}}});
  if (!p) return p.error();
  auto soa = soa_.working(a);
  if (!soa) return soa.error();
  auto soa_doc = json::parse(*soa).as_object();
  auto today = format_date(date_of(clock_.now()));
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& r : requirements()) {
      Check c = r.source == "scope"      ? check_scope(tx, a.org_id)
                : r.source == "soa"      ? check_soa(tx, a.org_id)
                : r.source == "document" ? check_document(tx, a.org_id, r, today)
                                         : check_records(tx, a.org_id, r, today);
      const auto* item = cat_.find("iso42001", r.clause);
      items.push_back(item_json("clauses", r.id, r.clause, item ? item->title : "", r.description, r.how, std::move(c)));
    }
    return ok();
  });
  if (!st) return st.error();
  for (const auto& v : soa_doc.at("items").as_array()) {
    const auto& e = v.as_object();
    auto applicable = e.if_contains("applicable");
    if (!applicable || !applicable->is_bool() || !applicable->as_bool()) continue;
    auto id = doc_text(&e, "control_id");
    items.push_back(item_json("controls", id, id, doc_text(&e, "title"),
                              "The control is implemented as the Statement of Applicability says, with evidence.",
                              "The control's SoA entry: implemented, with live evidence or a policy reference.", check_control(e, today)));
  }
  json::object counts{{"present", 0}, {"missing", 0}, {"out_of_date", 0}, {"total", 0}};
  json::array shown;
  for (auto& v : items) {
    const auto& o = v.as_object();
    auto s = doc_text(&o, "status");
    counts[s] = counts[s].as_int64() + 1;
    counts["total"] = counts["total"].as_int64() + 1;
    if (p->count("status") && p->at("status") != s) continue;
    if (p->count("area") && p->at("area") != doc_text(&o, "area")) continue;
    shown.push_back(std::move(v));
  }
  json::object out{{"items", std::move(shown)}, {"summary", std::move(counts)}, {"today", today}};
  out["ready"] = out.at("summary").as_object().at("present").as_int64() == out.at("summary").as_object().at("total").as_int64();
  return out;
}

result<std::string> CertificationService::readiness(const accounts::Actor& a, const records::Params& params) {
  auto d = readiness_doc(a, params);
  if (!d) return d.error();
  return json::serialize(*d);
}

result<std::string> CertificationService::readiness_csv(const accounts::Actor& a, const records::Params& params) {
  auto d = readiness_doc(a, params);
  if (!d) return d.error();
  return readiness_csv_of(*d);
}

std::string readiness_csv_of(const json::object& checklist) {
  std::vector<csv::Row> rows;
  for (const auto& v : checklist.at("items").as_array()) {
    const auto& o = v.as_object();
    std::vector<std::string> by;
    for (const auto& s : o.at("satisfied_by").as_array()) by.push_back(doc_text(&s.as_object(), "label"));
    rows.push_back({doc_text(&o, "area"), doc_text(&o, "id"), doc_text(&o, "requirement"), doc_text(&o, "title"),
                    doc_text(&o, "description"), doc_text(&o, "status"), doc_text(&o, "reason"), text::join(by, "; ")});
  }
  return csv_file({"area", "id", "requirement", "title", "description", "status", "reason", "satisfied_by"}, rows);
}

result<json::object> CertificationService::evidence_index_doc(const accounts::Actor& a, const records::Params& params) {
  if (auto st = records::require(a, accounts::Action::read, "read the evidence index"); !st) return st.error();
  auto p = read_params(params, {"requirement", "area", "supported"},
                       {{"area", {"clauses", "controls"}}, {"supported", {"true", "false"}}});
  if (!p) return p.error();
  std::optional<std::string> only;
  if (p->count("requirement")) {
    only = p->at("requirement");
    if (!is_requirement(*only))
      return make_error(errc::bad_request, "The parameters are not valid.",
                        {{"requirement", 0, "'" + *only + "' is not a clause or an Annex A control of ISO/IEC 42001"}});
  }
  auto soa = soa_.working(a);
  if (!soa) return soa.error();
  auto soa_doc = json::parse(*soa).as_object();
  auto ready = readiness_doc(a, {});
  if (!ready) return ready.error();
  std::map<std::string, json::array> by_requirement;  // the readiness check's records per clause / control
  for (const auto& v : ready->at("items").as_array()) {
    const auto& o = v.as_object();
    auto& list = by_requirement[doc_text(&o, "requirement")];
    for (const auto& s : o.at("satisfied_by").as_array())
      if (doc_text(&s.as_object(), "type") != "evidence" && doc_text(&s.as_object(), "type") != "policy_ref") list.push_back(s);
  }
  json::array items;
  const auto* fw = cat_.framework("iso42001");
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto add = [&](const std::string& area, const std::string& id, const std::string& title, json::array evidence) {
      if (only && *only != id) return;
      json::array recs = by_requirement.count(id) ? by_requirement[id] : json::array{};
      // The record kinds that serve the clause (a kind's clause), with their count.
      json::array kinds_of;
      for (const auto* k : kinds::all_kinds()) {
        if (k->clause != id || !k->generic) continue;
        store::RecordQuery q;
        q.org_id = a.org_id;
        q.kind = k->kind;
        q.parent_id = "";
        q.ref = "";
        q.limit = 1;
        auto n = tx.query_records(q).total;
        kinds_of.push_back(json::object{{"kind", k->kind}, {"label", k->plural}, {"count", n}, {"link", "/" + k->path}});
      }
      for (auto& e : evidence::linked_evidence(tx, a.org_id, "catalog_item:iso42001:" + id)) evidence.push_back(e);
      json::object item{{"area", area}, {"id", id}, {"title", title}, {"records", std::move(recs)}, {"kinds", std::move(kinds_of)}};
      item["evidence"] = std::move(evidence);
      bool empty = item["records"].as_array().empty() && item["kinds"].as_array().empty() && item["evidence"].as_array().empty();
      item["supported"] = !empty;
      items.push_back(std::move(item));
    };
    if (fw)
      for (const auto* c : cat_.select(*fw, {.kind = std::string("clause")}))
        if (c->leaf) add("clauses", c->id, c->title, {});
    for (const auto& v : soa_doc.at("items").as_array()) {
      const auto& e = v.as_object();
      auto applicable = e.if_contains("applicable");
      if (!applicable || !applicable->is_bool() || !applicable->as_bool()) continue;
      json::array ev;
      if (auto x = e.if_contains("evidence"); x && x->is_array()) ev = x->as_array();
      add("controls", doc_text(&e, "control_id"), doc_text(&e, "title"), std::move(ev));
    }
    return ok();
  });
  if (!st) return st.error();
  // The summary counts every item (of the requirement asked for); `area` and `supported` choose
  // the items shown, as the readiness checklist's filters do.
  std::int64_t supported = 0;
  json::array shown;
  for (auto& v : items) {
    const auto& o = v.as_object();
    bool yes = o.at("supported").as_bool();
    if (yes) ++supported;
    if (p->count("area") && p->at("area") != doc_text(&o, "area")) continue;
    if (p->count("supported") && (p->at("supported") == "true") != yes) continue;
    shown.push_back(std::move(v));
  }
  auto total = static_cast<std::int64_t>(items.size());
  return json::object{{"items", std::move(shown)},
                      {"summary", json::object{{"total", total}, {"supported", supported}, {"unsupported", total - supported}}},
                      {"today", format_date(date_of(clock_.now()))}};
}

result<std::string> CertificationService::evidence_index(const accounts::Actor& a, const records::Params& params) {
  auto d = evidence_index_doc(a, params);
  if (!d) return d.error();
  return json::serialize(*d);
}

result<std::string> CertificationService::evidence_index_csv(const accounts::Actor& a, const records::Params& params) {
  auto d = evidence_index_doc(a, params);
  if (!d) return d.error();
  return evidence_index_csv_of(*d);
}

std::string evidence_index_csv_of(const json::object& index) {
  // One row per thing that supports a clause or control (a clause or control with nothing has one
  // row of its own, source "none"): what an auditor ticks off, file by file.
  std::vector<csv::Row> rows;
  for (const auto& v : index.at("items").as_array()) {
    const auto& o = v.as_object();
    csv::Row head{doc_text(&o, "area"), doc_text(&o, "id"), doc_text(&o, "title"), o.at("supported").as_bool() ? "yes" : "no"};
    auto add = [&](const std::string& source, const std::string& id, const std::string& name, const std::string& sha256,
                   const std::string& date, const std::string& link) {
      csv::Row row = head;
      for (const auto* c : {&source, &id, &name, &sha256, &date, &link}) row.push_back(*c);
      rows.push_back(std::move(row));
    };
    for (const auto& r : o.at("records").as_array()) {
      const auto& x = r.as_object();
      add(doc_text(&x, "type"), doc_text(&x, "id"), doc_text(&x, "label"), "", doc_text(&x, "updated_at"), doc_text(&x, "link"));
    }
    for (const auto& k : o.at("kinds").as_array()) {
      const auto& x = k.as_object();
      auto n = x.at("count").is_int64() ? x.at("count").as_int64() : 0;
      add("record_kind", doc_text(&x, "kind"), doc_text(&x, "label") + ": " + std::to_string(n) + (n == 1 ? " record" : " records"), "", "",
          doc_text(&x, "link"));
    }
    for (const auto& e : o.at("evidence").as_array()) {
      const auto& x = e.as_object();
      auto id = doc_text(&x, "id");
      add("evidence", doc_text(&x, "number"), doc_text(&x, "title") + " (" + doc_text(&x, "filename") + ")", doc_text(&x, "sha256"),
          doc_text(&x, "uploaded_at"), id.empty() ? "" : "/evidence/" + id);
    }
    if (o.at("records").as_array().empty() && o.at("kinds").as_array().empty() && o.at("evidence").as_array().empty())
      add("none", "", "", "", "", "");
  }
  return csv_file({"area", "requirement", "title", "supported", "source", "id", "name", "sha256", "date", "link"}, rows);
}

}  // namespace aims::certification
