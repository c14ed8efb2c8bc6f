#include "domain/incidents/incident_service.hpp"

#include <algorithm>
#include <charconv>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/dashboard/card_figures.hpp"
#include "domain/euact/system_facts.hpp"
#include "domain/incidents/clocks.hpp"
#include "domain/incidents/incident_kind.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/record_service.hpp"

namespace aims::incidents {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

constexpr std::size_t kMaxReport = 20000;


/// A timestamp of a request body: an instant with its zone, not after now.
std::optional<TimePoint> instant(input::Reader& r, const json::object& body, const char* key, TimePoint now) {
  auto v = r.text(key, 40, false, true);
  if (!v) return std::nullopt;
  auto t = parse_instant(*v);
  if (!t) r.error(key, "must be an ISO 8601 date and time with its zone, e.g. 2026-12-01T09:30+01:00");
  else if (*t > now) r.error(key, "cannot be in the future");
  (void)body;
  return t;
}

json::array clocks_json(const std::vector<ClockRule>& rules, const json::object& doc, TimePoint now, bool applicable_only) {
  json::array out;
  for (const auto& c : evaluate(rules, facts_of(doc), now))
    if (!applicable_only || c.status != ClockStatus::not_applicable) out.push_back(to_json(c, now));
  return out;
}

/// A workflow change's checks before its body is read: the role (403), the incident (404), then
/// the body's shape (400).
status may_change(store::Store& store, const Actor& a, const std::string& id, const json::value& body, const char* what) {
  if (auto st = records::require(a, Action::approve, what); !st) return st;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        auto row = records::find(tx, incident_kind(), a.org_id, id);
        return row ? ok() : status(row.error());
      });
      !st)
    return st;
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  return ok();
}

/// Saves `after` as the next version of `row` with the history entry of `operation` and the
/// changes of `keys`.
status save_next(store::WriteTx& tx, const Actor& a, const store::RecordRow& row, const json::object& before,
                 json::object after, const std::string& now, const char* operation, const std::vector<std::string>& keys) {
  after["updated_by"] = a.email;
  auto next = row;
  next.version = row.version + 1;
  next.updated_at = now;
  next.doc = json::serialize(after);
  return records::save(tx, incident_kind(), a, next, row.version, operation, records::changes_of(before, after, keys));
}

result<store::RecordRow> readable_incident(store::ReadTx& tx, const Actor& a, const std::string& id) {
  auto row = records::find(tx, incident_kind(), a.org_id, id);
  if (!row) return row.error();
  if (auto s = stored::readable(incident_kind().kind, a.org_id, id, row->doc); !s) return s.error();
  return *row;
}

/// The incident `id` a workflow change starts from: readable, at the version `if_match` names (if
/// any) and not archived; with its stored document.
struct Changing {
  store::RecordRow row;
  json::object before;
};
result<Changing> changing_incident(store::WriteTx& tx, const Actor& a, const std::string& id,
                                   const std::optional<std::string>& if_match) {
  auto row = readable_incident(tx, a, id);
  if (!row) return row.error();
  if (auto s = records::check_if_match(incident_kind(), *row, if_match); !s) return s.error();
  auto before = stored::parse_object(row->doc);
  if (auto s = records::not_archived("Incident", id, before); !s) return s.error();
  return Changing{std::move(*row), std::move(before)};
}

}  // namespace

result<records::Versioned> IncidentService::qualify(const Actor& a, const std::string& id, const json::value& body,
                                                    const std::optional<std::string>& if_match) {
  const auto& k = incident_kind();
  if (auto st = may_change(store_, a, id, body, "qualify incidents"); !st) return st.error();
  input::Reader r(body.as_object(), {"harm_category", "death", "widespread_infringement", "causal_link", "rationale"});
  auto category = r.choice("harm_category", {"a", "b", "c", "d", "none"});
  if (!r.has("harm_category")) r.error("harm_category", "is required: a, b, c, d (Art. 3(49)) or none");
  auto death = r.boolean("death");
  auto widespread = r.boolean("widespread_infringement");
  auto causal = r.choice("causal_link", {"established", "reasonably_likely", "none"});
  if (!r.has("causal_link")) r.error("causal_link", "is required: established, reasonably_likely or none");
  auto rationale = r.text("rationale", 4000, true, true);
  if (death.value_or(false) && category && *category != "a")
    r.error("death", "a death is harm of Art. 3(49)(a); choose category a");
  if (!r.ok()) return r.failure("The qualification is not valid.");
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto current = changing_incident(tx, a, id, if_match);
    if (!current) return current.error();
    auto& [row, before] = *current;
    auto facts = euact::system_facts(tx, a.org_id, records::doc_text(&before, "system_id"));
    const auto cls = records::doc_text(&facts, "class");
    bool high_risk = cls == "high_risk";
    bool harm = *category != "none" || widespread.value_or(false);
    bool serious = high_risk && harm && *causal != "none";
    std::string why = !high_risk ? "The AI system is not high-risk under its saved EU AI Act classification (" +
                                       cls + ")."
                      : !harm    ? "No harm of Art. 3(49) and no widespread infringement."
                      : *causal == "none" ? "No causal link with the AI system is established or reasonably likely."
                                          : "A high-risk AI system, harm of Art. 3(49), and a causal link: a serious incident.";
    const auto now = clock_.now_text();
    json::object q{{"serious", serious},
                   {"high_risk", high_risk},
                   {"eu_class", facts.at("class")},
                   {"classification_version", facts.at("version")},
                   {"roles", facts.at("roles")},
                   {"harm_category", *category},
                   {"death", death.value_or(false)},
                   {"widespread_infringement", widespread.value_or(false)},
                   {"causal_link", *causal},
                   {"rationale", *rationale},
                   {"outcome", why},
                   {"qualified_by", a.email},
                   {"qualified_at", now}};
    auto after = before;
    after["qualification"] = q;
    after["harm_category"] = *category;
    static const std::vector<std::string> keys{"qualification", "harm_category"};
    if (auto s = save_next(tx, a, row, before, after, now, "qualify", keys); !s) return s;
    auto saved = records::find(tx, k, a.org_id, id);
    if (!saved) return saved.error();
    out = records::Versioned{saved->id, saved->version, json::serialize(records::record_view(k, *saved))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> IncidentService::send_report(const Actor& a, const std::string& id, const json::value& body,
                                                 const std::optional<std::string>& if_match) {
  const auto& k = incident_kind();
  if (auto st = may_change(store_, a, id, body, "send incident reports"); !st) return st.error();
  const auto now = clock_.now();
  input::Reader r(body.as_object(), {"type", "recipient_kind", "recipient", "sent_at", "reference", "content"});
  auto type = r.choice("type", {"initial", "follow_up", "final"});
  if (!r.has("type")) r.error("type", "is required: initial, follow_up or final");
  auto kind = r.choice("recipient_kind", {"authority", "provider"});
  if (!r.has("recipient_kind")) r.error("recipient_kind", "is required: authority or provider");
  auto recipient = r.text("recipient", 200, false, true);
  auto sent = instant(r, body.as_object(), "sent_at", now);
  auto reference = r.text("reference", 120);
  auto content = r.text("content", kMaxReport, true, true);
  if (!r.ok()) return r.failure("The report is not valid.");
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto current = changing_incident(tx, a, id, if_match);
    if (!current) return current.error();
    auto& [row, before] = *current;
    json::array reports = before.contains("reports") && before.at("reports").is_array() ? before.at("reports").as_array() : json::array{};
    // The chain of the recipient kind: initial first, then follow-ups, then one final.
    bool has_initial = false, has_final = false;
    std::optional<TimePoint> last;
    for (const auto& v : reports) {
      const auto& o = v.as_object();
      if (records::doc_text(&o, "recipient_kind") != *kind) continue;
      auto t = records::doc_text(&o, "type");
      has_initial = has_initial || t == "initial";
      has_final = has_final || t == "final";
      if (auto at = parse_instant(records::doc_text(&o, "sent_at")); at && (!last || *at > *last)) last = at;
    }
    std::vector<FieldError> errs;
    if (has_final)
      return make_error(errc::conflict, "Incident " + id + " has its final report to the " + *kind + " already; no report follows it.");
    if (*type == "initial" && has_initial) errs.push_back({"type", 0, "the initial report to the " + *kind + " was sent already; send a follow_up or the final report"});
    if (*type != "initial" && !has_initial) errs.push_back({"type", 0, "the first report to the " + *kind + " is the initial one"});
    if (last && *sent < *last) errs.push_back({"sent_at", 0, "cannot be before the previous report to the " + *kind});
    if (auto occurred = parse_instant(records::doc_text(&before, "occurred_at")); occurred && *sent < *occurred)
      errs.push_back({"sent_at", 0, "cannot be before the incident occurred"});
    if (!errs.empty()) return make_error(errc::validation, "The report is not valid.", std::move(errs));
    const auto number = static_cast<std::int64_t>(reports.size()) + 1;
    const auto rid = "RPT-" + std::to_string(number);
    const auto recorded = clock_.now_text();
    auto incident_view = records::record_view(k, row);
    json::object snapshot{{"id", rid},
                          {"incident_id", id},
                          {"type", *type},
                          {"recipient_kind", *kind},
                          {"recipient", *recipient},
                          {"sent_at", format_time(*sent)},
                          {"reference", reference && !reference->empty() ? json::value(*reference) : json::value(nullptr)},
                          {"content", *content},
                          {"incident", incident_view},
                          {"sent_by", a.email},
                          {"recorded_at", recorded}};
    auto hash = ledger::content_hash(snapshot);
    if (!hash) return hash.error();
    store::RecordRow rep{kReportKind, a.org_id, id, rid, 1, number, *kind, recorded, recorded, json::serialize(snapshot)};
    if (auto s = tx.put_record(rep, 0); !s) return s;
    json::object summary{{"id", rid},           {"type", *type},         {"recipient_kind", *kind},
                         {"recipient", *recipient}, {"sent_at", format_time(*sent)}, {"reference", snapshot.at("reference")},
                         {"sha256", *hash},     {"sent_by", a.email}};
    reports.push_back(summary);
    auto after = before;
    after["reports"] = reports;
    auto state = records::doc_text(&before, "status");
    if (state == "open" || state == "investigating") after["status"] = "reported";
    static const std::vector<std::string> keys{"reports", "status"};
    if (auto s = save_next(tx, a, row, before, after, recorded, "report", keys); !s) return s;
    out = snapshot;
    out["sha256"] = *hash;
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> IncidentService::reports(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read incidents"); !st) return st.error();
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_incident(tx, a, id);
    if (!row) return row.error();
    store::RecordFilter f;
    f.org_id = a.org_id;
    f.kind = kReportKind;
    f.parent_id = id;
    for (const auto& r : tx.list_records(f)) {
      auto doc = stored::parse_object(r.doc);
      auto hash = ledger::content_hash(doc);
      if (hash) doc["sha256"] = *hash;
      items.push_back(std::move(doc));
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"incident_id", id}, {"items", std::move(items)}});
}

result<std::string> IncidentService::clocks(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read incidents"); !st) return st.error();
  const auto now = clock_.now();
  json::object out{{"incident_id", id}, {"now", format_time(now)}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_incident(tx, a, id);
    if (!row) return row.error();
    out["clocks"] = clocks_json(rules_.clocks(), stored::parse_object(row->doc), now, false);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> IncidentService::board(const Actor& a, const records::Params& p) {
  if (auto st = records::require(a, Action::read, "read incidents"); !st) return st.error();
  std::string state = "open";
  int limit = 50;
  std::optional<std::string> cursor;
  std::vector<FieldError> errs;
  for (const auto& [name, value] : p) {
    if (name == "state") {
      if (value != "open" && value != "overdue") errs.push_back({"state", 0, "must be open or overdue"});
      state = value;
    } else if (name == "limit") {
      int n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n < 1 || n > 500)
        errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
      else limit = n;
    } else if (name == "cursor") {
      cursor = value;
    } else {
      errs.push_back({name, 0, "is not a parameter of the clocks board (state, limit, cursor)"});
    }
  }
  const auto sort_param = "deadline:" + state;
  std::optional<store::RecordPosition> after;
  if (cursor) {
    after = records::decode_cursor(sort_param, *cursor);
    if (!after) errs.push_back({"cursor", 0, "is not a cursor of this list"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The clocks board parameters are not valid.", std::move(errs));
  const auto now = clock_.now();
  json::object out{{"state", state}, {"now", format_time(now)}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery q;
    q.org_id = a.org_id;
    q.kind = incident_kind().kind;
    q.parent_id = "";
    q.ref = "";  // not archived
    q.filters = {{kOpenClockSlot, {"open"}}};
    if (state == "overdue") q.below = std::make_pair(kDeadlineSlot, format_time(now));
    q.sort = kDeadlineSlot;
    q.limit = limit;
    q.after = after;
    auto page = tx.query_records(q);
    json::array items;
    for (const auto& r : page.items) {
      items.push_back(stored::row_or_error(q.kind, a.org_id, r.id, [&] {
        auto doc = stored::parse_object(r.doc);
        json::object item{{"incident_id", r.id},
                          {"title", doc.contains("title") ? doc.at("title") : json::value(nullptr)},
                          {"system_id", doc.contains("system_id") ? doc.at("system_id") : json::value(nullptr)},
                          {"status", doc.contains("status") ? doc.at("status") : json::value(nullptr)},
                          {"next_deadline", r.facets.text[static_cast<std::size_t>(kDeadlineSlot)].empty()
                                                ? json::value(nullptr)
                                                : json::value(r.facets.text[static_cast<std::size_t>(kDeadlineSlot)])},
                          {"clocks", clocks_json(rules_.clocks(), doc, now, true)}};
        return item;
      }));
    }
    out["items"] = std::move(items);
    out["total"] = page.total;
    if (page.more && !page.items.empty())
      out["next"] = records::encode_cursor(sort_param, records::position_of(page.items.back(), q.sort));
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> IncidentService::export_json(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read incidents"); !st) return st.error();
  const auto now = clock_.now();
  json::object out{{"format", "aims-incident/1"}, {"exported_at", format_time(now)}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_incident(tx, a, id);
    if (!row) return row.error();
    out["incident"] = records::record_view(incident_kind(), *row);
    // The AI system by its name too, for people reading the export (null when it is gone).
    auto system_id = records::doc_text(&out["incident"].as_object(), "system_id");
    auto sys = tx.find_system(a.org_id, system_id);
    auto sys_doc = sys ? stored::parse_object(sys->doc) : json::object{};
    out["system"] = json::object{{"id", system_id}, {"name", sys_doc.contains("name") ? sys_doc.at("name") : json::value(nullptr)}};
    out["clocks"] = clocks_json(rules_.clocks(), stored::parse_object(row->doc), now, false);
    return ok();
  });
  if (!st) return st.error();
  auto reps = reports(a, id);
  if (!reps) return reps.error();
  out["reports"] = json::parse(*reps).as_object().at("items");
  return json::serialize(out);
}

result<json::object> IncidentService::summary(const Actor& a) {
  if (auto st = records::require(a, Action::read, "read incidents"); !st) return st.error();
  const auto now = format_time(clock_.now());
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto count = [&](std::vector<store::FacetIn> filters, bool overdue) {
      store::RecordQuery q;
      q.org_id = a.org_id;
      q.kind = incident_kind().kind;
      q.parent_id = "";
      q.ref = "";  // not archived
      q.filters = std::move(filters);
      if (overdue) q.below = std::make_pair(kDeadlineSlot, now);
      q.sort = kDeadlineSlot;
      q.limit = 1;
      return tx.query_records(q).total;
    };
    out["open"] = count({{store::FacetSlot::text1, {"open", "investigating", "reported"}}}, false);
    out["serious"] = count({{kSeriousSlot, {"serious"}}}, false);
    out["open_clocks"] = count({{kOpenClockSlot, {"open"}}}, false);
    out["overdue_clocks"] = count({{kOpenClockSlot, {"open"}}}, true);
    store::RecordQuery q;
    q.org_id = a.org_id;
    q.kind = incident_kind().kind;
    q.parent_id = "";
    q.ref = "";
    q.filters = {{kOpenClockSlot, {"open"}}};
    q.below = std::make_pair(kDeadlineSlot, std::string("~"));  // every row with a deadline
    q.sort = kDeadlineSlot;
    q.limit = 1;
    q.count = false;
    auto page = tx.query_records(q);
    out["next_deadline"] = page.items.empty() ? json::value(nullptr)
                                              : json::value(page.items.front().facets.text[static_cast<std::size_t>(kDeadlineSlot)]);
    return ok();
  });
  if (!st) return st.error();
  dashboard::describe_card(out, "AI incidents", "/incidents",
                           {{"open", "open incidents", out["open"].as_int64(), "/incidents", false},
                            {"serious", "serious incidents", out["serious"].as_int64(), "/incidents", false},
                            {"open_clocks", "reporting clocks running", out["open_clocks"].as_int64(), "/incidents/clocks", false},
                            {"overdue_clocks", "reporting clocks overdue", out["overdue_clocks"].as_int64(), "/incidents/clocks", true}});
  return out;
}

}  // namespace aims::incidents
