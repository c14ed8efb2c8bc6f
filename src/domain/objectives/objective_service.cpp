#include "domain/objectives/objective_service.hpp"


#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/json_text.hpp"
#include "domain/common/stored.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/objectives/objective_kind.hpp"
#include "domain/objectives/objective_list.hpp"
#include "domain/objectives/objective_input.hpp"
#include "domain/records/list_view.hpp"
#include "domain/records/read_cache.hpp"
#include "domain/objectives/objective_records.hpp"
#include "domain/records/changes.hpp"
#include "domain/ledger/history_json.hpp"
#include "store/list_views.hpp"

namespace aims::objectives {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

using records::require;

Error not_found(const std::string& id) { return records::not_found(objective_kind(), id); }

json::array diff(const json::object& before, const json::object& after) {
  return records::changes_of(before, after, objective_fields());
}

/// A system the objective may name: one of the organization's, not archived.
SystemCheck system_check(store::ReadTx& tx, const std::string& org_id) {
  return [&tx, org_id](const std::string& id) -> std::optional<std::string> {
    auto row = tx.find_system(org_id, id);
    if (!row) return "is not an AI system of this organization";
    if (row->archived) return "names an archived AI system; restore it first or choose another";
    return std::nullopt;
  };
}

}  // namespace

result<records::Versioned> ObjectiveService::create(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "create AI objectives"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  auto id = ids_.next("obj");  // minted outside the transaction, so that a retry reuses it
  auto now = clock_.now_text();
  auto today = date_of(clock_.now());
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto fields = apply_objective_input(body.as_object(), {}, true, cat_, today, system_check(tx, a.org_id));
    if (!fields) return fields.error();
    auto next = records::next_number(tx, objective_kind(), a.org_id, now);
    if (!next) return next.error();
    const std::int64_t number = *next;
    json::object doc{{"id", id}, {"key", objective_kind().prefix + std::to_string(number)}, {"number", number}};
    for (auto& kv : *fields) doc[kv.key()] = kv.value();
    doc["version"] = 1;
    doc["created_at"] = now;
    doc["created_by"] = a.email;
    doc["updated_at"] = now;
    doc["updated_by"] = a.email;
    store::RecordRow r{kObjectiveKind, a.org_id, "", id, 1, number, std::string(doc.at("key").as_string()), now, now,
                       to_json_text(doc)};
    if (auto s = records::save(tx, objective_kind(), a, r, 0, "create", diff(json::object{}, doc)); !s) return s;
    SystemNames names(tx, a.org_id);
    out = records::Versioned{id, 1, to_json_text(objective_view(doc, cat_, names, std::nullopt, today))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> ObjectiveService::get(const Actor& a, const std::string& id) {
  records::Versioned out;
  bool found = false;
  auto today = date_of(clock_.now());
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find_objective(tx, a.org_id, id);
    if (!row) return ok();
    found = true;
    SystemNames names(tx, a.org_id);
    auto view = objective_view(stored::parse_object(row->doc), cat_, names, latest_reading(tx, a.org_id, row->id), today);
    view["readings_count"] = tx.count_records({a.org_id, kReadingKind, row->id, std::nullopt, 0, std::nullopt});
    out = records::Versioned{row->id, row->version, to_json_text(view)};
    return ok();
  });
  if (!st) return st.error();
  if (!found) return not_found(id);
  return out;
}

result<records::Versioned> ObjectiveService::update(const Actor& a, const std::string& id, const json::value& body,
                                               const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change AI objectives"); !st) return st.error();
  auto now = clock_.now_text();
  auto today = date_of(clock_.now());
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = find_objective(tx, a.org_id, id);
    if (!row) return not_found(id);
    if (auto s = records::check_if_match(objective_kind(), *row, if_match); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    auto before = stored::parse_object(row->doc);
    auto after = apply_objective_input(body.as_object(), before, false, cat_, today, system_check(tx, a.org_id));
    if (!after) return after.error();
    auto changes = diff(before, *after);
    auto latest = latest_reading(tx, a.org_id, row->id);
    SystemNames names(tx, a.org_id);
    if (changes.empty()) {
      out = records::Versioned{row->id, row->version, to_json_text(objective_view(before, cat_, names, latest, today))};
      return ok();
    }
    auto& doc = *after;
    doc["version"] = row->version + 1;
    doc["updated_at"] = now;
    doc["updated_by"] = a.email;
    store::RecordRow r = *row;
    r.version = row->version + 1;
    r.updated_at = now;
    r.doc = to_json_text(doc);
    if (auto s = records::save(tx, objective_kind(), a, r, row->version, "update", changes); !s) return s;
    out = records::Versioned{row->id, r.version, to_json_text(objective_view(doc, cat_, names, latest, today))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ObjectiveService::list(const Actor& a, const records::Params& p) {
  return records::cached_text(store_, lists_, a, objective_kind().kind, clock_.now_text().substr(0, 10), p,
                              [&] { return list_built(a, p); });
}

result<std::string> ObjectiveService::list_built(const Actor& a, const records::Params& p) {
  auto lq = records::parse_list(objective_kind(), p);
  if (!lq) return lq.error();
  auto today = date_of(clock_.now());
  json::object out;
  std::string served;  // the page's text when the store paged it (else out is written)
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    sql.parent_id = "";
    // The text search covers the name of the objective's AI system, which the store cannot join:
    // when a system's name holds the text, the text is matched here.
    bool text_in_memory = sql.text && !inventory::system_ids_named(tx, a.org_id, *sql.text).empty();
    SystemNames names(tx, a.org_id);
    auto view_of = [&](const store::RecordRow& r, const std::optional<store::RecordRow>& latest) {
      return stored::row_or_error(kObjectiveKind, a.org_id, r.id,
                                  [&] { return objective_view(stored::parse_object(r.doc), cat_, names, latest, today); });
    };
    if (lq->in_sql() && !text_in_memory) {  // filtered, sorted and paged by the store
      auto [page, views] = store::query_viewed(tx, sql);
      // The page's latest readings and systems' names in one query each (the systems from the
      // facet that holds them; one the facet missed is read when its row is served).
      std::vector<std::string> ids, systems;
      for (const auto& r : page.items) {
        ids.push_back(r.id);
        if (const auto& sid = r.facets.text[6]; !sid.empty() && sid != "none") systems.push_back(sid);
      }
      auto latest = latest_readings_of(tx, a.org_id, ids);
      names.read(systems);
      auto latest_of = [&](const store::RecordRow& r) {
        auto l = latest.find(r.id);
        return l == latest.end() ? std::nullopt : std::optional<store::RecordRow>(l->second);
      };
      auto items = records::page_json(
          objective_kind(), page.items, views,
          [&](const store::RecordRow& r, const json::object& in) { return served_members(in, cat_, names, latest_of(r), today); },
          [&](const store::RecordRow& r) { return view_of(r, latest_of(r)); },
          to_json_text);
      // {"items": …, "total": …, "next"?} as json::serialize writes it, with the page's text as is.
      served = R"({"items":)" + items + R"(,"total":)" + std::to_string(page.total);
      if (page.more)
        served += R"(,"next":)" + to_json_text(json::string(records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort))));
      served += '}';
      return ok();
    }
    // The derived status, an overdue reading, or a system's name: the rows the store selects are
    // filtered, sorted and paged here.
    if (text_in_memory) sql.text.reset();
    sql.limit = 0;
    sql.after.reset();
    sql.count = false;
    auto latest = latest_readings(tx, a.org_id);
    std::vector<Listed> rows;
    for (auto& r : tx.query_records(sql).items) {
      auto l = latest.find(r.id);
      auto view = view_of(r, l == latest.end() ? std::nullopt : std::optional<store::RecordRow>(l->second));
      rows.push_back({std::move(r), std::move(view)});
    }
    auto page = select_page(std::move(rows), *lq, text_in_memory);
    out = json::object{{"items", std::move(page.items)}, {"total", page.total}};
    if (page.next) out["next"] = *page.next;
    return ok();
  });
  if (!st) return st.error();
  if (!served.empty()) return served;
  return to_json_text(out);
}

result<std::string> ObjectiveService::history(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                              const std::optional<std::string>& cursor) {
  int lim = 50;
  // The cursor holds, per stream, the version to continue below (0: nothing left).
  std::optional<std::int64_t> before_o, before_r;
  std::vector<store::HistoryRow> own, readings;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find_objective(tx, a.org_id, id);
    if (!row) return not_found(id);  // before the parameters are checked
    auto l = inventory::parse_limit(limit);
    if (!l) return l.error();
    lim = *l;
    if (cursor) {
      std::string raw;
      boost::system::error_code ec;
      json::value v;
      if (crypto::base64url_decode(*cursor, raw)) v = json::parse(raw, ec);
      if (ec || !v.is_object() || !v.as_object().if_contains("o") || !v.as_object().if_contains("r") ||
          !v.at("o").is_int64() || !v.at("r").is_int64())
        return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
      before_o = v.at("o").as_int64();
      before_r = v.at("r").as_int64();
    }
    if (before_o != 0) own = tx.list_history(a.org_id, kObjectiveKind, row->id, lim + 1, before_o);
    if (before_r != 0) readings = tx.list_history(a.org_id, kReadingKind, row->id, lim + 1, before_r);
    return ok();
  });
  if (!st) return st.error();
  json::array items;
  std::size_t i = 0, j = 0;
  while (static_cast<int>(items.size()) < lim && (i < own.size() || j < readings.size())) {
    bool take_own = j >= readings.size() || (i < own.size() && own[i].at >= readings[j].at);
    const auto& h = take_own ? own[i++] : readings[j++];
    auto item = ledger::history_item(h);
    item.emplace("record", take_own ? "objective" : "reading");
    items.push_back(std::move(item));
  }
  auto next_of = [](const std::vector<store::HistoryRow>& rows, std::size_t taken, std::optional<std::int64_t> before) {
    if (taken >= rows.size()) return std::int64_t{0};
    return taken ? rows[taken - 1].version : before.value_or(rows.front().version + 1);
  };
  json::object out{{"items", std::move(items)}};
  auto no = next_of(own, i, before_o), nr = next_of(readings, j, before_r);
  if (no || nr) out["next"] = crypto::base64url_encode(to_json_text(json::object{{"o", no}, {"r", nr}}));
  return to_json_text(out);
}

result<std::string> ObjectiveService::summary(const Actor& a) {
  auto today = date_of(clock_.now());
  json::object by_status{{"active", 0}, {"achieved", 0}, {"retired", 0}};
  json::object by_derived{{"on_track", 0}, {"at_risk", 0}, {"off_track", 0}, {"no_data", 0}};
  std::int64_t total = 0, overdue = 0, unreadable = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto latest = latest_readings(tx, a.org_id);
    for (const auto& r : tx.list_records({a.org_id, kObjectiveKind, std::string(), std::nullopt, 0, std::nullopt})) {
      ++total;
      // An unreadable record is logged and counted apart; the others still add up.
      auto counted = stored::row_or_error(kObjectiveKind, a.org_id, r.id, [&] {
        auto doc = stored::parse_object(r.doc);
        auto s = std::string(doc.at("status").as_string());
        json::object out{{"status", s}};
        if (s != "active") return out;
        auto l = latest.find(r.id);
        auto d = derived_json(doc, l == latest.end() ? std::nullopt : std::optional<store::RecordRow>(l->second), today);
        out["derived"] = d.at("status").as_string();
        out["overdue"] = d.at("reading_overdue").as_bool();
        return out;
      });
      if (stored::is_error_row(counted)) {
        ++unreadable;
        continue;
      }
      if (auto p = by_status.if_contains(counted.at("status").as_string())) *p = p->as_int64() + 1;
      if (auto d = counted.if_contains("derived")) {
        auto& n = by_derived[d->as_string()];
        n = n.as_int64() + 1;
        if (counted.at("overdue").as_bool()) ++overdue;
      }
    }
    return ok();
  });
  if (!st) return st.error();
  return to_json_text(json::object{{"total", total},
                                      {"by_status", std::move(by_status)},
                                      {"by_derived_status", std::move(by_derived)},
                                      {"overdue", overdue},
                                      {"unreadable", unreadable}});
}

}  // namespace aims::objectives
