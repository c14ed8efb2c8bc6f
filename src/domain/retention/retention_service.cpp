#include "domain/retention/retention_service.hpp"

#include <regex>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/versions.hpp"
#include "domain/retention/retention.hpp"

namespace aims::retention {
namespace json = boost::json;
using accounts::Actor;

namespace {

status require_admin(const Actor& a, std::string_view what) {
  return records::require(a, accounts::Action::administer, what);
}

json::object served_settings(const std::optional<store::RecordRow>& r) {
  json::object periods;
  json::value at = nullptr, by = nullptr;
  if (r) {
    auto doc = stored::parse_object(r->doc);
    if (auto p = doc.if_contains("periods"); p && p->is_object()) periods = p->as_object();
    at = json::value(r->updated_at);
    if (auto b = doc.if_contains("updated_by")) by = *b;
  }
  json::array kinds;
  for (const auto* k : kinds::all_kinds()) kinds.push_back(json::value(k->kind));
  return json::object{{"periods", std::move(periods)}, {"kinds", std::move(kinds)}, {"version", r ? r->version : 0},
                      {"updated_at", std::move(at)}, {"updated_by", std::move(by)}};
}

/// The periods of a PUT body, one field error per bad key or value.
result<json::object> parse_periods(const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"periods", "kinds", "version", "updated_at", "updated_by"});
  json::object out;
  auto p = body.as_object().if_contains("periods");
  if (!p) in.error("periods", "is required");
  else if (!p->is_object()) in.error("periods", "must be an object of record kinds and months, e.g. {\"risk\": 84}");
  else {
    static const std::regex type_re("[a-z0-9_-]{1,60}");
    for (const auto& kv : p->as_object()) {
      std::string key(kv.key());
      auto colon = key.find(':');
      auto kind = key.substr(0, colon);
      auto field = "periods." + key;
      if (!kinds::kind_named(kind)) {
        in.error(field, "is not a record kind (" + kind + ")");
        continue;
      }
      if (colon != std::string::npos && !std::regex_match(key.substr(colon + 1), type_re)) {
        in.error(field, "the type after ':' must be 1–60 lower-case letters, digits, '_' or '-'");
        continue;
      }
      auto months = input::whole_number(kv.value(), 1, 1200);
      if (!months) in.error(field, "must be a whole number of months from 1 to 1200");
      else out[key] = *months;
    }
  }
  if (!in.ok()) return in.failure("The retention periods are not valid.");
  return out;
}

json::object served_hold(const store::RecordRow& r) {
  auto doc = stored::parse_object(r.doc);
  doc["id"] = r.id;
  doc["version"] = r.version;
  return doc;
}

}  // namespace

result<View> RetentionService::get(const Actor& a) {
  if (auto st = records::require(a, accounts::Action::read, "read the retention periods"); !st) return st.error();
  View out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kSettingsKind), "", std::string(kSettingsId));
    out = View{std::string(kSettingsId), r ? r->version : 0, json::serialize(served_settings(r))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> RetentionService::put(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  if (auto st = require_admin(a, "change the retention periods"); !st) return st.error();
  auto periods = parse_periods(body);
  if (!periods) return periods.error();
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kSettingsKind), "", std::string(kSettingsId));
    std::int64_t version = r ? r->version : 0;
    if (!if_match)
      return make_error(errc::precondition_required, "Send If-Match with the ETag you last read (\"v0\" before the first save).");
    if (!records::names_version(*if_match, version))
      return make_error(errc::precondition_failed, "The retention periods were changed by someone else since you read them (now version " +
                                                       std::to_string(version) + "); reload and apply your change again.");
    json::object before;
    if (r) {
      auto stored_doc = stored::parse_object(r->doc);
      if (auto p = stored_doc.if_contains("periods"); p && p->is_object()) before = p->as_object();
    }
    if (r && before == *periods) {
      out = View{std::string(kSettingsId), version, json::serialize(served_settings(r))};
      return ok();
    }
    json::array changes;
    for (const auto& kv : before)
      if (!periods->contains(kv.key()) || periods->at(kv.key()) != kv.value())
        changes.push_back(json::object{{"field", "periods." + std::string(kv.key())}, {"from", kv.value()},
                                       {"to", periods->contains(kv.key()) ? periods->at(kv.key()) : json::value(nullptr)}});
    for (const auto& kv : *periods)
      if (!before.contains(kv.key()))
        changes.push_back(json::object{{"field", "periods." + std::string(kv.key())}, {"from", nullptr}, {"to", kv.value()}});
    auto now = clock_.now_text();
    json::object doc{{"periods", *periods}, {"updated_by", a.email}};
    store::RecordRow row{std::string(kSettingsKind), a.org_id, "", std::string(kSettingsId), version + 1, 0, "",
                         r ? r->created_at : now, now, json::serialize(doc)};
    if (auto s = tx.put_record(row, version); !s) return s;
    store::HistoryRow h{a.org_id, std::string(kSettingsKind), std::string(kSettingsId), row.version, now, a.email,
                        r ? "update" : "create", json::serialize(changes)};
    if (auto s = tx.insert_history(h); !s) return s;
    out = View{std::string(kSettingsId), row.version, json::serialize(served_settings(row))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> RetentionService::hold(const Actor& a, const json::value& body) { return set_hold(a, body, true); }
result<View> RetentionService::release(const Actor& a, const json::value& body) { return set_hold(a, body, false); }

result<View> RetentionService::set_hold(const Actor& a, const json::value& body, bool on) {
  if (auto st = require_admin(a, on ? "place legal holds" : "release legal holds"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"kind", "record_id", "reason"});
  auto kind = in.text("kind", 60, false, true);
  auto record_id = in.text("record_id", 100, false, true);
  auto reason = in.text("reason", 500, false, true);
  const bool system = kind && *kind == "system";  // AI systems are held like records
  const records::KindSpec* spec = kind ? kinds::kind_named(*kind) : nullptr;
  if (kind && !kind->empty() && !spec && !system) in.error("kind", "is not a record kind (" + *kind + ")");
  if (!in.ok()) return in.failure(on ? "The legal hold is not valid." : "The release is not valid.");
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (system ? !tx.find_system(a.org_id, *record_id).has_value() : !tx.find_record(a.org_id, spec->kind, "", *record_id))
      return make_error(errc::not_found, "No " + (system ? std::string("AI system") : spec->noun) + " " + *record_id + " in this organization.");
    const std::string title = system ? "AI system" : spec->title;
    auto id = hold_id(*kind, *record_id);
    auto r = tx.find_record(a.org_id, std::string(kHoldKind), "", id);
    auto doc = r ? stored::parse_object(r->doc) : json::object{};
    bool active = doc.contains("active") && doc.at("active") == json::value(true);
    if (active == on)
      return make_error(errc::conflict, title + " " + *record_id + (on ? " is under legal hold already." : " is not under legal hold."));
    auto now = clock_.now_text();
    json::object after{{"kind", *kind}, {"record_id", *record_id}, {"active", on}};
    if (on) {
      after["reason"] = *reason;
      after["held_by"] = a.email;
      after["held_at"] = now;
    } else {
      for (auto key : {"reason", "held_by", "held_at"}) after[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
      after["release_reason"] = *reason;
      after["released_by"] = a.email;
      after["released_at"] = now;
    }
    json::array changes{json::object{{"field", "active"}, {"from", r ? json::value(active) : json::value(nullptr)}, {"to", on}},
                        json::object{{"field", on ? "reason" : "release_reason"}, {"from", nullptr}, {"to", *reason}}};
    std::int64_t version = r ? r->version : 0;
    store::RecordRow row{std::string(kHoldKind), a.org_id, "", id, version + 1, 0, "", r ? r->created_at : now, now,
                         json::serialize(after)};
    if (auto s = tx.put_record(row, version); !s) return s;
    store::HistoryRow h{a.org_id, std::string(kHoldKind), id, row.version, now, a.email, on ? "hold" : "release",
                        json::serialize(changes)};
    if (auto s = tx.insert_history(h); !s) return s;
    out = View{id, row.version, json::serialize(served_hold(row))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> RetentionService::list_holds(const Actor& a, const std::optional<std::string>& all) {
  if (auto st = records::require(a, accounts::Action::read, "read legal holds"); !st) return st.error();
  if (all && *all != "true" && *all != "false")
    return make_error(errc::bad_request, "The list parameters are not valid.", {{"all", 0, "must be true or false"}});
  bool every = all && *all == "true";
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordFilter f;
    f.org_id = a.org_id;
    f.kind = std::string(kHoldKind);
    for (const auto& r : tx.list_records(f)) {
      auto v = served_hold(r);
      if (every || (v.contains("active") && v.at("active") == json::value(true))) items.push_back(std::move(v));
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

}  // namespace aims::retention
