#include "domain/audits/audit_service.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/text.hpp"
#include "domain/audits/audit_kinds.hpp"
#include "domain/audits/sampling.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/record_service.hpp"
#include "domain/soa/soa_rules.hpp"

namespace aims::audits {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

const std::vector<std::string> kResults = {"conforming", "nc_raised", "observation", "ofi", "not_sampled"};

std::string today(const Clock& clock) { return clock.now_text().substr(0, 10); }

std::string status_of(const json::object& doc) { return records::doc_text(&doc, "status"); }

json::value member_or_null(const json::object& doc, std::string_view key) {
  auto p = doc.if_contains(key);
  return p ? *p : json::value(nullptr);
}

Error frozen(const std::string& id) {
  return make_error(errc::conflict, "Internal audit " + id + " is signed off and frozen; nothing in it can change.");
}

Error wrong_status(const std::string& id, const std::string& status, const std::string& what) {
  auto words = status == "in_progress" ? std::string("in progress") : status == "signed_off" ? std::string("signed off") : status;
  return make_error(errc::conflict, "Internal audit " + id + " is " + words + "; " + what);
}

records::Versioned served(const store::RecordRow& row) {
  return records::Versioned{row.id, row.version, json::serialize(records::record_view(internal_audit_kind(), row))};
}

/// The audit `id` as stored: found in the organization (404) and readable.
result<store::RecordRow> audit_row(store::ReadTx& tx, const Actor& a, const std::string& id) {
  const auto& k = internal_audit_kind();
  auto row = records::find(tx, k, a.org_id, id);
  if (!row) return row.error();
  if (auto s = stored::readable(k.kind, a.org_id, id, row->doc); !s) return s.error();
  return *row;
}

struct Current {
  store::RecordRow row;
  json::object doc;
};

/// The audit `id` a workflow step changes: found, at the version `if_match` names, not archived
/// and not signed off.
result<Current> changing(store::WriteTx& tx, const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  const auto& k = internal_audit_kind();
  auto row = audit_row(tx, a, id);
  if (!row) return row.error();
  if (auto s = records::check_if_match(k, *row, if_match); !s) return s.error();
  auto doc = stored::parse_object(row->doc);
  if (auto s = records::not_archived(k.title, id, doc); !s) return s.error();
  if (status_of(doc) == "signed_off") return frozen(id);
  return Current{*row, std::move(doc)};
}

/// Saves `after` as the audit's next version with the history entry of `operation`.
status save_audit(store::WriteTx& tx, const Actor& a, const store::RecordRow& row, const json::object& before,
                  json::object after, const std::string& now, const char* operation, const std::vector<std::string>& keys,
                  store::RecordRow* saved = nullptr) {
  after["updated_by"] = a.email;
  auto next = row;
  next.version = row.version + 1;
  next.updated_at = now;
  next.doc = json::serialize(after);
  if (auto s = records::save(tx, internal_audit_kind(), a, next, row.version, operation, records::changes_of(before, after, keys)); !s)
    return s;
  if (saved) *saved = next;
  return ok();
}

/// Stores a checklist row (a child of its audit) with its facets and its history entry, whose
/// record id is "<audit>/<row>" like its audit-log entry's (rows of two audits share their ids).
status save_row(store::WriteTx& tx, const Actor& a, store::RecordRow row, std::int64_t expected, const char* operation,
                const json::array& changes) {
  row.facets = records::derive_facets(checklist_row_kind(), row);
  if (auto s = tx.put_record(row, expected); !s) return s;
  store::HistoryRow h{a.org_id, row.kind, row.parent_id + "/" + row.id, row.version, row.updated_at, a.email, operation,
                      json::serialize(changes)};
  return tx.insert_history(h);
}

/// The 403 before anything else, the 400 of a body that is not an object.
status may_conduct(const Actor& a, const json::value* body, const char* what) {
  if (auto st = records::require(a, Action::conduct_audit, what); !st) return st;
  if (body && !body->is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  return ok();
}

json::object row_view(const store::RecordRow& r) {
  auto doc = stored::parse_object(r.doc);
  json::object v{{"id", r.id}, {"audit_id", r.parent_id}, {"position", r.position}, {"version", r.version}};
  for (const char* key : {"kind", "title", "examined", "result", "notes", "updated_by"}) v[key] = member_or_null(doc, key);
  for (const char* key : {"evidence_ids", "record_refs"})
    v[key] = doc.contains(key) && doc.at(key).is_array() ? doc.at(key) : json::value(json::array{});
  v["updated_at"] = r.updated_at;
  return v;
}

/// Every row of the audit's checklist, in order.
std::vector<store::RecordRow> all_rows(store::ReadTx& tx, const std::string& org_id, const std::string& audit_id) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = checklist_row_kind().kind;
  f.parent_id = audit_id;
  auto rows = tx.list_records(f);
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.position < y.position; });
  return rows;
}

/// The audit's findings (not archived), in number order.
json::array findings_of(store::ReadTx& tx, const std::string& org_id, const std::string& audit_id) {
  const auto& fk = audit_finding_kind();
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = fk.kind;
  q.parent_id = "";
  q.ref = "";
  q.filters = {{store::FacetSlot::text0, {audit_id}}};
  q.sort = store::FacetSlot::position;
  q.limit = 0;
  q.count = false;
  json::array out;
  for (const auto& r : tx.query_records(q).items)
    out.push_back(stored::row_or_error(fk.kind, org_id, r.id, [&] { return records::record_view(fk, r); }));
  return out;
}

/// The report's content as the audit stands: the audit, its findings, the checklist and its summary, samples, sign-offs.
json::object build_report(store::ReadTx& tx, const std::string& org_id, const store::RecordRow& audit) {
  auto doc = stored::parse_object(audit.doc);
  json::object by_result{{"conforming", 0}, {"nc_raised", 0}, {"observation", 0}, {"ofi", 0}, {"not_sampled", 0}, {"not_recorded", 0}};
  json::array rows;
  for (const auto& r : all_rows(tx, org_id, audit.id)) {
    auto v = row_view(r);
    auto result = v["result"].is_string() ? std::string(v["result"].as_string()) : std::string("not_recorded");
    if (!by_result.contains(result)) result = "not_recorded";  // a row stored with another value
    by_result[result] = by_result[result].as_int64() + 1;
    rows.push_back(json::object{{"id", v["id"]}, {"title", v["title"]}, {"result", v["result"]}, {"examined", v["examined"]},
                                {"evidence_ids", v["evidence_ids"]}, {"record_refs", v["record_refs"]}});
  }
  return json::object{{"format", "aims-internal-audit-report/1"},
                      {"audit", records::record_view(internal_audit_kind(), audit)},
                      {"findings", findings_of(tx, org_id, audit.id)},
                      {"checklist", json::object{{"rows", rows.size()}, {"by_result", by_result}, {"items", rows},
                                                 {"skipped", doc.contains("checklist_skipped") ? doc.at("checklist_skipped")
                                                                                               : json::value(json::array{})}}}};
}

/// The kind of a record id by its number prefix ("R-3" → risk), among the kinds with numbers.
const records::KindSpec* kind_of_id(const std::string& id) {
  const records::KindSpec* best = nullptr;
  for (const auto* k : kinds::all_kinds()) {
    if (k->prefix.empty() || id.rfind(k->prefix, 0) != 0) continue;
    auto rest = std::string_view(id).substr(k->prefix.size());
    if (rest.empty() || !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (!best || k->prefix.size() > best->prefix.size()) best = k;
  }
  return best;
}

std::optional<int> whole(const std::string& text, int lo, int hi) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < lo || n > hi) return std::nullopt;
  return n;
}

}  // namespace

result<records::Versioned> AuditService::start(const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  if (auto st = may_conduct(a, nullptr, "start internal audits"); !st) return st.error();
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto cur = changing(tx, a, id, if_match);
    if (!cur) return cur.error();
    auto& [row, before] = *cur;
    if (status_of(before) != "planned") return wrong_status(id, status_of(before), "only a planned audit is started.");
    auto clauses = leaf_clauses_of(clause_list(records::doc_text(&before, "clauses")));
    std::set<std::string> controls;
    if (auto c = before.if_contains("controls"); c && c->is_array())
      for (const auto& v : input::from_array(*c)) controls.insert(v);
    if (clauses.empty() && controls.empty())
      return make_error(errc::conflict, "Internal audit " + id + " names no clause or control in its scope; add them before starting it.");
    const auto excluded = soa::exclusions(tx, a.org_id);
    const auto now = clock_.now_text();
    json::array skipped;
    std::int64_t position = 0;
    const auto& rk = checklist_row_kind();
    for (const auto& req : all_requirements()) {
      bool in = req.kind == "clause" ? std::find(clauses.begin(), clauses.end(), req.id) != clauses.end() : controls.count(req.id) > 0;
      if (!in) continue;
      if (req.kind == "control")
        if (auto ex = excluded.find(req.id); ex != excluded.end()) {
          skipped.push_back(json::object{{"id", req.id}, {"title", req.title}, {"reason", ex->second}});
          continue;
        }
      if (tx.find_record(a.org_id, rk.kind, id, req.id)) continue;
      json::object doc{{"kind", req.kind}, {"title", req.title}, {"examined", nullptr}, {"evidence_ids", json::array{}},
                       {"record_refs", json::array{}}, {"result", nullptr}, {"notes", nullptr}, {"updated_by", a.email}};
      store::RecordRow r{rk.kind, a.org_id, id, req.id, 1, ++position, "", now, now, json::serialize(doc)};
      if (auto s = save_row(tx, a, r, 0, "create", json::array{}); !s) return s;
    }
    auto after = before;
    after["status"] = "in_progress";
    if (records::doc_text(&before, "actual_start").empty()) after["actual_start"] = today(clock_);
    after["checklist_rows"] = position;
    after["checklist_skipped"] = skipped;
    store::RecordRow saved;
    if (auto s = save_audit(tx, a, row, before, after, now, "start", {"status", "actual_start", "checklist_rows"}, &saved); !s) return s;
    out = served(saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> AuditService::checklist(const Actor& a, const std::string& id, const records::Params& p) {
  if (auto st = records::require(a, Action::read, "read internal audits"); !st) return st.error();
  std::optional<std::string> result_filter, cursor;
  int limit = 50;
  std::vector<FieldError> errs;
  for (const auto& [name, value] : p) {
    if (name == "result") {
      if (value != "none" && std::find(kResults.begin(), kResults.end(), value) == kResults.end())
        errs.push_back({"result", 0, "must be one of conforming, nc_raised, observation, ofi, not_sampled, none"});
      result_filter = value;
    } else if (name == "limit") {
      if (auto n = whole(value, 1, 500)) limit = *n;
      else errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    } else if (name == "cursor") {
      cursor = value;
    } else {
      errs.push_back({name, 0, "is not a parameter of the checklist (result, limit, cursor)"});
    }
  }
  const std::string sort_param = "position";
  std::optional<store::RecordPosition> after;
  if (cursor) {
    after = records::decode_cursor(sort_param, *cursor);
    if (!after) errs.push_back({"cursor", 0, "is not a cursor of this list"});
  }
  json::object out{{"audit_id", id}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto audit = audit_row(tx, a, id);  // 404 before 400
    if (!audit) return audit.error();
    if (!errs.empty()) return make_error(errc::bad_request, "The checklist parameters are not valid.", errs);
    auto doc = stored::parse_object(audit->doc);
    out["skipped"] = doc.contains("checklist_skipped") ? doc.at("checklist_skipped") : json::value(json::array{});
    store::RecordQuery q;
    q.org_id = a.org_id;
    q.kind = checklist_row_kind().kind;
    q.parent_id = id;
    if (result_filter) q.filters = {{kRowResultSlot, {*result_filter == "none" ? std::string() : *result_filter}}};
    q.sort = store::FacetSlot::position;
    q.limit = limit;
    q.after = after;
    auto page = tx.query_records(q);
    json::array items;
    for (const auto& r : page.items)
      items.push_back(stored::row_or_error(q.kind, a.org_id, r.id, [&] { return row_view(r); }));
    out["items"] = std::move(items);
    out["total"] = page.total;
    if (page.more && !page.items.empty()) out["next"] = records::encode_cursor(sort_param, records::position_of(page.items.back(), q.sort));
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<records::Versioned> AuditService::update_row(const Actor& a, const std::string& id, const std::string& row_id,
                                                    const json::value& body, const std::optional<std::string>& if_match) {
  if (auto st = may_conduct(a, &body, "record checklist rows"); !st) return st.error();
  const auto& o = body.as_object();
  input::Reader r(o, {"examined", "evidence_ids", "record_refs", "result", "notes"});
  auto examined = r.text("examined", 4000, true);
  auto evidence = r.list("evidence_ids", 50, 40);
  auto refs = r.list("record_refs", 50, 40);
  auto notes = r.text("notes", 4000, true);
  std::optional<json::value> result;
  if (auto v = o.if_contains("result")) {
    if (v->is_null()) result = json::value(nullptr);
    else if (auto c = r.choice("result", {"conforming", "nc_raised", "observation", "ofi", "not_sampled"})) result = json::value(*c);
  }
  records::Versioned out;
  const auto& rk = checklist_row_kind();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto audit = audit_row(tx, a, id);
    if (!audit) return audit.error();
    auto row = tx.find_record(a.org_id, rk.kind, id, row_id);
    if (!row) return make_error(errc::not_found, "No checklist row " + row_id + " in internal audit " + id + ".");
    if (auto s = records::check_if_match(rk, *row, if_match); !s) return s;
    if (!r.ok()) return r.failure("The checklist row is not valid.");
    auto audit_doc = stored::parse_object(audit->doc);
    if (status_of(audit_doc) == "signed_off") return frozen(id);
    if (status_of(audit_doc) != "in_progress")
      return wrong_status(id, status_of(audit_doc), "checklist rows are recorded while the audit is in progress.");
    std::vector<FieldError> errs;
    if (evidence)
      for (const auto& e : *evidence)
        if (!tx.find_record(a.org_id, "evidence", "", e)) {
          errs.push_back({"evidence_ids", 0, "no evidence " + e + " in this organization"});
          break;
        }
    if (refs)
      for (const auto& ref : *refs) {
        const auto* k = kind_of_id(ref);
        bool found = k ? tx.find_record(a.org_id, k->kind, "", ref).has_value() : tx.find_system(a.org_id, ref).has_value();
        if (!found) {
          errs.push_back({"record_refs", 0, "no record or AI system " + ref + " in this organization"});
          break;
        }
      }
    if (!errs.empty()) return make_error(errc::validation, "The checklist row is not valid.", std::move(errs));
    auto before = stored::parse_object(row->doc);
    auto after = before;
    if (examined) after["examined"] = examined->empty() ? json::value(nullptr) : json::value(*examined);
    if (notes) after["notes"] = notes->empty() ? json::value(nullptr) : json::value(*notes);
    if (evidence) after["evidence_ids"] = input::to_array(*evidence);
    if (refs) after["record_refs"] = input::to_array(*refs);
    if (result) after["result"] = *result;
    static const std::vector<std::string> keys{"examined", "evidence_ids", "record_refs", "result", "notes"};
    auto changes = records::changes_of(before, after, keys);
    if (changes.empty()) {
      out = records::Versioned{row->id, row->version, json::serialize(row_view(*row))};
      return ok();
    }
    after["updated_by"] = a.email;
    auto next = *row;
    next.version = row->version + 1;
    next.updated_at = clock_.now_text();
    next.doc = json::serialize(after);
    if (auto s = save_row(tx, a, next, row->version, "update", changes); !s) return s;
    out = records::Versioned{next.id, next.version, json::serialize(row_view(next))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> AuditService::add_sample(const Actor& a, const std::string& id, const json::value& body,
                                                    const std::optional<std::string>& if_match) {
  if (auto st = may_conduct(a, &body, "record audit samples"); !st) return st.error();
  const auto& o = body.as_object();
  input::Reader r(o, {"row", "population", "population_count", "method", "sample_size", "seed", "draw_from"});
  auto row_id = r.text("row", 20);
  auto population = r.text("population", 500, false, true);
  auto method = r.text("method", 200, false, true);
  auto draw_from = r.choice("draw_from", {"numbers", "ai_systems"});
  std::string from = draw_from.value_or("numbers");
  auto count = r.integer("population_count", 1, 100000, true);
  if (from == "numbers" && !r.has("population_count")) r.error("population_count", "is required when drawing numbered items");
  auto size = r.integer("sample_size", 1, 1000);
  if (!r.has("sample_size")) r.error("sample_size", "is required: how many items to draw");
  std::optional<std::uint64_t> seed;
  if (auto v = o.if_contains("seed"); v && !v->is_null()) {
    if (auto n = input::whole_number(*v, 0, (std::int64_t{1} << 53))) seed = static_cast<std::uint64_t>(*n);
    else r.error("seed", "must be a whole number from 0 to 9007199254740992");
  }
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto cur = changing(tx, a, id, if_match);
    if (!cur) return cur.error();
    if (!r.ok()) return r.failure("The sample is not valid.");
    auto& [row, before] = *cur;
    if (status_of(before) != "in_progress") return wrong_status(id, status_of(before), "samples are drawn while the audit is in progress.");
    std::vector<FieldError> errs;
    if (row_id && !row_id->empty() && !tx.find_record(a.org_id, checklist_row_kind().kind, id, *row_id))
      errs.push_back({"row", 0, "no checklist row " + *row_id + " in internal audit " + id});
    std::vector<std::string> items, labels;
    if (from == "ai_systems") {
      if (auto s = before.if_contains("system_ids"); s && s->is_array())
        for (const auto& sys : input::from_array(*s))
          if (auto found = tx.find_system(a.org_id, sys)) {
            items.push_back(sys);
            auto sdoc = stored::parse_object(found->doc);
            labels.push_back(records::doc_text(&sdoc, "name"));
          }
      if (items.empty()) errs.push_back({"draw_from", 0, "the audit's scope names no AI system to draw from"});
    } else if (count) {
      for (int i = 1; i <= *count; ++i) {
        items.push_back(std::to_string(i));
        labels.push_back("Item " + std::to_string(i));
      }
    }
    if (size && !items.empty() && static_cast<std::size_t>(*size) > items.size())
      errs.push_back({"sample_size", 0, "cannot exceed the population (" + std::to_string(items.size()) + ")"});
    if (!errs.empty()) return make_error(errc::validation, "The sample is not valid.", std::move(errs));
    const auto now = clock_.now();
    std::uint64_t used = seed.value_or(static_cast<std::uint64_t>(
                                           std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()) &
                                       ((std::uint64_t{1} << 53) - 1));
    json::array drawn;
    for (auto i : draw_indexes(used, items.size(), static_cast<std::size_t>(*size)))
      drawn.push_back(json::object{{"item", items[i]}, {"label", labels[i]}, {"result", nullptr}});
    json::array samples = before.contains("samples") && before.at("samples").is_array() ? before.at("samples").as_array() : json::array{};
    json::object sample{{"n", samples.size() + 1},
                        {"row", row_id && !row_id->empty() ? json::value(*row_id) : json::value(nullptr)},
                        {"population", *population},
                        {"population_count", items.size()},
                        {"draw_from", from},
                        {"method", *method},
                        {"sample_size", *size},
                        {"seed", used},
                        {"items", drawn},
                        {"drawn_by", a.email},
                        {"drawn_at", format_time(now)}};
    samples.push_back(sample);
    auto after = before;
    after["samples"] = samples;
    store::RecordRow saved;
    if (auto s = save_audit(tx, a, row, before, after, format_time(now), "sample", {"samples"}, &saved); !s) return s;
    out = served(saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> AuditService::sample_results(const Actor& a, const std::string& id, const std::string& n,
                                                        const json::value& body, const std::optional<std::string>& if_match) {
  if (auto st = may_conduct(a, &body, "record audit samples"); !st) return st.error();
  const auto& o = body.as_object();
  std::vector<FieldError> errs;
  for (const auto& kv : o)
    if (kv.key() != "results") errs.push_back({std::string(kv.key()), 0, "is not a field of the results (results)"});
  auto results = o.if_contains("results");
  if (!results || !results->is_object())
    errs.push_back({"results", 0, "is required: an object from each item drawn to conforming, nonconforming or not_tested"});
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto cur = changing(tx, a, id, if_match);
    if (!cur) return cur.error();
    auto& [row, before] = *cur;
    json::array samples = before.contains("samples") && before.at("samples").is_array() ? before.at("samples").as_array() : json::array{};
    auto index = whole(n, 1, static_cast<int>(std::max<std::size_t>(samples.size(), 1)));
    if (!index || static_cast<std::size_t>(*index) > samples.size())
      return make_error(errc::not_found, "No sample " + n + " in internal audit " + id + ".");
    if (!errs.empty()) return make_error(errc::validation, "The results are not valid.", errs);
    if (status_of(before) != "in_progress") return wrong_status(id, status_of(before), "sample results are recorded while the audit is in progress.");
    auto& sample = samples[static_cast<std::size_t>(*index - 1)].as_object();
    auto& items = sample["items"].as_array();
    for (const auto& kv : results->as_object()) {
      auto it = std::find_if(items.begin(), items.end(), [&](const json::value& v) { return records::doc_text(&v.as_object(), "item") == kv.key(); });
      if (it == items.end()) {
        errs.push_back({"results", 0, "'" + std::string(kv.key()) + "' was not drawn in sample " + n});
        continue;
      }
      const auto& v = kv.value();
      if (!v.is_null() && !(v.is_string() && (v.as_string() == "conforming" || v.as_string() == "nonconforming" || v.as_string() == "not_tested"))) {
        errs.push_back({"results", 0, "the result of '" + std::string(kv.key()) + "' must be conforming, nonconforming, not_tested or null"});
        continue;
      }
      it->as_object()["result"] = v;
    }
    if (!errs.empty()) return make_error(errc::validation, "The results are not valid.", errs);
    auto after = before;
    after["samples"] = samples;
    store::RecordRow saved;
    if (auto s = save_audit(tx, a, row, before, after, clock_.now_text(), "sample", {"samples"}, &saved); !s) return s;
    out = served(saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> AuditService::report(const Actor& a, const std::string& id, const json::value& body,
                                                const std::optional<std::string>& if_match) {
  if (auto st = may_conduct(a, &body, "report internal audits"); !st) return st.error();
  input::Reader r(body.as_object(), {"conclusion"});
  auto conclusion = r.text("conclusion", 8000, true, true);
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto cur = changing(tx, a, id, if_match);
    if (!cur) return cur.error();
    if (!r.ok()) return r.failure("The report is not valid.");
    auto& [row, before] = *cur;
    if (status_of(before) != "in_progress") return wrong_status(id, status_of(before), "only an audit in progress is reported.");
    auto after = before;
    after["conclusion"] = *conclusion;
    after["status"] = "reported";
    if (records::doc_text(&before, "actual_end").empty()) after["actual_end"] = today(clock_);
    store::RecordRow saved;
    if (auto s = save_audit(tx, a, row, before, after, clock_.now_text(), "report", {"conclusion", "status", "actual_end"}, &saved); !s)
      return s;
    out = served(saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> AuditService::sign_off(const Actor& a, const std::string& id, const json::value& body,
                                                  const std::optional<std::string>& if_match) {
  if (auto st = records::require(a, Action::read, "sign off internal audits"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader r(body.as_object(), {"as", "statement"});
  auto as = r.choice("as", {"lead_auditor", "auditee"});
  if (!r.has("as")) r.error("as", "is required: lead_auditor or auditee");
  auto statement = r.text("statement", 1000, true);
  if (as == std::optional<std::string>("lead_auditor")) {
    if (auto st = records::require(a, Action::conduct_audit, "sign off internal audits as lead auditor"); !st) return st.error();
  } else if (as == std::optional<std::string>("auditee")) {
    if (auto st = records::require(a, Action::write_record, "sign off internal audits as auditee"); !st) return st.error();
  }
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto cur = changing(tx, a, id, if_match);
    if (!cur) return cur.error();
    if (!r.ok()) return r.failure("The sign-off is not valid.");
    auto& [row, before] = *cur;
    if (status_of(before) != "reported") return wrong_status(id, status_of(before), "only a reported audit is signed off.");
    const auto lead = records::doc_text(&before, "lead_auditor");
    std::vector<std::string> team;
    if (auto t = before.if_contains("team"); t && t->is_array()) team = input::from_array(*t);
    if (*as == "lead_auditor" && a.user_id != lead)
      return make_error(errc::forbidden, "Only the audit's lead auditor signs off as lead auditor.");
    if (*as == "auditee" && (a.user_id == lead || std::find(team.begin(), team.end(), a.user_id) != team.end()))
      return make_error(errc::forbidden, "An auditor of the audit cannot sign off as its auditee.");
    json::array signoffs = before.contains("signoffs") && before.at("signoffs").is_array() ? before.at("signoffs").as_array() : json::array{};
    for (const auto& s : signoffs)
      if (records::doc_text(&s.as_object(), "as") == *as)
        return make_error(errc::conflict, "Internal audit " + id + " is signed off by its " + (*as == "auditee" ? "auditee" : "lead auditor") + " already.");
    const auto now = clock_.now_text();
    signoffs.push_back(json::object{{"as", *as},
                                    {"user_id", a.user_id},
                                    {"email", a.email},
                                    {"at", now},
                                    {"statement", statement && !statement->empty() ? json::value(*statement) : json::value(nullptr)}});
    auto after = before;
    after["signoffs"] = signoffs;
    std::vector<std::string> keys{"signoffs"};
    if (signoffs.size() == 2) {
      // Both signed: the report is frozen as a child record (its audit-log entry's content_sha256 is
      // the report's SHA-256) and the audit with it.
      after["status"] = "signed_off";
      auto frozen_row = row;
      frozen_row.doc = json::serialize(after);
      auto content = build_report(tx, a.org_id, frozen_row);
      content["signed_at"] = now;
      store::RecordRow rep{kReportKind, a.org_id, id, kReportId, 1, 1, "", now, now, json::serialize(content)};
      auto hash = ledger::content_hash(ledger::record_content(rep));
      if (!hash) return hash.error();
      if (auto s = tx.put_record(rep, 0); !s) return s;
      after["report_sha256"] = *hash;
      keys = {"signoffs", "status", "report_sha256"};
    }
    store::RecordRow saved;
    if (auto s = save_audit(tx, a, row, before, after, now, "sign_off", keys, &saved); !s) return s;
    out = served(saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> AuditService::answer_request(const Actor& a, const std::string& id, const json::value& body,
                                                        const std::optional<std::string>& if_match) {
  if (auto st = records::require(a, Action::read, "answer requests for information"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader r(body.as_object(), {"answer"});
  auto answer = r.text("answer", 8000, true, true);
  const auto& k = audit_request_kind();
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = records::find(tx, k, a.org_id, id);
    if (!row) return row.error();
    if (auto s = stored::readable(k.kind, a.org_id, id, row->doc); !s) return s;
    auto before = stored::parse_object(row->doc);
    if (records::doc_text(&before, "owner") != a.user_id && !accounts::allowed(a.role, Action::conduct_audit))
      return make_error(errc::forbidden, "Only the auditee the request is for, or an auditor, answers it.");
    if (auto s = records::check_if_match(k, *row, if_match); !s) return s;
    if (!r.ok()) return r.failure("The answer is not valid.");
    if (auto s = records::not_archived(k.title, id, before); !s) return s;
    if (k.guard)
      if (auto s = k.guard(tx, a.org_id, before, before); !s) return s;  // the audit signed off: frozen
    if (status_of(before) != "open")
      return make_error(errc::conflict, "Request for information " + id + " is " + status_of(before) + "; only an open request is answered.");
    auto after = before;
    after["answer"] = *answer;
    after["status"] = "answered";
    after["updated_by"] = a.email;
    auto next = *row;
    next.version = row->version + 1;
    next.updated_at = clock_.now_text();
    next.doc = json::serialize(after);
    if (auto s = records::save(tx, k, a, next, row->version, "answer", records::changes_of(before, after, std::vector<std::string>{"answer", "status"})); !s)
      return s;
    out = records::Versioned{next.id, next.version, json::serialize(records::record_view(k, next))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<json::object> AuditService::report_content(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read internal audits"); !st) return st.error();
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto audit = audit_row(tx, a, id);
    if (!audit) return audit.error();
    auto doc = stored::parse_object(audit->doc);
    if (status_of(doc) == "signed_off") {
      auto rep = tx.find_record(a.org_id, kReportKind, id, kReportId);
      if (!rep) return make_error(errc::internal, "the frozen report of " + id + " is missing");
      auto hash = ledger::content_hash(ledger::record_content(*rep));
      if (!hash) return hash.error();
      out = stored::parse_object(rep->doc);
      out["sha256"] = *hash;
      out["frozen"] = true;
      return ok();
    }
    out = build_report(tx, a.org_id, *audit);
    out["sha256"] = nullptr;
    out["frozen"] = false;
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> AuditService::independence(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read internal audits"); !st) return st.error();
  json::object out{{"audit_id", id}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto audit = audit_row(tx, a, id);
    if (!audit) return audit.error();
    auto doc = stored::parse_object(audit->doc);
    std::vector<std::string> auditors;
    if (auto lead = records::doc_text(&doc, "lead_auditor"); !lead.empty()) auditors.push_back(lead);
    if (auto t = doc.if_contains("team"); t && t->is_array())
      for (const auto& m : input::from_array(*t))
        if (std::find(auditors.begin(), auditors.end(), m) == auditors.end()) auditors.push_back(m);
    std::vector<std::string> systems;
    if (auto s = doc.if_contains("system_ids"); s && s->is_array()) systems = input::from_array(*s);
    std::set<std::string> controls;
    if (auto c = doc.if_contains("controls"); c && c->is_array())
      for (const auto& v : input::from_array(*c)) controls.insert(v);
    json::array warnings;
    for (const auto& uid : auditors) {
      auto user = tx.find_user(uid);
      if (!user) continue;
      // An owner is free text: it names the auditor when it is their e-mail or their name.
      auto names = [&](const std::string& owner) {
        auto o = text::lower(text::trim(owner));
        return !o.empty() && (o == text::lower(user->email) || (!user->name.empty() && o == text::lower(text::trim(user->name))));
      };
      auto warn = [&](std::string kind, std::string record, std::string reason) {
        warnings.push_back(json::object{{"auditor", uid}, {"auditor_email", user->email}, {"kind", std::move(kind)},
                                        {"record", std::move(record)}, {"reason", std::move(reason)}});
      };
      for (const auto& sid : systems)
        if (auto sys = tx.find_system(a.org_id, sid)) {
          auto sdoc = stored::parse_object(sys->doc);
          if (names(records::doc_text(&sdoc, "owner")))
            warn("system", sid, "owns the AI system " + records::doc_text(&sdoc, "name") + " in the audit's scope");
        }
      if (!systems.empty()) {
        store::RecordFilter f;
        f.org_id = a.org_id;
        f.kind = "risk";
        f.parent_id = "";
        for (const auto& r : tx.list_records(f)) {
          auto rdoc = stored::parse_object(r.doc);
          if (std::find(systems.begin(), systems.end(), records::doc_text(&rdoc, "system_id")) == systems.end()) continue;
          if (names(records::doc_text(&rdoc, "owner"))) warn("risk", r.id, "owns risk " + r.id + " of an AI system in the audit's scope");
        }
      }
      for (const auto& e : tx.list_soa_entries(a.org_id)) {
        if (!controls.count(e.id)) continue;
        auto edoc = stored::parse_object(e.doc);
        if (names(records::doc_text(&edoc, "owner"))) warn("soa_entry", e.id, "owns the SoA entry of control " + e.id + " in the audit's scope");
      }
    }
    out["warnings"] = std::move(warnings);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> AuditService::coverage(const Actor& a, const records::Params& p) {
  if (auto st = records::require(a, Action::read, "read the audit programme"); !st) return st.error();
  const auto this_year = today(clock_).substr(0, 4);
  int start = std::stoi(this_year);
  std::vector<FieldError> errs;
  for (const auto& [name, value] : p) {
    if (name == "cycle_start") {
      if (auto n = whole(value, 2000, 2100)) start = *n;
      else errs.push_back({"cycle_start", 0, "must be a year from 2000 to 2100"});
    } else {
      errs.push_back({name, 0, "is not a parameter of the coverage (cycle_start)"});
    }
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The coverage parameters are not valid.", std::move(errs));
  const auto first = std::to_string(start) + "-01-01", end = std::to_string(start + 3) + "-01-01";
  json::object out{{"cycle_start", start}, {"cycle_end", start + 2}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    const auto excluded = soa::exclusions(tx, a.org_id);
    // The audits of the cycle: not archived, not cancelled, planned to start in its three years.
    const auto& ak = internal_audit_kind();
    store::RecordQuery q;
    q.org_id = a.org_id;
    q.kind = ak.kind;
    q.parent_id = "";
    q.ref = "";
    q.filters = {{kAuditStatusSlot, {"planned", "in_progress", "reported", "signed_off"}}};
    q.below = std::make_pair(store::FacetSlot::text7, end);
    q.sort = store::FacetSlot::text7;
    q.limit = 0;
    q.count = false;
    std::map<std::string, json::array> by_req;
    json::array audits;
    std::map<std::string, int> findings_by_req;
    for (const auto& r : tx.query_records(q).items) {
      auto doc = stored::parse_object(r.doc);
      auto planned = records::doc_text(&doc, "planned_start");
      if (planned < first) continue;
      json::object brief{{"id", r.id}, {"title", member_or_null(doc, "title")}, {"status", member_or_null(doc, "status")},
                         {"planned_start", planned}, {"year", std::stoi(planned.substr(0, 4))}};
      audits.push_back(brief);
      for (const auto& c : leaf_clauses_of(clause_list(records::doc_text(&doc, "clauses")))) by_req[c].push_back(brief);
      if (auto c = doc.if_contains("controls"); c && c->is_array())
        for (const auto& id : input::from_array(*c)) by_req[id].push_back(brief);
    }
    // Earlier findings weigh a requirement: every nonconformity, observation and opportunity on it.
    store::RecordFilter ff;
    ff.org_id = a.org_id;
    ff.kind = audit_finding_kind().kind;
    ff.parent_id = "";
    for (const auto& r : tx.list_records(ff)) {
      auto doc = stored::parse_object(r.doc);
      if (records::is_archived(doc)) continue;
      auto type = records::doc_text(&doc, "type");
      findings_by_req[records::doc_text(&doc, "requirement")] += type == "major_nc" ? 3 : type == "minor_nc" ? 2 : 1;
    }
    json::array items;
    int uncovered = 0, total = 0;
    for (const auto& req : all_requirements()) {
      json::object item{{"id", req.id}, {"kind", req.kind}, {"title", req.title}};
      if (req.kind == "control")
        if (auto ex = excluded.find(req.id); ex != excluded.end()) {
          item["applicable"] = false;
          item["exclusion"] = ex->second;
          item["audits"] = json::array{};
          item["covered"] = nullptr;
          item["finding_weight"] = findings_by_req[req.id];
          items.push_back(std::move(item));
          continue;
        }
      ++total;
      auto audits_of = by_req.count(req.id) ? by_req[req.id] : json::array{};
      bool covered = !audits_of.empty();
      if (!covered) ++uncovered;
      item["applicable"] = true;
      item["audits"] = std::move(audits_of);
      item["covered"] = covered;
      item["finding_weight"] = findings_by_req[req.id];
      items.push_back(std::move(item));
    }
    out["audits"] = std::move(audits);
    out["items"] = std::move(items);
    out["requirements"] = total;
    out["uncovered"] = uncovered;
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::audits
