#include "domain/objectives/reading_service.hpp"

#include <map>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/json_text.hpp"
#include "domain/common/stored.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/objectives/objective_input.hpp"
#include "domain/objectives/objective_records.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::objectives {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

using records::require;

Error no_objective(const std::string& id) { return make_error(errc::not_found, "No AI objective " + id + " in this organization."); }

std::string key_of(const store::RecordRow& objective) { return objective.ref; }

bool retired(const json::object& objective) { return objective.at("status").as_string() == "retired"; }

/// Records one reading of `objective` (already checked) and logs it; returns the stored reading.
result<json::object> record(store::WriteTx& tx, const Actor& a, const store::RecordRow& objective, const ReadingInput& in,
                            const std::string& id, const std::string& now) {
  auto seq = next_reading_event(tx, a.org_id, objective.id);
  auto position = reading_position(*parse_date(in.measured_on), seq);
  // The newest reading carries ref "latest"; a reading measured later takes it over.
  auto latest = latest_reading(tx, a.org_id, objective.id);
  bool newest = !latest || position > latest->position;
  if (newest && latest) {
    auto old = *latest;
    old.ref = "";
    old.version = latest->version + 1;
    if (auto s = tx.put_record(old, latest->version); !s) return s.error();
  }
  json::object doc{{"id", id},          {"objective_id", objective.id}, {"value", number_value(in.value)},
                   {"measured_on", in.measured_on}, {"note", in.note},   {"recorded_by", a.email},
                   {"recorded_at", now}};
  store::RecordRow r{kReadingKind, a.org_id, objective.id, id, 1, position, newest ? kLatest : "", now, now,
                     to_json_text(doc)};
  if (auto s = tx.put_record(r, 0); !s) return s.error();
  json::array changes{json::object{{"field", "reading_id"}, {"from", nullptr}, {"to", id}},
                      json::object{{"field", "value"}, {"from", nullptr}, {"to", doc.at("value")}},
                      json::object{{"field", "measured_on"}, {"from", nullptr}, {"to", in.measured_on}}};
  if (!in.note.empty()) changes.push_back(json::object{{"field", "note"}, {"from", nullptr}, {"to", in.note}});
  store::HistoryRow h{a.org_id, kReadingKind, objective.id, seq, now, a.email, "reading_added", to_json_text(changes)};
  if (auto s = tx.insert_history(h); !s) return s.error();
  return doc;
}

/// What a caller needs to know about an objective after a change to its readings.
json::object objective_status(store::ReadTx& tx, const Actor& a, const store::RecordRow& objective, Date today) {
  auto doc = json::parse(objective.doc).as_object();
  return json::object{{"id", objective.id},
                      {"key", key_of(objective)},
                      {"title", doc.at("title")},
                      {"status", doc.at("status")},
                      {"derived", derived_json(doc, latest_reading(tx, a.org_id, objective.id), today)}};
}

Error retired_error(const store::RecordRow& objective) {
  return make_error(errc::conflict, "Objective " + key_of(objective) +
                                        " is retired and takes no readings; make it active again to record one.");
}

}  // namespace

result<std::string> ReadingService::add(const Actor& a, const std::string& objective, const json::value& body) {
  if (auto st = require(a, Action::write_record, "record readings"); !st) return st.error();
  auto id = ids_.next("rdg");
  auto now = clock_.now_text();
  auto today = date_of(clock_.now());
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto obj = find_objective(tx, a.org_id, objective);
    if (!obj) return no_objective(objective);
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    auto in = read_reading(body.as_object(), today, false);
    if (!in) return in.error();
    auto doc = json::parse(obj->doc).as_object();
    if (retired(doc)) return retired_error(*obj);
    auto stored = record(tx, a, *obj, *in, id, now);
    if (!stored) return stored.error();
    out = to_json_text(json::object{{"reading", reading_view(store::RecordRow{kReadingKind, a.org_id, obj->id, id, 1, 0, "", now, now, to_json_text(*stored)},
                                                                targets_of(doc))},
                                       {"objective", objective_status(tx, a, *obj, today)}});
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ReadingService::push(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "record readings"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const auto& o = body.as_object();
  for (const auto& kv : o)
    if (kv.key() != "readings")
      return make_error(errc::validation, "The push is not valid.", {{std::string(kv.key()), 0, "is not a field here"}});
  auto list = o.if_contains("readings");
  if (!list || !list->is_array() || list->as_array().empty() || list->as_array().size() > kMaxPush)
    return make_error(errc::validation, "The push is not valid.",
                      {{"readings", 0, "must be a list of 1 to " + std::to_string(kMaxPush) + " readings"}});
  auto today = date_of(clock_.now());
  auto now = clock_.now_text();
  std::vector<ReadingInput> inputs;
  std::vector<FieldError> errs;
  int row = 0;
  for (const auto& v : list->as_array()) {
    ++row;
    if (!v.is_object()) {
      errs.push_back({"", row, "must be an object with objective, value, measured_on and note"});
      continue;
    }
    auto in = read_reading(v.as_object(), today, true, row);
    if (!in) {
      auto e = in.error();  // a copy: error() returns by value
      errs.insert(errs.end(), e.errors.begin(), e.errors.end());
    } else {
      inputs.push_back(std::move(*in));
    }
  }
  if (!errs.empty())
    return make_error(errc::validation, std::to_string(errs.size()) + " problem(s) in the readings; nothing was recorded.",
                      std::move(errs));
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < inputs.size(); ++i) ids.push_back(ids_.next("rdg"));
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    std::map<std::string, std::optional<store::RecordRow>> found;  // by id or key as sent
    std::vector<FieldError> terrs;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      auto& ref = inputs[i].objective;
      if (!found.count(ref)) found[ref] = find_objective(tx, a.org_id, ref);
      const auto& obj = found[ref];
      if (!obj) terrs.push_back({"objective", static_cast<int>(i) + 1, "no AI objective " + ref + " in this organization"});
      else if (retired(json::parse(obj->doc).as_object()))
        terrs.push_back({"objective", static_cast<int>(i) + 1, "objective " + key_of(*obj) + " is retired and takes no readings"});
    }
    if (!terrs.empty())
      return make_error(errc::validation, std::to_string(terrs.size()) + " problem(s) in the readings; nothing was recorded.",
                        std::move(terrs));
    json::array items;
    std::vector<std::string> touched;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const auto& obj = *found[inputs[i].objective];
      auto stored = record(tx, a, obj, inputs[i], ids[i], now);
      if (!stored) return stored.error();
      auto targets = targets_of(json::parse(obj.doc).as_object());
      items.push_back(reading_view(store::RecordRow{kReadingKind, a.org_id, obj.id, ids[i], 1, 0, "", now, now, to_json_text(*stored)}, targets));
      if (std::find(touched.begin(), touched.end(), obj.id) == touched.end()) touched.push_back(obj.id);
    }
    json::array objectives;
    for (const auto& id : touched)
      if (auto obj = tx.find_record(a.org_id, kObjectiveKind, "", id)) objectives.push_back(objective_status(tx, a, *obj, today));
    out = to_json_text(json::object{{"created", items.size()}, {"items", std::move(items)}, {"objectives", std::move(objectives)}});
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ReadingService::list(const Actor& a, const std::string& objective, const std::optional<std::string>& limit,
                                         const std::optional<std::string>& cursor) {
  auto lim = inventory::parse_limit(limit);
  if (!lim) return lim.error();
  std::optional<store::RecordCursor> after;
  if (cursor) {
    std::string raw;
    boost::system::error_code ec;
    json::value v;
    if (crypto::base64url_decode(*cursor, raw)) v = json::parse(raw, ec);
    if (ec || !v.is_object() || !v.as_object().if_contains("p") || !v.as_object().if_contains("i") || !v.at("p").is_int64() ||
        !v.at("i").is_string())
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
    after = store::RecordCursor{"", v.at("p").as_int64(), std::string(v.at("i").as_string())};
  }
  std::vector<store::RecordRow> rows;
  std::int64_t total = 0;
  std::optional<store::RecordRow> obj;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    obj = find_objective(tx, a.org_id, objective);
    if (!obj) return no_objective(objective);
    if (after) after->parent_id = obj->id;
    rows = tx.list_records({a.org_id, kReadingKind, obj->id, std::nullopt, *lim + 1, after});
    total = tx.count_records({a.org_id, kReadingKind, obj->id, std::nullopt, 0, std::nullopt});
    return ok();
  });
  if (!st) return st.error();
  bool more = static_cast<int>(rows.size()) > *lim;
  if (more) rows.resize(static_cast<std::size_t>(*lim));
  auto targets = targets_of(json::parse(obj->doc).as_object());
  json::array items;
  for (const auto& r : rows)
    items.push_back(stored::row_or_error(kReadingKind, a.org_id, r.id, [&] { return reading_view(r, targets); }));
  json::object out{{"items", std::move(items)}, {"total", total}};
  if (more && !rows.empty())
    out["next"] = crypto::base64url_encode(to_json_text(json::object{{"p", rows.back().position}, {"i", rows.back().id}}));
  return to_json_text(out);
}

status ReadingService::remove(const Actor& a, const std::string& objective, const std::string& reading_id) {
  if (auto st = require(a, Action::archive_record, "delete readings"); !st) return st.error();
  auto now = clock_.now_text();
  return store_.write([&](store::WriteTx& tx) -> status {
    auto obj = find_objective(tx, a.org_id, objective);
    if (!obj) return no_objective(objective);
    auto r = tx.find_record(a.org_id, kReadingKind, obj->id, reading_id);
    if (!r) return make_error(errc::not_found, "Objective " + key_of(*obj) + " has no reading " + reading_id + ".");
    if (auto s = tx.delete_record(a.org_id, kReadingKind, obj->id, reading_id, r->version); !s) return s;
    if (r->ref == kLatest) {
      // The newest of the remaining readings becomes the latest.
      auto rest = tx.list_records({a.org_id, kReadingKind, obj->id, std::nullopt, 0, std::nullopt});
      if (!rest.empty()) {
        auto next = rest.back();
        next.ref = kLatest;
        next.version = rest.back().version + 1;
        if (auto s = tx.put_record(next, rest.back().version); !s) return s;
      }
    }
    auto doc = json::parse(r->doc).as_object();
    json::array changes{json::object{{"field", "reading_id"}, {"from", reading_id}, {"to", nullptr}},
                        json::object{{"field", "value"}, {"from", doc.at("value")}, {"to", nullptr}},
                        json::object{{"field", "measured_on"}, {"from", doc.at("measured_on")}, {"to", nullptr}}};
    if (auto n = doc.if_contains("note"); n && n->is_string() && !n->as_string().empty())
      changes.push_back(json::object{{"field", "note"}, {"from", *n}, {"to", nullptr}});
    changes.push_back(json::object{{"field", "recorded_by"}, {"from", doc.at("recorded_by")}, {"to", nullptr}});
    store::HistoryRow h{a.org_id, kReadingKind, obj->id, next_reading_event(tx, a.org_id, obj->id), now, a.email,
                        "reading_deleted", to_json_text(changes)};
    return tx.insert_history(h);
  });
}

}  // namespace aims::objectives
