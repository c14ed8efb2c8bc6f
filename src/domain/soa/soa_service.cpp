#include "domain/soa/soa_service.hpp"

#include <map>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/evidence/linked_evidence.hpp"
#include "domain/soa/soa_csv.hpp"
#include "domain/soa/soa_rules.hpp"
#include "domain/org/org_settings.hpp"
#include "domain/risk/links.hpp"

namespace aims::soa {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

// The stored fields. Evidence is not among them: it is the vault's evidence linked to the entry
// (soa_entry:<control>), served as `evidence` and, for exports and versions, `evidence_refs`.
constexpr std::string_view kFields[] = {"applicable", "justification", "reasons", "implementation_status",
                                        "owner", "policy_refs", "notes"};

/// The stored fields of a stored entry document over `e` (older documents lack some).
void read_stored(const json::object& d, json::object& e) {
  for (auto k : kFields)
    if (auto v = d.if_contains(k)) e[k] = *v;
}

/// The entry's evidence: the linked evidence, and its labels ("EV-3 Access policy").
void put_evidence(json::object& e, json::array linked) {
  json::array refs;
  for (const auto& v : linked) {
    const auto& o = v.as_object();
    refs.push_back(json::value(std::string(o.at("number").as_string()) + " " + std::string(o.at("title").as_string())));
  }
  e["evidence"] = std::move(linked);
  e["evidence_refs"] = std::move(refs);
}

status require(const Actor& a, Action action, std::string_view what) {
  if (accounts::allowed(a.role, action)) return ok();
  return make_error(errc::forbidden,
                    "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " + std::string(what) + ".");
}

std::string area_of(const std::string& control_id) { return control_id.substr(0, control_id.find('.', 2)); }

json::object default_entry(const catalog::Item& c) {
  return json::object{{"control_id", c.id},
                      {"title", c.title},
                      {"area_id", area_of(c.id)},
                      {"applicable", true},
                      {"justification", ""},
                      {"reasons", json::array()},
                      {"implementation_status", "not_started"},
                      {"owner", ""},
                      {"evidence", json::array()},
                      {"evidence_refs", json::array()},
                      {"policy_refs", json::array()},
                      {"notes", ""},
                      {"latest_answer", nullptr},
                      {"linked_risks", json::array()},
                      {"version", 0}};
}

std::optional<std::int64_t> to_number(const std::string& s) {
  auto v = text::to_int64(s);
  return v && *v >= 1 ? v : std::nullopt;
}

}  // namespace

json::object summary(const json::array& entries) {
  std::map<std::string, int> n{{"applicable", 0}, {"excluded", 0}, {"not_started", 0},
                               {"planned", 0},    {"partial", 0},  {"implemented", 0}};
  for (const auto& v : entries) {
    const auto& e = v.as_object();
    if (!e.at("applicable").as_bool()) {
      ++n["excluded"];
      continue;
    }
    ++n["applicable"];
    ++n[std::string(e.at("implementation_status").as_string())];
  }
  json::object o;
  for (auto& [k, v] : n) o[k] = v;
  return o;
}

json::array SoaService::entries(store::ReadTx& tx, const std::string& org_id, json::value* source) {
  std::map<std::string, store::RecordRow> stored;
  for (auto& r : tx.list_soa_entries(org_id)) stored[r.id] = std::move(r);
  // The answers come from one assessment: the latest completed one (a draft is not a finding yet).
  auto from = answer_source(tx, org_id);
  if (source) *source = from.assessment ? json::value(*from.assessment) : json::value(nullptr);
  auto& latest = from.answers;
  // Risks whose treatment selects a control are a reason to include it: derived here, never stored.
  auto treating = risk::risks_by_control(tx, org_id);
  json::array out;
  for (const auto* c : cat_.select(*cat_.framework("iso42001"), {.kind = "control"})) {
    json::object e = default_entry(*c);
    if (auto s = stored.find(c->id); s != stored.end()) {
      auto d = json::parse(s->second.doc).as_object();
      read_stored(d, e);
      e["version"] = s->second.version;
      e["updated_at"] = s->second.updated_at;
      if (auto u = d.if_contains("updated_by")) e["updated_by"] = *u;
      if (auto k = d.if_contains("conflict_decision")) e["conflict_decision"] = *k;
    }
    put_evidence(e, evidence::linked_evidence(tx, org_id, "soa_entry:" + c->id));
    if (auto l = latest.find(c->id); l != latest.end()) e["latest_answer"] = l->second;
    if (auto t = treating.find(c->id); t != treating.end()) e["linked_risks"] = input::to_array(t->second);
    e["conflict"] = conflict_of(e);
    e.erase("conflict_decision");  // served as the conflict's decision
    out.push_back(std::move(e));
  }
  return out;
}

result<std::string> SoaService::working(const Actor& a) {
  // Everything the document shows (entries, versions, assessments and answers, risks) is a record
  // of the organization, and every record change grows its audit log in the same transaction: the
  // document read at one log size is current while the size is unchanged.
  std::optional<inventory::CachedPage> cached;
  std::int64_t generation = 0;
  json::array items;
  std::optional<std::int64_t> latest_version;
  json::value source;
  bool required = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    generation = tx.audit_size(a.org_id);
    // An organization created through the audited store has logged at least its creation; with
    // no log at all (a store without the audit decorator) nothing is cached.
    if (generation > 0) cached = cache_.get(a.org_id, generation);
    if (cached) return ok();
    items = entries(tx, a.org_id, &source);
    required = org::load_settings(tx, a.org_id).soa_justification_required;
    auto v = tx.list_soa_versions(a.org_id);
    if (!v.empty()) latest_version = v.front().version;
    return ok();
  });
  if (!st) return st.error();
  if (cached) return std::move(cached->items_json);
  auto sum = summary(items);
  auto missing = input::to_array(missing_justifications(items));
  auto doc = json::serialize(json::object{{"items", std::move(items)},
                                          {"summary", std::move(sum)},
                                          {"answers_from", std::move(source)},
                                          {"justification_missing", std::move(missing)},
                                          {"justification_required", required},
                                          {"latest_version", latest_version ? json::value(*latest_version) : json::value(nullptr)}});
  if (generation > 0) cache_.put(a.org_id, generation, inventory::CachedPage{doc, 0, std::nullopt});
  return doc;
}

result<Entry> SoaService::update(const Actor& a, const std::string& control_id, const json::value& body,
                                 const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "edit the Statement of Applicability"); !st) return st.error();
  const auto* control = cat_.find("iso42001", control_id);
  if (!control || control->kind != "control")
    return make_error(errc::not_found, "No Annex A control " + control_id + ".");
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(),
                   {"applicable", "justification", "reasons", "implementation_status", "owner", "evidence", "evidence_refs",
                    "policy_refs", "notes", "conflict_reason"},
                   {"control_id", "title", "area_id", "latest_answer", "linked_risks", "conflict", "version", "updated_at",
                    "updated_by"});
  auto applicable = in.boolean("applicable");
  auto justification = in.text("justification", 4000, true);
  auto reasons = in.choice_list("reasons", {"risk_treatment", "legal_requirement", "contractual_requirement",
                                            "business_requirement", "other"});
  auto impl = in.choice("implementation_status", {"not_started", "planned", "partial", "implemented"});
  auto owner = in.text("owner", 200);
  auto evidence_ids = in.list("evidence", 50, 100).value_or(std::vector<std::string>{});  // evidence ids, linked
  if (in.has("evidence_refs"))
    in.error("evidence_refs", "free-text evidence is not accepted: link evidence of the vault by its id with 'evidence' "
                              "(a list of evidence ids), and write other text in notes");
  auto policies = in.list("policy_refs", 50, 500);
  auto notes = in.text("notes", 4000, true);
  auto conflict_reason = in.text("conflict_reason", 2000, true);
  if (!in.ok()) return in.failure("The change is not valid.");
  Entry out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto existing = tx.find_soa_entry(a.org_id, control_id);
    std::int64_t version = existing ? existing->version : 0;
    if (!if_match)
      return make_error(errc::precondition_required,
                        "Send If-Match with the ETag you last read (\"v0\" for an entry never edited).");
    auto want = "\"v" + std::to_string(version) + "\"";
    if (*if_match != want && *if_match != "W/" + want)
      return make_error(errc::precondition_failed, "This entry was changed by someone else since you read it (now version " +
                                                       std::to_string(version) + "); reload and apply your change again.");
    json::object e = default_entry(*control);
    json::value decision = nullptr;
    if (existing) {
      auto d = json::parse(existing->doc).as_object();
      read_stored(d, e);
      if (auto k = d.if_contains("conflict_decision")) decision = *k;
    }
    for (auto& err : evidence::unknown_evidence(tx, a.org_id, evidence_ids, "evidence")) in.error(err.field, err.message);
    auto target = evidence::parse_target("soa_entry:" + control_id);
    auto linked = evidence::linked_evidence(tx, a.org_id, target->key);
    if (applicable) e["applicable"] = *applicable;
    if (justification) e["justification"] = *justification;
    if (reasons) e["reasons"] = input::to_array(*reasons);
    if (impl) e["implementation_status"] = *impl;
    if (owner) e["owner"] = *owner;
    if (policies) e["policy_refs"] = input::to_array(*policies);
    if (notes) e["notes"] = *notes;
    // The rules hold for the entry as it would be stored, whatever the request changed.
    if (!e.at("applicable").as_bool() && e.at("justification").as_string().empty())
      in.error("justification", "excluding a control needs a justification");
    if (e.at("implementation_status").as_string() == "implemented" && linked.empty() && evidence_ids.empty() &&
        e.at("policy_refs").as_array().empty())
      in.error("implementation_status", "'implemented' needs at least one evidence or policy reference");
    auto now = clock_.now_text();
    // Keeping a status that conflicts with the assessed maturity is a decision with a reason, taken
    // for that status and that maturity (soa_rules.hpp).
    if (impl && existing && e.at("implementation_status") != json::parse(existing->doc).at("implementation_status") &&
        !conflict_reason)
      decision = nullptr;  // a new status is a new decision
    if (conflict_reason && conflict_reason->find_first_not_of(" \t\r\n") == std::string::npos) decision = nullptr;
    else if (conflict_reason) {
      auto answers = answer_source(tx, a.org_id).answers;
      if (auto l = answers.find(control_id); l != answers.end()) e["latest_answer"] = l->second;
      auto c = conflict_of(e);
      if (c.is_null())
        in.error("conflict_reason", "there is no conflict between this entry's status and the assessed maturity to keep");
      else
        decision = json::object{{"reason", *conflict_reason},
                                {"implementation_status", c.at("implementation_status")},
                                {"maturity", c.at("maturity")},
                                {"decided_by", a.email},
                                {"decided_at", now}};
    }
    if (!in.ok()) return in.failure("The entry breaks a rule of the Statement of Applicability.");
    json::object stored;
    for (auto k : kFields) stored[k] = e.at(k);
    if (!decision.is_null()) stored["conflict_decision"] = decision;
    stored["updated_by"] = a.email;
    store::RecordRow r{"", a.org_id, "", control_id, version + 1, 0, "", existing ? existing->created_at : now, now,
                       json::serialize(stored)};
    if (auto s = tx.put_soa_entry(r, version); !s) return s;
    store::HistoryRow h{a.org_id, "soa_entry", control_id, r.version, now, a.email, version ? "update" : "create",
                        json::serialize(stored)};
    if (auto s = tx.insert_history(h); !s) return s;
    if (auto s = evidence::link_all(tx, cat_, a, evidence_ids, *target, now); !s) return s;
    for (const auto& v : entries(tx, a.org_id))
      if (v.at("control_id").as_string() == control_id) out = Entry{r.version, json::serialize(v)};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> SoaService::approve(const Actor& a, const json::value& body, std::int64_t& number) {
  if (auto st = require(a, Action::approve, "approve the Statement of Applicability"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"note"});
  auto note = in.text("note", 2000, true);
  if (!in.ok()) return in.failure("The approval is not valid.");
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto items = entries(tx, a.org_id);
    auto versions = tx.list_soa_versions(a.org_id);
    // The content approved is every entry changed since the last version: its editors may not approve it.
    std::string edited;
    for (const auto& e : items) {
      auto by = e.as_object().if_contains("updated_by");
      if (by && by->is_string() && by->as_string() == a.email &&
          (versions.empty() || std::string(e.at("updated_at").as_string()) > versions.front().created_at))
        edited += (edited.empty() ? "" : ", ") + std::string(e.at("control_id").as_string());
    }
    if (edited.size() > 60) edited = edited.substr(0, edited.rfind(',', 60)) + " and more";
    if (auto s = org::require_segregation(tx, a, org::Duty::soa_approval, !edited.empty(),
                                          "you changed entries of this version (" + edited +
                                              "); another manager or admin must approve it.");
        !s)
      return s;
    auto missing = missing_justifications(items);
    if (!missing.empty() && org::load_settings(tx, a.org_id).soa_justification_required) {
      std::vector<FieldError> errs;
      for (const auto& id : missing) errs.push_back({id, 0, "has no justification"});
      return make_error(errc::validation,
                        "The organization requires a justification for every applicable control; " +
                            std::to_string(missing.size()) + " of " + std::to_string(summary(items).at("applicable").as_int64()) +
                            " have none.",
                        errs);
    }
    number = versions.empty() ? 1 : versions.front().version + 1;
    auto now = clock_.now_text();
    auto sum = summary(items);
    json::object doc{{"number", number},   {"approved_by", a.email},   {"approved_at", now},
                     {"note", note.value_or("")}, {"summary", std::move(sum)},
                     {"justification_missing", input::to_array(missing)}, {"items", std::move(items)}};
    out = json::serialize(doc);
    store::RecordRow r{"", a.org_id, "", std::to_string(number), number, 0, "", now, now, out};
    if (auto s = tx.insert_soa_version(r); !s) {
      if (s.error().code == errc::conflict)
        return make_error(errc::conflict, "Another approval was recorded at the same moment; reload and approve again.");
      return s;
    }
    store::HistoryRow h{a.org_id, "soa_version", std::to_string(number), number, now, a.email, "approve", "[]"};
    return tx.insert_history(h);
  });
  if (!st) return st.error();
  return out;
}

result<std::string> SoaService::versions(const Actor& a) {
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& r : tx.list_soa_versions(a.org_id)) {
      auto d = json::parse(r.doc).as_object();
      d.erase("items");
      items.push_back(std::move(d));
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<std::string> SoaService::version(const Actor& a, const std::string& number) {
  auto n = to_number(number);
  if (!n) return make_error(errc::bad_request, "A version number is a whole number from 1.", {{"n", 0, "must be a whole number from 1"}});
  std::optional<store::RecordRow> r;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    r = tx.find_soa_version(a.org_id, *n);
    return ok();
  });
  if (!st) return st.error();
  if (!r) return make_error(errc::not_found, "No approved version " + number + " of the Statement of Applicability.");
  return r->doc;
}

result<json::array> SoaService::entries_of(const Actor& a, const std::string& which) {
  if (which == "working") {
    json::array items;
    auto st = store_.read([&](store::ReadTx& tx) -> status {
      items = entries(tx, a.org_id);
      return ok();
    });
    if (!st) return st.error();
    return items;
  }
  auto v = version(a, which);
  if (!v) return v.error();
  return json::parse(*v).as_object().at("items").as_array();
}

result<std::string> SoaService::diff(const Actor& a, const std::optional<std::string>& from,
                                     const std::optional<std::string>& to) {
  std::vector<FieldError> errs;
  if (!from) errs.push_back({"from", 0, "is required: a version number"});
  if (!to) errs.push_back({"to", 0, "is required: a version number or working"});
  if (from && !to_number(*from)) errs.push_back({"from", 0, "must be a version number"});
  if (to && *to != "working" && !to_number(*to)) errs.push_back({"to", 0, "must be a version number or working"});
  if (!errs.empty()) return make_error(errc::bad_request, "Name the two versions to compare.", errs);
  auto left = entries_of(a, *from);
  if (!left) return left.error();
  auto right = entries_of(a, *to);
  if (!right) return right.error();
  std::map<std::string, json::object> before;
  for (const auto& v : *left) before[std::string(v.at("control_id").as_string())] = v.as_object();
  json::array changes;
  for (const auto& v : *right) {
    const auto& e = v.as_object();
    std::string id(e.at("control_id").as_string());
    auto b = before.find(id);
    // Versions approved before notes existed have none; evidence is compared by its labels.
    auto field = [](const json::object& x, std::string_view k) {
      auto v = x.if_contains(k);
      return v ? *v : json::value(k == "notes" ? json::value("") : json::value(nullptr));
    };
    for (auto k : {"applicable", "justification", "reasons", "implementation_status", "owner", "evidence_refs",
                   "policy_refs", "notes"}) {
      json::value was = b == before.end() ? json::value(nullptr) : field(b->second, k);
      if (was != field(e, k)) changes.push_back(json::object{{"control_id", id}, {"field", k}, {"from", was}, {"to", field(e, k)}});
    }
    // Versions approved before risks were linked have no linked_risks: none.
    auto linked = [](const json::object& x) { return x.contains("linked_risks") ? x.at("linked_risks") : json::value(json::array()); };
    json::value was = b == before.end() ? json::value(json::array()) : linked(b->second);
    if (was != linked(e))
      changes.push_back(json::object{{"control_id", id}, {"field", "linked_risks"}, {"from", was}, {"to", linked(e)}});
  }
  return json::serialize(json::object{{"from", *from}, {"to", *to}, {"changes", std::move(changes)}});
}

result<Export> SoaService::export_file(const Actor& a, const std::optional<std::string>& format,
                                       const std::optional<std::string>& version_n) {
  if (!format || (*format != "csv" && *format != "json"))
    return make_error(errc::bad_request, "format must be csv, json or xlsx.", {{"format", 0, "must be csv, json or xlsx"}});
  if (version_n && !to_number(*version_n))
    return make_error(errc::bad_request, "version must be a whole number from 1.",
                      {{"version", 0, "must be a whole number from 1"}});
  auto items = entries_of(a, version_n.value_or("working"));
  if (!items) return items.error();
  std::string label = version_n ? "v" + *version_n : "working";
  if (*format == "json") {
    json::object doc{{"framework", "ISO/IEC 42001:2023 Annex A"},
                     {"version", version_n ? json::value(*to_number(*version_n)) : json::value(nullptr)},
                     {"exported_at", clock_.now_text()},
                     {"summary", summary(*items)},
                     {"items", *items}};
    return Export{"application/json", "statement-of-applicability-" + label + ".json", json::serialize(doc)};
  }
  auto out = soa_csv(*items);
  return Export{"text/csv; charset=utf-8", "statement-of-applicability-" + label + ".csv", out};
}

}  // namespace aims::soa
